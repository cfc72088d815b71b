"""The program's one version number: ``version`` in pyproject.toml's [project] table.

关于, ``--version``, the frozen build and the package names all show this number. It is read
from pyproject.toml beside the program (a source checkout, or the frozen build, which carries
the file), and only when that file is absent from the installed package's metadata, so a
stale editable install of another checkout never reports its own number instead.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import metadata

from drafting.paths import app_root

DISTRIBUTION = "fazhi-report"
UNKNOWN = "0+unknown"


@cache
def app_version() -> str:
    """The version in pyproject.toml beside the program, else the installed metadata's."""
    pyproject = app_root() / "pyproject.toml"
    try:
        with pyproject.open("rb") as handle:
            return str(tomllib.load(handle)["project"]["version"])
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        pass
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return UNKNOWN
