"""Paragraphs that two reports share once numbers and names are masked, found through fingerprints.

Identical masked paragraphs are grouped first (a copy with only names and figures changed costs no
comparison at all); the distinct ones go through MinHash/LSH (fingerprint.py), and each candidate
pair is verified with the one character similarity of drafting.lastyear.similarity. Every pair of
reports then gets its shared paragraphs and, for each report, the share of its compared text found
in the other: the 雷同率 of the summary, and the same figure against its own last-year report.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations

from drafting.lastyear.similarity import ratio_if_similar
from drafting.model import STATUTORY, Report
from drafting.review.config import ReviewConfig
from drafting.review.fingerprint import LshIndex, mask, name_pattern, shingle_hashes, signature

#: Parts whose paragraphs are compared: the preamble and the statutory parts (not title, signature).
COMPARED_PARTS = ("preamble", *STATUTORY)


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of a report as compared: where it stands, its text, and its masked form."""

    block_index: int
    part: str
    text: str
    masked: str


@dataclass(frozen=True)
class SharedParagraph:
    """One paragraph two reports share: report indexes, both paragraphs and their similarity."""

    first: int
    second: int
    first_paragraph: Paragraph
    second_paragraph: Paragraph
    ratio: float


@dataclass
class CopyingResult:
    """pairs: shared paragraphs per pair of reports (first < second); share[a][b]: 0-1, the part of
    a's compared text that b also has."""

    pairs: dict[tuple[int, int], list[SharedParagraph]] = field(default_factory=dict)
    share: dict[int, dict[int, float]] = field(default_factory=dict)

    def all_shared(self) -> list[SharedParagraph]:
        return [item for key in sorted(self.pairs) for item in self.pairs[key]]


def compared_paragraphs(report: Report, names: object, config: ReviewConfig) -> list[Paragraph]:
    """The report's paragraphs long enough to compare once masked."""
    found: list[Paragraph] = []
    for index, (part, block) in enumerate(report.iter_blocks()):
        if part.id not in COMPARED_PARTS:
            continue
        masked = mask(block.text, names)  # type: ignore[arg-type]
        if len(masked) >= config.min_chars:
            found.append(Paragraph(index, part.id, block.text, masked))
    return found


def find_shared(reports: Sequence[Report | None], orgs: Sequence[str], config: ReviewConfig) -> CopyingResult:
    """Shared paragraphs between every two reports (None for a report that could not be read).

    orgs: every name to mask (the organisations and their short forms).
    """
    names = name_pattern(orgs, config.place_pattern)
    paragraphs: dict[int, list[Paragraph]] = {}
    occurrences: dict[str, list[tuple[int, int]]] = defaultdict(list)  # masked text -> (report, paragraph)
    for report_index, report in enumerate(reports):
        if report is None:
            continue
        paragraphs[report_index] = compared_paragraphs(report, names, config)
        for para_index, paragraph in enumerate(paragraphs[report_index]):
            occurrences[paragraph.masked].append((report_index, para_index))
    texts = list(occurrences)
    index = LshIndex()
    for key, text in enumerate(texts):
        index.add(key, signature(shingle_hashes(text, config.shingle)))
    matches: list[tuple[int, int, float]] = [(key, key, 1.0) for key, text in enumerate(texts)
                                             if len({r for r, _p in occurrences[text]}) > 1]
    for first, second in index.candidate_pairs():
        ratio = ratio_if_similar(texts[first], texts[second], config.copy_threshold)
        if ratio > 0.0:
            matches.append((first, second, ratio))
    result = CopyingResult()
    found: dict[tuple[int, int], dict[tuple[int, int], float]] = defaultdict(dict)
    for first, second, ratio in matches:
        if first == second:
            pairs = combinations(occurrences[texts[first]], 2)
        else:
            pairs = ((a, b) for a in occurrences[texts[first]] for b in occurrences[texts[second]])
        for (report_a, para_a), (report_b, para_b) in pairs:
            if report_a == report_b:
                continue
            if report_a > report_b:
                report_a, para_a, report_b, para_b = report_b, para_b, report_a, para_a
            slot = found[(report_a, report_b)]
            slot[(para_a, para_b)] = max(ratio, slot.get((para_a, para_b), 0.0))
    for (report_a, report_b), slot in sorted(found.items()):
        result.pairs[(report_a, report_b)] = [
            SharedParagraph(report_a, report_b, paragraphs[report_a][pa], paragraphs[report_b][pb], round(r, 3))
            for (pa, pb), r in sorted(slot.items())
        ]
    lengths = {report_index: [len(p.masked) for p in own] for report_index, own in paragraphs.items()}
    totals = {report_index: sum(own) for report_index, own in lengths.items()}
    for report_index in paragraphs:
        result.share[report_index] = {}
    for (report_a, report_b), slot in found.items():  # each pair once, both sides' shares
        for mine, other, side in ((report_a, report_b, 0), (report_b, report_a, 1)):
            if totals[mine]:
                own = lengths[mine]
                result.share[mine][other] = sum(own[p] for p in {key[side] for key in slot}) / totals[mine]
    return result
