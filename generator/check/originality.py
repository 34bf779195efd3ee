"""Wording shared with the two source articles, checked without their text.

The site may use the articles' facts but not their sentences. The articles are
not ours to ship, so the repository keeps only a fingerprint of them: a hash
of every run of RUN_WORDS consecutive words, one per line, in
generator/check/seed-fingerprint.txt. `make validate` checks every text a
contributor writes against it (HD503); the test suite also checks every
built page.

A maintainer who has the articles refreshes the fingerprint with

    .venv/bin/python -m generator.check.originality fingerprint PATH/TO/SEEDS

(a folder of .txt files), and commits the new fingerprint file.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

RUN_WORDS = 8
FINGERPRINT = Path(__file__).resolve().parent / "seed-fingerprint.txt"
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_HEADER = (
    f"# rolling-64 hash of every run of {RUN_WORDS} words in the source articles (lower case, curly quotes straightened;"
    " each word blake2b-64, a run the polynomial of its words mod 2**64). Refresh: python -m generator.check.originality fingerprint SEEDS\n"
)
_MOD = 1 << 64
_BASE = 0x100000001B3  # odd, so the polynomial keeps every word's bits
_OUT = pow(_BASE, RUN_WORDS - 1, _MOD)  # the weight of the word that leaves a run


def words_with_lines(text: str) -> list[tuple[str, int]]:
    """Each word of the text, lower case, with its line number (1-based)."""
    found: list[tuple[str, int]] = []
    for number, line in enumerate(text.lower().replace("\u2019", "'").splitlines(), 1):
        found.extend((word, number) for word in _WORD.findall(line))
    return found


@cache
def _word_value(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "big")


def runs(words: list[str]) -> Iterator[int]:
    """The hash of every run of RUN_WORDS consecutive words, rolled along the text (one step a word)."""
    values = [_word_value(word) for word in words]
    if len(values) < RUN_WORDS:
        return
    value = 0
    for v in values[:RUN_WORDS]:
        value = (value * _BASE + v) % _MOD
    yield value
    for leaving, coming in zip(values, values[RUN_WORDS:], strict=False):
        value = ((value - leaving * _OUT) * _BASE + coming) % _MOD
        yield value


def make_fingerprint(texts: Iterable[str]) -> str:
    hashes: set[int] = set()
    for text in texts:
        hashes.update(runs([word for word, _ in words_with_lines(text)]))
    return _HEADER + "".join(f"{digest:016x}\n" for digest in sorted(hashes))


def parse_fingerprint(text: str) -> frozenset[int]:
    return frozenset(int(line, 16) for line in text.splitlines() if line and not line.startswith("#"))


@cache
def load_fingerprint(file: Path = FINGERPRINT) -> frozenset[int]:
    return parse_fingerprint(file.read_text(encoding="ascii"))


def _digests(values: list[int]) -> list[int]:
    """What `runs` yields, as a list, with the arithmetic inlined (x & _MASK is x % 2**64 for any int)."""
    value, base, out, mask = 0, _BASE, _OUT, _MOD - 1
    for v in values[:RUN_WORDS]:
        value = (value * base + v) & mask
    found = [value]
    keep = found.append
    for leaving, coming in zip(values, values[RUN_WORDS:], strict=False):
        value = ((value - leaving * out) * base + coming) & mask
        keep(value)
    return found


def shared_runs(text: str, fingerprint: frozenset[int]) -> list[tuple[int, int]]:
    """(first line, number of words) of each stretch of text shared with the articles."""
    if len(text) < 2 * RUN_WORDS - 1:
        return []  # too short to hold RUN_WORDS words and the gaps between them: ids, numbers, short names
    words = _WORD.findall(text.lower().replace("\u2019", "'"))  # the words of words_with_lines, lines aside
    if len(words) < RUN_WORDS:
        return []  # too few words for a run: most values (names, doses) stop here
    digests = _digests(list(map(_word_value, words)))
    if fingerprint.isdisjoint(digests):
        return []  # the usual case: the line numbers are needed only for a hit
    tokens = words_with_lines(text)
    hits = [digest in fingerprint for digest in digests]
    stretches: list[tuple[int, int]] = []
    i = 0
    while i < len(hits):
        if hits[i]:
            j = i
            while j + 1 < len(hits) and hits[j + 1]:
                j += 1
            stretches.append((tokens[i][1], j - i + RUN_WORDS))
            i = j + 1
        else:
            i += 1
    return stretches


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.check.originality", description="Make the fingerprint of the source articles.")
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("fingerprint", help=f"hash every {RUN_WORDS}-word run of the .txt files in SEEDS into {FINGERPRINT.name}")
    make.add_argument("seeds", type=Path, help="the folder that holds the source articles as .txt files")
    args = parser.parse_args(argv)
    articles = sorted(args.seeds.glob("*.txt"))
    if not articles:
        print(f"no .txt files in {args.seeds}", file=sys.stderr)
        return 2
    text = make_fingerprint(article.read_text(encoding="utf-8") for article in articles)
    FINGERPRINT.write_text(text, encoding="ascii")
    print(f"wrote {len(text.splitlines()) - 1} hashes from {len(articles)} articles to {FINGERPRINT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
