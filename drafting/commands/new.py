"""``new --org ORG --year YEAR --to TO [--facts FILE] [--areas …] -o OUT.fzbg``: a draft with every
part generated from a facts file. Nothing is written when the facts file is refused."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from drafting.errors import InputError

VERB = "new"
HELP = "新建报告草稿，并按事实文件生成各部分（不打开窗口）"

#: The parts generated, in the order a writer would.
GENERATED = ("title", "preamble", "measures", "shortcomings", "leader_duty", "plans", "other")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--org", required=True, metavar="单位", help="单位全称，如 青山镇人民政府")
    parser.add_argument("--year", required=True, type=int, metavar="年度", help="报告年度，如 2026")
    parser.add_argument("--to", default="", metavar="主送机关", help="主送机关，如 县委、县政府")
    parser.add_argument("--facts", metavar="FILE", help="事实文件（先用 python main.py facts 得到模板）")
    parser.add_argument("--areas", metavar="编号", help="主要举措和成效的子领域编号，用逗号或顿号隔开（默认按年度选）")
    parser.add_argument("-o", "--output", required=True, metavar="OUT.fzbg", help="要写入的草稿文件（不能已存在）")


def run(args: argparse.Namespace) -> int:
    from drafting.data.facts import default_fact_catalog
    from drafting.project import DraftProject
    from drafting.writing.fact_file import FactFile, read_fact_file
    from drafting.writing.new_report import new_report, select_areas_for_facts

    output = Path(args.output)
    if output.exists():
        raise InputError(f"“{output}”已存在。为免覆盖，请换一个文件名。")
    catalog = default_fact_catalog()
    given = read_fact_file(Path(args.facts), catalog) if args.facts else FactFile()
    areas = [a for a in re.split(r"[,，、\s]+", args.areas or "") if a] or None
    report = new_report(args.org, args.year, args.to, areas=areas)
    report.facts = dict(given.facts)
    settings = report.settings
    settings.practices, settings.other_practices = given.practices, given.other_practices
    settings.cases, settings.shortcomings = given.cases, given.shortcomings
    added = select_areas_for_facts(report)
    for group in [*given.practices, *given.other_practices, *given.cases]:
        if group != "leader_duty" and group not in settings.areas:
            settings.areas = [*settings.areas, group]
            added.append(group)
    project = DraftProject(report)
    for part_id in GENERATED:
        project.generate(part_id)
    project.save(output)
    if added:
        sys.stdout.write(f"已按填写的数据选入子领域：{'、'.join(dict.fromkeys(added))}\n")
    sys.stdout.write(f"已生成草稿：{output}\n")
    return 0
