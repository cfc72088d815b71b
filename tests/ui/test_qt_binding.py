"""The installed Qt binding keeps Python's reference counts intact.

PySide6 6.12.0 drops one reference to True on every Signal.emit(). On Python
3.11, where True is an ordinary object, the window then crashes after a few
hundred keystrokes (each emits ``edited``). pyproject.toml excludes that
release; this test fails if a broken binding is installed anyway.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Signal

pytestmark = pytest.mark.gui


class _Emitter(QObject):
    bare = Signal()
    text = Signal(str)
    anything = Signal(object)


@pytest.mark.parametrize(("name", "args"), [("bare", ()), ("text", ("字",)), ("anything", (None,))])
def test_emit_keeps_the_reference_count_of_true(qapp, name: str, args: tuple[object, ...]) -> None:
    emitter = _Emitter()
    received: list[tuple[object, ...]] = []
    getattr(emitter, name).connect(lambda *got: received.append(got))
    before = sys.getrefcount(True)
    for _ in range(200):
        getattr(emitter, name).emit(*args)
    after = sys.getrefcount(True)
    assert len(received) == 200
    # Other code may take or drop a few references meanwhile; a broken binding loses 200.
    assert abs(after - before) < 50, f"True lost {before - after} references in 200 emits"
