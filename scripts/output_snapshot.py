"""Fingerprint what the app writes, so a restructuring can show it changed nothing.

    python scripts/output_snapshot.py > before.json   # on the old code
    python scripts/output_snapshot.py > after.json    # on the new code
    diff before.json after.json                        # empty: same behaviour

For each input (the real samples and Word fixtures in ../shared where present, and reports
generated here from typical and sparse facts, for a 镇 and a 街道, for 2021, 2024 and 2026) it
runs the CLI verbs `export`, `check --json` and `import` in a subprocess and records the
SHA-256 of every member of the .docx (the zip's own timestamps differ from run to run, the
members must not), the findings, the draft `import` writes and the findings on that draft.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from drafting.data.areas import areas_for_year  # noqa: E402
from drafting.files.storage import save_draft  # noqa: E402
from drafting.model import STATUTORY  # noqa: E402
from drafting.project import DraftProject  # noqa: E402
from drafting.writing.new_report import new_report  # noqa: E402
from tests.drafting.typical_facts import TYPICAL_RAW_FACTS  # noqa: E402

SPARSE_FACTS = {"training_sessions": "3", "training_attendees": "45", "penalty_cases": "0"}


def _generated_drafts(folder: Path) -> list[Path]:
    drafts = []
    for org, year, facts, label in (
        ("青山镇人民政府", 2026, TYPICAL_RAW_FACTS, "town-2026-typical"),
        ("青山镇人民政府", 2024, SPARSE_FACTS, "town-2024-sparse"),
        ("东城街道办事处", 2026, TYPICAL_RAW_FACTS, "street-2026-typical"),
        ("东城街道办事处", 2021, SPARSE_FACTS, "street-2021-sparse"),
    ):
        report = new_report(org, year, "县委、县政府", areas=[a.id for a in areas_for_year(year)][:6])
        project = DraftProject(report)
        for fact_id, raw in facts.items():
            project.set_fact(fact_id, raw)
        for part_id in ("preamble", *STATUTORY):
            project.generate(part_id)
        path = folder / f"{label}.fzbg"
        save_draft(project.report, path)
        drafts.append(path)
    return drafts


def _inputs(folder: Path) -> list[Path]:
    found = sorted((SHARED / "samples").glob("*.txt")) + sorted((SHARED / "fixtures" / "docx").glob("*.docx"))
    return found + _generated_drafts(folder)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, cwd=ROOT)


def _docx_members(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {name: hashlib.sha256(archive.read(name)).hexdigest() for name in archive.namelist()}


def snapshot_one(source: Path, folder: Path) -> dict[str, object]:
    out = folder / (source.stem + ".out.docx")
    export = _run("export", "-o", str(out), str(source))
    check = _run("check", "--json", str(source))
    draft = folder / (source.stem + ".next.fzbg")
    imported = _run("import", "--year", "2027", "-o", str(draft), str(source))
    checked_next = _run("check", "--json", str(draft)) if draft.exists() else None
    return {
        "export_exit": export.returncode,
        "docx": _docx_members(out) if out.exists() else None,
        "check_exit": check.returncode,
        "check": json.loads(check.stdout.replace(str(source), source.name)) if check.stdout.strip() else check.stderr,
        "import_exit": imported.returncode,
        "import_stdout": imported.stdout.replace(str(draft), draft.name),
        "draft": draft.read_text(encoding="utf-8") if draft.exists() else None,
        "draft_check": checked_next.stdout.replace(str(draft), draft.name) if checked_next else None,
    }


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        result = {source.name: snapshot_one(source, folder) for source in _inputs(folder)}
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
