"""The architecture: the layering of the code, checked on every import in every module, and a core
that stays free of Qt with a light export path.

drafting/ is built in layers, each importing only its own level or lower (CONTRIBUTING.md has the
map): the ground (drafting's top-level modules), then data/, files/, reading/, writing/, export/,
lastyear/, checklist/, review/, then the facade (project, search, cli, commands/), and ui/ above all of it.
Every import statement counts, at module level or inside a function or an ``if TYPE_CHECKING``:
a lazy import hides a cycle from the interpreter, not from the reader.
"""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import drafting
from tests.conftest import REPO_ROOT

#: Layers from the bottom up; a module may import modules of its own layer or a lower one.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ground", ("drafting",)),  # drafting/__init__ and drafting/*.py that are not the facade
    ("data", ("drafting.data",)),
    ("files", ("drafting.files",)),
    ("reading", ("drafting.reading",)),
    ("writing", ("drafting.writing",)),
    ("export", ("drafting.export",)),
    ("lastyear", ("drafting.lastyear",)),
    ("checklist", ("drafting.checklist",)),
    ("review", ("drafting.review",)),  # the county review: reads, checks and compares many reports
    ("facade", ("drafting.project", "drafting.search", "drafting.cli", "drafting.commands")),
    ("ui", ("ui",)),
)
#: Third-party packages the ground may use: yamlio is the one gateway to YAML.
GROUND_THIRD_PARTY = {"drafting.yamlio": {"yaml"}}
MAX_MODULE_LINES = 400
MAX_TOP_LEVEL_MODULES = 15


def _module_files() -> dict[str, Path]:
    modules: dict[str, Path] = {}
    for top in ("drafting", "ui"):
        for path in sorted((REPO_ROOT / top).rglob("*.py")):
            parts = list(path.relative_to(REPO_ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = path
    return modules


MODULES = _module_files()


def layer_of(module: str) -> int:
    """Index in LAYERS of the most specific layer prefix naming the module."""
    best, best_length = -1, -1
    for index, (_name, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best_length:
                best, best_length = index, len(prefix)
    return best


def imported_names(path: Path) -> Iterator[tuple[int, str, str]]:
    """(line, module, name or "") of every import in the file, wherever it stands."""
    module_name = next(name for name, p in MODULES.items() if p == path) if path in MODULES.values() else ""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, ""
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative import: resolve against the importing module's package
                package = module_name.split(".")
                if path.name != "__init__.py":
                    package = package[:-1]
                package = package[: len(package) - (node.level - 1)]
                base = ".".join([*package, base] if base else package)
            for alias in node.names:
                yield node.lineno, base, alias.name


def internal_edges() -> dict[str, set[tuple[str, int]]]:
    """Module -> {(imported project module, line)}; `from pkg import mod` counts as importing mod."""
    edges: dict[str, set[tuple[str, int]]] = {name: set() for name in MODULES}
    for name, path in MODULES.items():
        for line, base, imported in imported_names(path):
            target = f"{base}.{imported}" if imported and f"{base}.{imported}" in MODULES else base
            if target in MODULES and target != name:
                edges[name].add((target, line))
    return edges


EDGES = internal_edges()


def _cycles() -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10000))

    def visit(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target, _line in EDGES[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(EDGES):
        if node not in index:
            visit(node)
    return found


def test_layers_name_every_module() -> None:
    assert "drafting.model" in MODULES and "ui.main_window" in MODULES
    assert [name for name in MODULES if layer_of(name) < 0] == []


def test_no_import_cycles() -> None:
    assert _cycles() == []


def test_no_module_imports_a_layer_above_it() -> None:
    wrong = [
        f"{name} (第 {line} 行) 导入了上层的 {target}"
        for name, targets in EDGES.items()
        for target, line in sorted(targets)
        if layer_of(target) > layer_of(name)
    ]
    assert wrong == []


def test_the_ground_imports_only_the_standard_library() -> None:
    ground = [name for name in MODULES if layer_of(name) == 0]
    assert "drafting.model" in ground and "drafting.numbering" in ground
    wrong = []
    for name in ground:
        for line, base, _imported in imported_names(MODULES[name]):
            top = base.split(".")[0]
            if top == "__future__" or top in sys.stdlib_module_names or top in GROUND_THIRD_PARTY.get(name, set()):
                continue
            if top == "drafting" and layer_of(base) == 0:
                continue
            wrong.append(f"{name} (第 {line} 行) 导入了 {base}")
    assert wrong == []


def test_the_core_never_imports_the_ui() -> None:
    wrong = [(name, target) for name, targets in EDGES.items() if name.startswith("drafting")
             for target, _line in targets if target.startswith("ui")]
    assert wrong == []


@pytest.mark.parametrize("name", sorted(MODULES))
def test_module_is_small(name: str) -> None:
    lines = MODULES[name].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_MODULE_LINES, f"{MODULES[name]} 有 {lines} 行，超过 {MAX_MODULE_LINES} 行：请按职责拆分"


def test_drafting_top_level_stays_small() -> None:
    top = sorted(p.name for p in (REPO_ROOT / "drafting").glob("*.py"))
    assert len(top) <= MAX_TOP_LEVEL_MODULES, top


def test_no_private_name_is_imported_across_modules() -> None:
    paths = [*MODULES.values(), *sorted((REPO_ROOT / "tests").rglob("*.py")), *sorted((REPO_ROOT / "bench").rglob("*.py"))]
    wrong = []
    for path in paths:
        for line, base, imported in imported_names(path):
            if base.split(".")[0] in ("drafting", "ui", "tests", "bench") and imported.startswith("_") \
                    and not imported.startswith("__"):
                wrong.append(f"{path.relative_to(REPO_ROOT)} (第 {line} 行) 导入了 {base}.{imported}")
    assert wrong == []


def _all_drafting_modules() -> list[str]:
    return sorted(
        info.name for info in pkgutil.walk_packages(drafting.__path__, prefix="drafting.") if not info.ispkg
    ) + ["drafting"]


def test_no_drafting_module_imports_pyside6() -> None:
    modules = _all_drafting_modules()
    assert "drafting.model" in modules and "drafting.cli" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'ui')))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO_ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"drafting imported Qt/ui modules: {result.stdout}"


def test_cli_parser_does_not_load_qt_or_jieba() -> None:
    code = (
        "import sys\n"
        "from drafting.cli import build_parser\n"
        "build_parser()\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'jieba', 'docx'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO_ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
