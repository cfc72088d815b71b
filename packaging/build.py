"""Build the self-contained program and its packages, on the system it runs on.

    python3 -m pip install -e ".[build]"    # PyInstaller, once
    python3 packaging/build.py               # program, check, packages
    python3 packaging/build.py --no-packages # only dist/fazhi-report/ and its check

Linux: dist/fazhi-report/ (one folder, runs without Python), dist/fazhi-report_VERSION_linux_amd64.tar.gz
and dist/fazhi-report_VERSION_amd64.deb (dpkg-deb, no network). Windows: dist/fazhi-report/
(fazhi-report.exe for the window, fazhi-report-cli.exe for the command line), a .zip, and an
installer when Inno Setup (ISCC.exe) or NSIS (makensis) is installed.

VERSION is pyproject.toml's [project] version, the same number 关于 and --version show. The build
ends by running packaging/check_bundle.py on the folder and prints the size and how long it took.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DIST = ROOT / "dist"
WORK = ROOT / "build"
NAME = "fazhi-report"
sys.path.insert(0, str(PACKAGING))

from bundle_layout import desktop_icon  # noqa: E402
from check_bundle import check_bundle, folder_size  # noqa: E402


def project_version(root: Path = ROOT) -> str:
    with (root / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def deb_architecture() -> str:
    if shutil.which("dpkg"):
        result = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=False)
        if result.returncode == 0 and result.stdout.strip():
            return result.stdout.strip()
    return {"x86_64": "amd64", "aarch64": "arm64"}.get(platform.machine(), platform.machine())


def package_names(version: str, arch: str = "amd64") -> dict[str, str]:
    """The file names of what the build makes: the version and the architecture in every one."""
    return {
        "deb": f"{NAME}_{version}_{arch}.deb",
        "tar": f"{NAME}_{version}_linux_{arch}.tar.gz",
        "zip": f"{NAME}_{version}_windows_x64.zip",
        "setup": f"{NAME}_{version}_windows_x64_setup.exe",
    }


def run_pyinstaller() -> Path:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        sys.exit('没有安装 PyInstaller：请先运行 python3 -m pip install -e ".[build]"')
    subprocess.run([sys.executable, "-m", "PyInstaller", str(PACKAGING / f"{NAME}.spec"), "--noconfirm",
                    "--log-level", "WARN", "--distpath", str(DIST), "--workpath", str(WORK / "pyinstaller")],
                   cwd=ROOT, check=True)
    return DIST / NAME


# ---- Linux ------------------------------------------------------------------------------------


def make_tarball(folder: Path, target: Path) -> Path:
    with tarfile.open(target, "w:gz") as archive:
        archive.add(folder, arcname=folder.name)
    return target


def deb_control(version: str, arch: str, installed_kib: int) -> str:
    # The bundle carries Qt and Python; what it still takes from the system is the C library, OpenGL,
    # fonts and X11, present on every desktop of UOS, Kylin, Debian and Ubuntu. The bundled libraries
    # were linked on this machine: they need at least its C library.
    glibc = platform.libc_ver()[1] or "2.31"
    return (
        f"Package: {NAME}\n"
        f"Version: {version}\n"
        f"Architecture: {arch}\n"
        "Maintainer: 法治报告助手开发组 <fazhi-report@localhost>\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: libc6 (>= {glibc}), libgl1, libegl1, libfontconfig1, libfreetype6, libdbus-1-3, libxkbcommon0, "
        "libxkbcommon-x11-0, libx11-xcb1, libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxcb-image0, "
        "libxcb-randr0, libxcb-render-util0, libxcb-shape0, libxcb-xkb1\n"
        "Recommends: libreoffice-writer, fonts-noto-cjk\n"
        "Section: editors\n"
        "Priority: optional\n"
        "Description: 法治报告助手：乡镇（街道）《法治政府建设情况报告》写作助手\n"
        " 按法定提纲起草报告、按事实生成初稿、检查常见问题，导出符合 GB/T 9704-2012 的 Word 文件。\n"
        " 离线运行。程序装在 /opt/fazhi-report，草稿和用户数据在各人的主目录中，卸载时不会删除。\n"
    )


def make_deb(folder: Path, version: str, arch: str, target: Path) -> Path:
    """dist/fazhi-report_VERSION_ARCH.deb: /opt/fazhi-report, /usr/bin/fazhi-report, menu entry, icon, MIME type.

    No maintainer scripts: dpkg's triggers (desktop-file-utils, shared-mime-info, hicolor icon cache)
    refresh the menu and the file associations, and removing the package touches only its own files,
    never the users' drafts or ~/.local/share/fazhi-report.
    """
    stage = WORK / "deb" / f"{NAME}_{version}_{arch}"
    if stage.exists():
        shutil.rmtree(stage)
    shutil.copytree(folder, stage / "opt" / NAME, symlinks=True)
    _install(PACKAGING / "linux" / f"{NAME}.sh", stage / "usr" / "bin" / NAME, 0o755)
    _install(PACKAGING / "linux" / f"{NAME}.desktop", stage / "usr/share/applications" / f"{NAME}.desktop")
    _install(PACKAGING / "linux" / f"{NAME}-mime.xml", stage / "usr/share/mime/packages" / f"{NAME}.xml")
    icon = desktop_icon(ROOT)
    icon_dir = "scalable" if icon.suffix == ".svg" else "256x256"
    _install(icon, stage / "usr/share/icons/hicolor" / icon_dir / "apps" / f"{NAME}{icon.suffix}")
    for path in stage.rglob("*"):  # what dpkg installs is world-readable, directories traversable
        if not path.is_symlink():
            path.chmod(path.stat().st_mode | 0o644 | (0o111 if path.is_dir() else 0))
    installed_kib = folder_size(stage) // 1024
    control = stage / "DEBIAN" / "control"
    control.parent.mkdir(parents=True)
    control.write_text(deb_control(version, arch, installed_kib), encoding="utf-8")
    # xz, not zstd: dpkg on older UOS and Kylin releases cannot read zstd members.
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(stage), str(target)], check=True,
                   stdout=subprocess.DEVNULL)
    return target


def _install(source: Path, target: Path, mode: int = 0o644) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    target.chmod(mode)


# ---- Windows ----------------------------------------------------------------------------------


def make_zip(folder: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            archive.write(path, Path(folder.name) / path.relative_to(folder))
    return target


def find_installer_compiler() -> tuple[str, str] | None:
    """("inno", ISCC.exe) or ("nsis", makensis), whichever is installed; Inno Setup first."""
    roots = [os.environ.get(name) for name in ("ProgramFiles(x86)", "ProgramFiles", "LOCALAPPDATA")]
    iscc = shutil.which("iscc") or next(
        (str(p) for root in roots if root for p in Path(root).glob("**/Inno Setup */ISCC.exe")), None)
    if iscc:
        return "inno", iscc
    makensis = shutil.which("makensis") or next(
        (str(p) for root in roots if root for p in (Path(root) / "NSIS" / "makensis.exe",) if p.is_file()), None)
    return ("nsis", makensis) if makensis else None


def make_windows_installer(folder: Path, version: str, target: Path) -> Path | None:
    found = find_installer_compiler()
    if found is None:
        print("没有找到 Inno Setup 或 NSIS，只生成 .zip（安装 Inno Setup 6 后再运行即可生成安装程序）。")
        return None
    kind, compiler = found
    if kind == "inno":
        subprocess.run([compiler, f"/DAppVersion={version}", f"/DSourceDir={folder}", f"/DOutputDir={target.parent}",
                        f"/DOutputBaseFilename={target.stem}", str(PACKAGING / "windows" / f"{NAME}.iss")], check=True)
    else:
        subprocess.run([compiler, f"/DVERSION={version}", f"/DSOURCE_DIR={folder}", f"/DOUTFILE={target}",
                        str(PACKAGING / "windows" / f"{NAME}.nsi")], check=True)
    return target


# ---- main -------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="生成不需要 Python 的程序文件夹及安装包（.deb、.tar.gz；Windows 上 .zip 和安装程序）")
    parser.add_argument("--no-packages", action="store_true", help="只生成 dist/fazhi-report/ 并检查，不打包")
    args = parser.parse_args(argv)
    version = project_version()
    started = time.perf_counter()
    folder = run_pyinstaller()
    built = time.perf_counter()
    problems = check_bundle(folder, version)
    if problems:
        print("程序文件夹检查未通过：\n  " + "\n  ".join(problems))
        return 1
    made: list[Path] = []
    if not args.no_packages:
        names = package_names(version, deb_architecture())
        if sys.platform == "win32":
            made.append(make_zip(folder, DIST / names["zip"]))
            installer = make_windows_installer(folder, version, DIST / names["setup"])
            made += [installer] if installer else []
        else:
            made.append(make_tarball(folder, DIST / names["tar"]))
            if shutil.which("dpkg-deb"):
                made.append(make_deb(folder, version, deb_architecture(), DIST / names["deb"]))
            else:
                print("没有 dpkg-deb，跳过 .deb。")
    finished = time.perf_counter()
    print(f"\n版本 {version}；PyInstaller {built - started:.0f} 秒，检查和打包 {finished - built:.0f} 秒，共 {finished - started:.0f} 秒")
    print(f"{folder.relative_to(ROOT)}/  {folder_size(folder) / 2**20:.0f} MB（未压缩）")
    for path in made:
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size / 2**20:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
