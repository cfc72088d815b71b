"""The per-draft choices a report carries (Report.settings), as one typed object.

Sub-areas picked, the plan followed, parts marked done, what each generated
part was made from, where the draft was started from... Every user reads and
writes attributes. The draft file stores them under ``settings:``; its writer
(drafting.files.storage) writes exactly the settings that were set, in the
order they were first set (or read from the file), so a draft saved again is
byte-identical. Setting an attribute records it as set; a value changed in
place (a list appended to) is written too, because it differs from the default.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


@dataclass
class GeneratedRecord:
    """What a generated part was made from, to tell later whether facts or text changed since.

    Attributes:
        facts: snapshot of the facts, org/year/plan and sub-areas the text depended on.
        text: the part's text right after generating (the editor's one-paragraph-a-line form).
    """

    facts: dict[str, Any]
    text: str


@dataclass
class DraftSettings:
    """Per-draft choices (see the module docstring).

    Attributes:
        plan_id: id of the national plan the draft follows (templates/plans.yml), or None.
        areas: sub-area ids picked for 主要举措和成效, in the writer's order.
        generated: part id -> what its generated text was made from.
        done: ids of the parts the writer marked 已完成.
        carried_from_year: year of last year's report the draft was started from, or None.
        structure_confidence: part id -> 0-1, how surely last year's parts were recognised.
        confirmed_last_year: keys of paragraphs confirmed as carried over on purpose.
        started_from: file name of the report the draft was started from.
        import_notes: what the import changed or asks the writer to check.
        doc_number: the 发文字号 read from an imported Word file.
        practices: area id (or leader_duty) -> ids of the practices ticked (templates/practices.yml).
        other_practices: area id -> practices the writer typed (其他做法), one per item.
        cases: area id -> one to three typical cases (典型事例) in the writer's words.
        shortcomings: the shortcomings picked from templates/shortcoming_kinds.yml, in order,
            each {"kind": id, "cause": the writer's cause or ""}.
        extra: settings this version does not know (from a newer version or a hand edit), kept as read.
        order: names of the settings set so far, in the order they were first set (the file's order).
    """

    plan_id: str | None = None
    areas: list[str] = field(default_factory=list)
    generated: dict[str, GeneratedRecord] = field(default_factory=dict)
    done: list[str] = field(default_factory=list)
    carried_from_year: int | None = None
    structure_confidence: dict[str, float] = field(default_factory=dict)
    confirmed_last_year: list[str] = field(default_factory=list)
    started_from: str = ""
    import_notes: list[str] = field(default_factory=list)
    doc_number: str = ""
    practices: dict[str, list[str]] = field(default_factory=dict)
    other_practices: dict[str, list[str]] = field(default_factory=dict)
    cases: dict[str, list[str]] = field(default_factory=dict)
    shortcomings: list[dict[str, str]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    order: list[str] = field(default_factory=list, compare=False, repr=False)

    def __setattr__(self, name: str, value: Any) -> None:
        object.__setattr__(self, name, value)
        # While __init__ runs, "order" does not exist yet: only later assignments count as set.
        order = self.__dict__.get("order")
        if order is not None and name in SETTING_NAMES and name not in order:
            order.append(name)

    def is_set(self, name: str) -> bool:
        """True when the setting is in the draft (set, read from the file, or changed in place)."""
        return name in self.names_to_write()

    def names_to_write(self) -> list[str]:
        """The settings the draft file holds, in file order: those set, then any changed in place."""
        names = [name for name in self.order if name in SETTING_NAMES or name in self.extra]
        names += [name for name in SETTING_NAMES if name not in names and getattr(self, name) != _default(name)]
        names += [name for name in self.extra if name not in names]
        return names


def _default(name: str) -> Any:
    spec = next(f for f in fields(DraftSettings) if f.name == name)
    return spec.default_factory() if callable(spec.default_factory) else spec.default


#: The settings this version knows, in declaration order.
SETTING_NAMES: tuple[str, ...] = tuple(f.name for f in fields(DraftSettings) if f.name not in ("extra", "order"))
