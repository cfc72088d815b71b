"""The headless command line: ``python main.py <verb> ...``.

Each verb lives in its own module under drafting/commands/ with the
constants ``VERB`` and ``HELP`` and two functions, ``add_arguments(parser)``
and ``run(args) -> int``; a new module there is a new verb. This module
parses the command line, imports only the chosen verb, and turns every
DraftingError into one Chinese line on stderr with exit code 2: never a
traceback.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import pkgutil
import sys
from types import ModuleType

from drafting import APP_NAME, __version__
from drafting.errors import DraftingError

logger = logging.getLogger(__name__)

#: Verbs listed first in --help, in this order; any other command module follows.
VERB_ORDER = ("export", "check", "import")

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2
EXIT_INTERNAL = 3


class _ChineseFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        return super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class _ChineseParser(argparse.ArgumentParser):
    """argparse with Chinese usage, usage errors in Chinese and exit code 2."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("formatter_class", _ChineseFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"命令行参数有误：{_translate(message)}。可运行 python main.py --help 查看用法。\n")
        raise SystemExit(EXIT_INPUT)


_ARGPARSE_PHRASES = (
    ("the following arguments are required: ", "缺少参数 "),
    ("unrecognized arguments: ", "无法识别的参数 "),
    ("invalid choice: ", "没有这个命令 "),
    ("expected one argument", "后面需要跟一个值"),
    ("(choose from ", "（可用："),
    ("argument ", "参数 "),
)


def _translate(message: str) -> str:
    """argparse's stock English phrases in Chinese (argparse has no Chinese catalogue)."""
    for english, chinese in _ARGPARSE_PHRASES:
        message = message.replace(english, chinese)
    return message.replace("')", "'）")


def build_parser() -> argparse.ArgumentParser:
    parser = _ChineseParser(
        prog="python main.py",
        description=f"{APP_NAME}：起草、检查、导出乡镇（街道）《法治政府建设情况报告》。不带参数运行时打开窗口。",
        add_help=False,
    )
    parser._positionals.title = "命令"
    parser._optionals.title = "选项"
    parser.add_argument("-h", "--help", action="help", help="显示本帮助并退出")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}", help="显示版本号并退出")
    sub = parser.add_subparsers(dest="verb", metavar="命令", parser_class=_ChineseParser)
    for verb, module in command_modules().items():
        verb_parser = sub.add_parser(verb, help=module.HELP, description=module.HELP, add_help=False)
        verb_parser._positionals.title = "参数"
        verb_parser._optionals.title = "选项"
        verb_parser.add_argument("-h", "--help", action="help", help="显示本帮助并退出")
        module.add_arguments(verb_parser)
    return parser


def command_modules() -> dict[str, ModuleType]:
    """verb -> its module, for every module in drafting/commands (they import nothing heavy)."""
    import drafting.commands as package

    found: dict[str, ModuleType] = {}
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"drafting.commands.{info.name}")
        found[module.VERB] = module
    order = {verb: index for index, verb in enumerate(VERB_ORDER)}
    return dict(sorted(found.items(), key=lambda item: (order.get(item[0], len(order)), item[0])))


def main(argv: list[str]) -> int:
    """Run one verb; return the process exit code."""
    # FAZHI_DEBUG=1: developers and support see the traceback behind "程序内部出错".
    debug = os.environ.get("FAZHI_DEBUG") == "1"
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.verb:
        parser.print_help()
        return EXIT_INPUT
    module = command_modules()[args.verb]
    try:
        return int(module.run(args))
    except DraftingError as exc:
        sys.stderr.write(f"错误：{exc.message}\n")
        return EXIT_INPUT
    except KeyboardInterrupt:
        sys.stderr.write("已取消。\n")
        return EXIT_INPUT
    except BrokenPipeError:
        # The reader of our output went away (… | head): stop quietly, as other command-line tools do.
        # Python would report the pipe again when flushing at exit, so point stdout at nothing first.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_INPUT
    except MemoryError:
        sys.stderr.write("错误：文件过大，内存不足，无法处理。请确认选择的文件是否正确。\n")
        return EXIT_INPUT
    except Exception:  # the last resort: log for developers, one line for the user
        logger.debug("internal error", exc_info=True)
        sys.stderr.write("错误：程序内部出错，操作未完成，文件未被改动。请把所用文件发给技术支持人员。\n")
        return EXIT_INTERNAL
