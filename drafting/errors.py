"""The core's exception hierarchy.

Every error a user can cause carries a message in Simplified Chinese that says
what is wrong and what to do; the CLI prints it as one line and the window
shows it in a message box. Nothing here imports anything but the stdlib.
"""

from __future__ import annotations


class DraftingError(Exception):
    """Base of every error the core raises on purpose.

    Attributes:
        message: one Chinese sentence (or two) for the user.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(DraftingError):
    """A source file (report text, .docx, draft) cannot be read."""


class StorageError(DraftingError):
    """A draft file cannot be loaded or saved."""


class ExportError(DraftingError):
    """The Word file cannot be written."""


class DataFileError(DraftingError):
    """A shipped or user data file (outline, layout, plans, terms) is invalid.

    Collects every problem found in one file, so a county office fixing its
    copy sees them all at once (qutebrowser's ConfigFileErrors).
    """

    def __init__(self, path: str, problems: list[str]) -> None:
        self.path = path
        self.problems = list(problems)
        joined = "；".join(self.problems)
        super().__init__(f"数据文件“{path}”有误：{joined}")


class TemplateRenderError(DraftingError):
    """A Jinja2 template failed; the message names the file and line."""


class ChecklistError(DraftingError):
    """A checklist YAML file is invalid; the message names file, line and rule id."""


class DocxImportError(InputError):
    """A Word/WPS file cannot be imported."""
