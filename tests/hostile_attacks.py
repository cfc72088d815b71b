"""Generators of the attacks of issue 15 ("hold under attack"): a county rule file, a small .docx
or a long report that tried to hang the app or exhaust its memory.

Each generator writes its files into a folder and returns the path the attack goes through.
Nothing here is shipped data: the files are made fresh by every test run.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from tests import hostile

W_NS = hostile.W_NS


def _rule_file(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text("version: 1\nrules:\n" + body, encoding="utf-8")
    return path


# ---- 1. user regexes ----

def catastrophic_pattern_rule(folder: Path, regex: str = "^(a+)+$") -> Path:
    body = (
        "  - id: county-aaa\n    kind: pattern\n    severity: warning\n"
        f"    regex: '{regex}'\n    message: 重复的字母\n"
    )
    return _rule_file(folder, "county-regex.yml", body)


def catastrophic_leftover_rule(folder: Path) -> Path:
    body = (
        "  - id: editing-leftover\n    patterns:\n      - {regex: '(x|x)*y', label: 残留}\n"
    )
    return _rule_file(folder, "county-leftover.yml", body)


def report_with_a_run(folder: Path, length: int = 32) -> Path:
    path = folder / "aaa.txt"
    path.write_text(hostile.REPORT_TEXT.replace("全年开展法治培训12场。", "a" * length + "!\n全年开展法治培训12场。"),
                    encoding="utf-8")
    return path


# ---- 2. fact-expression rules ----

FACT_ATTACKS = {
    "fold-at-load": {"assert": "'a' * 10**10"},
    "nested-range": {"assert": "training_sessions < 0",
                     "detail": "{% for i in range(99999) %}{% for j in range(99999) %}x{% endfor %}{% endfor %}"},
    "huge-repeat": {"assert": "training_sessions < 0", "detail": "{{ 'a' * 4000000000 }}"},
    "huge-power": {"assert": "training_sessions ** 999999999 > 0"},
    "int-tower": {"assert": "9999**64**64 > training_sessions"},
    "replace-bomb": {"assert": "training_sessions < 0",
                     "detail": "{% set a = 'x' * 9999 %}{{ a.replace('', a) }}"},
    "concat-doubling": {"assert": "training_sessions < 0",
                        "detail": "{% set ns = namespace(s='ab') %}{% for i in range(60) %}"
                                  "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}"},
    "string-loops": {"assert": "training_sessions < 0",
                     "detail": "{% set s = 'x' * 9999 %}{% for a in s %}{% for b in s %}{% endfor %}{% endfor %}"},
}


def fact_expression_rule(folder: Path, attack: str) -> Path:
    check = FACT_ATTACKS[attack]
    entry = "{" + ", ".join(f"{key}: {_quoted(value)}" for key, value in check.items()) + "}"
    body = (
        f"  - id: county-{attack}\n    kind: fact-expression\n    severity: warning\n"
        f"    checks:\n      - {entry}\n    message: 数据不符：{{detail}}\n"
    )
    return _rule_file(folder, f"county-{attack}.yml", body)


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def draft_with_facts(folder: Path, facts: str = "  training_sessions: 12\n  training_attendees: 460\n",
                     name: str = "facts.fzbg") -> Path:
    data = hostile._good_draft_bytes().decode("utf-8").replace("facts: {}\n", "facts:\n" + facts, 1)
    path = folder / name
    path.write_text(data, encoding="utf-8")
    return path


# ---- 3. numbering values ----

def huge_numbering_docx(folder: Path, paragraphs: int = 200) -> Path:
    numbering = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W_NS}">'
        '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="2000000000"/>'
        '<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1999999999"/></w:lvlOverride></w:num></w:numbering>'
    )
    body = "".join(
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>第{i}项工作。</w:t></w:r></w:p>'
        for i in range(paragraphs)
    )
    title = "<w:p><w:r><w:t>某某镇人民政府关于2024年度法治政府建设情况的报告</w:t></w:r></w:p>"
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>{title}{body}</w:body></w:document>'
    content_types = hostile._CONTENT_TYPES.replace(
        "</Types>",
        '<Override PartName="/word/numbering.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>',
    )
    doc_rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" '
        'Target="numbering.xml"/></Relationships>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", hostile._RELS)
        archive.writestr("word/document.xml", document)
        archive.writestr("word/_rels/document.xml.rels", doc_rels)
        archive.writestr("word/numbering.xml", numbering)
    path = folder / "numbered.docx"
    path.write_bytes(buffer.getvalue())
    return path


# ---- 4. text after decompression, drafts ----

def inflating_text_docx(folder: Path, megabytes: int = 45) -> Path:
    """A small .docx whose document.xml inflates to tens of MB of ordinary paragraphs."""
    path = folder / "inflating.docx"
    paragraph = ("<w:p><w:r><w:t>" + "依法行政推进法治政府建设。" * 20 + "</w:t></w:r></w:p>").encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", hostile._CONTENT_TYPES)
        archive.writestr("_rels/.rels", hostile._RELS)
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"><w:body>'.encode())
            block = paragraph * (1024 * 1024 // len(paragraph))
            for _ in range(megabytes):
                member.write(block)
            member.write(b"</w:body></w:document>")
    return path


def many_nodes_docx(folder: Path, runs: int = 1_500_000) -> Path:
    """Short text but a very large number of XML elements (empty runs)."""
    body = "<w:p>" + "<w:r/>" * runs + "<w:r><w:t>正文。</w:t></w:r></w:p>"
    document = f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    path = folder / "nodes.docx"
    path.write_bytes(hostile._docx_with_document(document))
    return path


def huge_draft(folder: Path, megabytes: int = 19) -> Path:
    data = hostile._good_draft_bytes().decode("utf-8")
    line = "  - p: " + "依法行政推进法治政府建设。" * 30 + "\n"
    filler = line * (megabytes * 1024 * 1024 // len(line.encode()))
    path = folder / "huge.fzbg"
    path.write_text(data.replace("  - p: 全年开展法治培训12场。\n", "  - p: 全年开展法治培训12场。\n" + filler, 1),
                    encoding="utf-8")
    return path


# ---- 5. long reports ----

def long_report(folder: Path, paragraphs: int = 10_000, name: str | None = None) -> Path:
    lines = hostile.REPORT_TEXT.splitlines()
    head, tail = lines[:6], lines[6:]
    body = [f"第{i}项：开展法治宣传活动{i % 97}场，覆盖群众{i * 7 % 1000}人次。" for i in range(paragraphs)]
    path = folder / (name or f"long-{paragraphs}.txt")
    path.write_text("\n".join(head + body + tail) + "\n", encoding="utf-8")
    return path


# ---- 7. characters XML cannot hold ----

BAD_CHARS = "\x00\x07\x1f\ufffe\uffff"


def control_chars_text(folder: Path) -> Path:
    path = folder / "controls.txt"
    path.write_text(hostile.REPORT_TEXT.replace("依法行政水平", "依法\x07行政\x1f水平\ufffe\uffff\x00", 1), encoding="utf-8")
    return path


def control_chars_draft(folder: Path) -> Path:
    data = hostile._good_draft_bytes().decode("utf-8")
    data = data.replace("全年开展法治培训12场。", '"全年开展\\a法治\\x1f培训\\uFFFE12\\0场\\uD800。"', 1)
    path = folder / "controls.fzbg"
    path.write_text(data, encoding="utf-8")
    return path


def control_chars_docx(folder: Path) -> Path:
    path = folder / "controls.docx"
    path.write_bytes(hostile.minimal_docx_bytes(["某某镇人民政府关于2024年度法治政府建设情况的报告", "依法&#xFFFE;行政&#xFFFF;水平。"]))
    return path


# ---- 9. values the loaders choke on ----

def draft_with_meta(folder: Path, replace: str, by: str, name: str) -> Path:
    data = hostile._good_draft_bytes().decode("utf-8")
    assert replace in data
    path = folder / name
    path.write_text(data.replace(replace, by, 1), encoding="utf-8")
    return path


LOADER_DRAFTS = {
    "timestamp-org.fzbg": ("  org: 某某镇人民政府\n", "  org: 2024-13-45\n"),
    "unhashable-key.fzbg": ("  plan: ''\n", "  plan: ''\n  ? [a, b]\n  : 1\n"),
    "long-int.fzbg": ("  year: 2024\n", "  year: " + "9" * 5000 + "\n"),
    "settings-done.fzbg": ("settings: {}\n", "settings: {done: 3}\n"),
    "count-digits.fzbg": ("facts: {}\n", "facts:\n  training_sessions: " + "7" * 4301 + "\n"),
}


LOADER_RULES = {
    "window": "  - id: number-vs-fact\n    facts:\n      - {fact: training_sessions, labels: [培训], unit: 场, window: 99999999999}\n",
    "long-int": "  - id: county-x\n    kind: pattern\n    severity: " + "9" * 5000 + "\n    regex: x\n    message: x\n",
    "unhashable": "  - id: county-y\n    kind: pattern\n    severity: info\n    ? [a, b]\n    : 1\n    regex: x\n    message: x\n",
    "timestamp": "  - id: county-z\n    kind: pattern\n    severity: info\n    regex: x\n    message: 2024-13-45\n",
}


def loader_rule(folder: Path, attack: str) -> Path:
    return _rule_file(folder, f"loader-{attack}.yml", LOADER_RULES[attack])
