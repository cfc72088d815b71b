"""Fingerprints of paragraphs for finding shared text among many reports without comparing every pair.

A paragraph is first masked (digits, the organisations' names and place names become one mark each,
half-width punctuation becomes full-width, white space goes), so a copy with the names and figures
changed reads the same as its original. Its fingerprint is a MinHash signature of the character
n-gram shingles, computed by one-permutation hashing (one hash per shingle, the signature's bins
taken from the hash's top bits, empty bins filled by rotation) so it costs one pass over the text.
LSH banding puts paragraphs whose signatures agree on a whole band into one bucket: only those
pairs are candidates, and copying.py verifies each candidate with the real character similarity.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

#: Bins of a signature and rows per LSH band: 8 bands of 4 rows catch a pair of Jaccard similarity
#: 0.8 with probability 0.985 and one of 0.3 with 0.06 (the threshold sits near (1/8)^(1/4) ≈ 0.6).
BINS = 32
ROWS = 4
_BIN_BITS = 5  # log2(BINS)
_VALUE_MASK = (1 << (32 - _BIN_BITS)) - 1
_EMPTY = 1 << 40
_MIX = 0x9E3779B1  # Knuth's multiplicative constant: spreads crc32's bits over the top ones

DIGIT_MARK = "#"
NAME_MARK = "＊"
_DIGITS = re.compile(r"\d+(?:[.．]\d+)?\s*[%％]?")
_SPACE = re.compile(r"\s+")
#: Half-width punctuation and its full-width form (str.replace per mark: translate with a mapping looks
#: up every character of the text in a dict, several times slower on Chinese text).
_HALF_WIDTH = ((",", "，"), (":", "："), (";", "；"), ("(", "（"), (")", "）"), ("!", "！"), ("?", "？"))


def name_pattern(names: Iterable[str], place_pattern: re.Pattern[str]) -> re.Pattern[str]:
    """One pattern for the organisations' names (the longest one that matches wins) and the place names.

    The names are laid out as a trie (清河镇人民政府 and 清河镇 share 清河镇, then an optional
    人民政府): a plain alternation of a county's two hundred names makes the regex engine try every
    name at every character; the trie tries one branch. Both match the same: at each place the
    longest name written there, else a place name."""
    trie: dict[str, dict] = {}
    for name in {n for n in names if n}:
        node = trie
        for char in name:
            node = node.setdefault(char, {})
        node[""] = {}  # a name ends here
    literal = _trie_pattern(trie)
    return re.compile(f"{literal}|{place_pattern.pattern}" if literal else place_pattern.pattern)


def _trie_pattern(node: dict[str, dict]) -> str:
    """The node's names: one branch per next character; greedy, so the longest name is tried first."""
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if "" in node else body


def mask(text: str, names: re.Pattern[str]) -> str:
    """The paragraph as compared: names and digits replaced by marks, punctuation unified, no spaces."""
    text = _SPACE.sub("", text)
    for half, full in _HALF_WIDTH:
        text = text.replace(half, full)
    text = names.sub(NAME_MARK, text)
    return _DIGITS.sub(DIGIT_MARK, text)


def shingle_hashes(text: str, size: int) -> set[int]:
    """32-bit hashes of every run of ``size`` characters (the whole text when shorter)."""
    data = text.encode("utf-32-le")  # four bytes a character: a shingle is one slice, no encoding per piece
    width = 4 * size
    if len(data) <= width:
        return {zlib.crc32(data)}
    return {zlib.crc32(data[start:start + width]) for start in range(0, len(data) - width + 4, 4)}


def signature(hashes: Iterable[int]) -> tuple[int, ...]:
    """The one-permutation MinHash signature: the least value falling in each of BINS bins."""
    bins = [_EMPTY] * BINS
    for h in hashes:
        mixed = (h * _MIX) & 0xFFFFFFFF
        index, value = mixed >> (32 - _BIN_BITS), mixed & _VALUE_MASK
        if value < bins[index]:
            bins[index] = value
    if all(v == _EMPTY for v in bins):
        return tuple(bins)
    # Rotation densification: an empty bin borrows the next filled bin's value, offset by the distance,
    # so two texts agree on an empty bin about as often as their shingle sets agree.
    filled = list(bins)
    for index in range(BINS):
        if bins[index] != _EMPTY:
            continue
        step = 1
        while bins[(index + step) % BINS] == _EMPTY:
            step += 1
        filled[index] = bins[(index + step) % BINS] + step * (_VALUE_MASK + 1)
    return tuple(filled)


def estimated_jaccard(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """The share of bins two signatures agree on: an estimate of their shingle sets' Jaccard index."""
    return sum(1 for x, y in zip(a, b, strict=True) if x == y) / len(a)


@dataclass
class LshIndex:
    """Signatures by band: add(key, signature), then candidate_pairs()."""

    rows: int = ROWS

    def __post_init__(self) -> None:
        self.buckets: dict[tuple[int, tuple[int, ...]], list[int]] = defaultdict(list)

    def add(self, key: int, sig: tuple[int, ...]) -> None:
        for band, start in enumerate(range(0, len(sig), self.rows)):
            self.buckets[(band, sig[start:start + self.rows])].append(key)

    def candidate_pairs(self) -> Iterator[tuple[int, int]]:
        """Each pair of keys sharing at least one band, once, smaller key first."""
        seen: set[tuple[int, int]] = set()
        for members in self.buckets.values():
            if len(members) < 2:
                continue
            for i, first in enumerate(members):
                for second in members[i + 1:]:
                    pair = (first, second) if first < second else (second, first)
                    if pair not in seen:
                        seen.add(pair)
                        yield pair
