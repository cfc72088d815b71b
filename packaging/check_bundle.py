"""Check the one-folder program: the data, Qt's Chinese translations, nothing extra, and that it runs.

    python3 packaging/check_bundle.py [dist/fazhi-report]

packaging/build.py runs it after every build. It prints the folder's size and its largest parts,
then lists every problem found (exit code 1), or says the folder is fine:

- templates/ and checklists/ hold every file the repository's folders hold; pyproject.toml is
  there with the version being built (drafting.version reads it);
- Qt's qtbase_zh_CN.qm is there, and no other language's Qt translations;
- the window's images (ui/*.png|svg) when the repository has any;
- no tests, benchmarks, documents or byte-code caches;
- the program, started with an almost empty environment (no Python, no venv), prints the version
  and exports a short report to .docx headless.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bundle_layout import QT_TRANSLATIONS_IN_BUNDLE, is_chinese_translation, ui_image_files  # noqa: E402

APP_TITLE = "法治报告助手"
#: Folders of the repository that must never end up in the program.
NOT_SHIPPED = ("tests", "bench", "docs", "scripts", "__pycache__", ".pytest_cache", ".ruff_cache")
SHORT_REPORT = (
    "某某镇人民政府关于2024年度法治政府建设情况的报告\n\n县委、县政府：\n现将我镇2024年度法治政府建设情况报告如下。\n"
    "一、主要举措和成效\n全年组织法治培训12场次。\n二、存在的不足和原因\n执法人员专业化水平不高。\n"
    "三、下一年度主要安排\n加强执法人员培训。\n\n某某镇人民政府\n2025年1月10日\n"
)


def executable(folder: Path) -> Path:
    return folder / ("fazhi-report-cli.exe" if sys.platform == "win32" else "fazhi-report")


def data_dir(folder: Path) -> Path:
    """Where PyInstaller put the data: _internal/ (PyInstaller 6) or the folder itself (older)."""
    inner = folder / "_internal"
    return inner if inner.is_dir() else folder


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def missing_data(folder: Path, root: Path = ROOT) -> list[str]:
    data = data_dir(folder)
    missing = []
    for name in ("templates", "checklists"):
        for source in sorted((root / name).rglob("*")):
            if source.is_file() and "__pycache__" not in source.parts:
                relative = source.relative_to(root)
                if not (data / relative).is_file():
                    missing.append(f"缺少数据文件 {relative.as_posix()}")
    for image in ui_image_files(root):
        if not (data / "ui" / image.name).is_file():
            missing.append(f"缺少界面图片 ui/{image.name}")
    return missing


def translation_problems(folder: Path) -> list[str]:
    translations = data_dir(folder) / QT_TRANSLATIONS_IN_BUNDLE
    problems = []
    if not (translations / "qtbase_zh_CN.qm").is_file():
        problems.append(f"缺少 Qt 中文翻译 {QT_TRANSLATIONS_IN_BUNDLE}/qtbase_zh_CN.qm")
    others = sorted(p.name for p in data_dir(folder).rglob("*.qm") if not is_chinese_translation(p.name))
    if others:
        problems.append(f"带了 {len(others)} 个其他语言的 Qt 翻译（如 {others[0]}）")
    return problems


def extra_files(folder: Path) -> list[str]:
    found = sorted({part for path in folder.rglob("*") for part in path.relative_to(folder).parts
                    if part in NOT_SHIPPED})
    return [f"不应打包的文件夹：{name}" for name in found]


def version_problems(folder: Path, version: str) -> list[str]:
    pyproject = data_dir(folder) / "pyproject.toml"
    if not pyproject.is_file():
        return ["缺少 pyproject.toml（版本号从这里读取）"]
    with pyproject.open("rb") as handle:
        shipped = tomllib.load(handle)["project"]["version"]
    return [] if shipped == version else [f"pyproject.toml 的版本是 {shipped}，应为 {version}"]


def bare_environment(home: Path) -> dict[str, str]:
    """As `env -i` leaves it: no Python, no venv, no PYTHONPATH; only what a process cannot do without."""
    if sys.platform == "win32":
        import os

        return {key: os.environ[key] for key in ("SYSTEMROOT", "TEMP", "TMP") if key in os.environ} | {
            "APPDATA": str(home)}
    return {"HOME": str(home), "PATH": "/usr/bin:/bin"}


def run_problems(folder: Path, version: str) -> list[str]:
    program = executable(folder)
    if not program.is_file():
        return [f"缺少程序文件 {program.name}"]
    problems = []
    with tempfile.TemporaryDirectory() as temp:
        home = Path(temp)
        env = bare_environment(home)
        shown = subprocess.run([str(program), "--version"], capture_output=True, text=True, encoding="utf-8",
                               env=env, timeout=120, check=False)
        if shown.stdout.strip() != f"{APP_TITLE} {version}":
            problems.append(f"--version 输出“{shown.stdout.strip()}”，应为“{APP_TITLE} {version}”：{shown.stderr.strip()}")
        (home / "报告.txt").write_text(SHORT_REPORT, encoding="utf-8")
        exported = subprocess.run([str(program), "export", "报告.txt", "-o", "报告.docx"], capture_output=True,
                                  text=True, encoding="utf-8", env=env, cwd=home, timeout=300, check=False)
        if exported.returncode != 0 or not (home / "报告.docx").is_file():
            problems.append(f"无界面导出失败（退出码 {exported.returncode}）：{exported.stderr.strip()}")
    return problems


def check_bundle(folder: Path, version: str, *, run: bool = True) -> list[str]:
    """Print the size and largest parts; return the problems found (empty when the folder is fine)."""
    if not folder.is_dir():
        return [f"没有程序文件夹 {folder}"]
    size = folder_size(folder)
    print(f"{folder}：{size / 2**20:.1f} MB（未压缩）")
    parts = sorted(((folder_size(p) if p.is_dir() else p.stat().st_size, p.name)
                    for p in data_dir(folder).iterdir() if not p.is_symlink()), reverse=True)
    print("  最大的部分：" + "，".join(f"{name} {bytes_ / 2**20:.1f} MB" for bytes_, name in parts[:6]))
    problems = [*missing_data(folder), *translation_problems(folder), *extra_files(folder),
                *version_problems(folder, version)]
    if run and not problems:
        problems += run_problems(folder, version)
    print("  检查通过：数据文件、Qt 中文翻译齐全，没有多余文件，程序能启动并导出。" if not problems
          else f"  发现 {len(problems)} 个问题。")
    return problems


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else ROOT / "dist" / "fazhi-report"
    with (ROOT / "pyproject.toml").open("rb") as handle:
        version = tomllib.load(handle)["project"]["version"]
    problems = check_bundle(folder, version)
    for problem in problems:
        print(f"  - {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
