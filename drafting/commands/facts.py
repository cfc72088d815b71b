"""``facts``: print a commented template of every fact (id: value, label and unit as comments)."""

from __future__ import annotations

import argparse
import sys

VERB = "facts"
HELP = "输出所有事实的填写模板（YAML，带中文说明），填好后用于 new --facts"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    return None


def run(args: argparse.Namespace) -> int:
    from drafting.data.facts import default_fact_catalog
    from drafting.writing.fact_file import facts_template

    sys.stdout.write(facts_template(default_fact_catalog()))
    return 0
