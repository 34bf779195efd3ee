"""Wording: claims the site never makes, in any text a contributor writes.

Each claim is a `Claim`: a pattern that finds it in a sentence, and a pattern
for the words that deny or report it instead ("no exercise will remove hip
dips", "some apps promise to remove them"). A sentence that makes the claim
and does not deny or report it is an error, located to the text value of a
data file or to the line of a hand-written page.

The rules run in `make validate`, so a contributor learns about a sentence
before the test suite or a reviewer does. They read the texts alone (`ctx.written`),
never the library: validation runs them on a second core while the library is
still being built (generator/check/validate.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property

from generator.check.context import HasWritten
from generator.check.promises import promises_in
from generator.check.texts import Text, quoted
from generator.errors import DataError
from generator.model import PROPER_WORDS

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n(?=[ \t]*(?:!!!|\?\?\?))|(?<=\x22)[ \t]*\n(?=[ \t]{4})|\n\s*\n|\n\s*[-*+]\s|\n\s*\d+\.\s|\n#+\s")


@dataclass(frozen=True)
class Claim:
    """A claim the site does not make, and how to tell it from a denial."""

    code: str
    finds: re.Pattern[str]
    unless: re.Pattern[str]
    message: str
    hint: str
    words: tuple[str, ...]  # lower-case words one of which every match holds: a cheap test before the pattern
    judge: Callable[[str], Iterator[int]] | None = None  # finds the unexcused claims itself, instead of `unless`
    needs: tuple[str, ...] = ()  # lower-case phrases one of which every match of `finds` holds: a second cheap test

    @cached_property
    def _quick(self) -> re.Pattern[str]:
        return re.compile("|".join(map(re.escape, self.words)))

    @cached_property
    def _needs(self) -> re.Pattern[str]:
        return re.compile("|".join(map(re.escape, self.needs)), re.IGNORECASE)

    @cached_property
    def _folded(self) -> re.Pattern[str] | None:
        """`finds` without IGNORECASE, for lower-cased ASCII text (None when `finds` is case-sensitive)."""
        return re.compile(self.finds.pattern) if self.finds.flags & re.IGNORECASE else None

    def search(self, text: str, lower: str) -> re.Match[str] | None:
        """finds.search(text). On ASCII text a case-insensitive pattern matches the same spans as its
        case-sensitive copy on the lower-cased text (every letter of these patterns is lower case), which runs
        two to three times faster; the match then holds the lower-cased words."""
        if self._folded is not None and text.isascii():
            return self._folded.search(lower)
        return self.finds.search(text)

    def may_be_in(self, text: str, lower: str) -> bool:
        """Whether the pattern matches anywhere in the text (`lower` is the text in lower case)."""
        if self._quick.search(lower) is None:
            return False
        if self.needs and not (any(phrase in lower for phrase in self.needs) if text.isascii() else self._needs.search(text)):
            return False
        return self.search(text, lower) is not None


REMOVAL_PROMISE = Claim(  # the grammar, and what excuses a promise, is in promises.py
    code="HD501",
    finds=re.compile(r"dip|dent|hollow|dimple|violin", re.IGNORECASE),  # a cheap first look; PROMISE is the grammar
    unless=re.compile(r"(?!)"),
    message="this sentence promises that something removes hip dips",
    hint="no exercise, food or plan removes a hip dip; say what it does instead (builds strength, may soften the look a little), or deny or report the claim right where it is made",
    words=("dip", "dent", "violin", "hollow", "dimple"),
    judge=promises_in,
)

_NEVER = re.compile(r"(?!)")  # a rival wording has no denial that makes it right


def _rival(fact: str, home: str, pattern: str, words: tuple[str, ...]) -> Claim:
    """HD504: a fact that several pages state has one home; other texts link to it, not restate it differently."""
    return Claim("HD504", re.compile(pattern, re.IGNORECASE), _NEVER, f"this states {fact} differently from the site's one answer ({home})", f"use the wording of {home}, or link to it", words)


SHARED_FACTS: tuple[Claim, ...] = (
    _rival("where the dip sits", "what-are-hip-dips.md#where-the-dip-sits", r"(just |right )?above the (greater )?trochanter|below the (greater )?trochanter", ("trochanter",)),
    _rival("who has a hip dip", "what-are-hip-dips.md#who-has-one", r"\b(almost )?every(one|body) has (one|them|a (hip )?dip)|can have none|nobody has", ("every", "none", "nobody")),
    _rival("when to make an exercise harder", "30-day-start.md#when-to-step-up", r"add (a little|some|more) (weight|load) (each|every) (week|session)|up to 45-60 seconds", ("weight", "load", "45-60")),
)
CLAIMS: tuple[Claim, ...] = (REMOVAL_PROMISE, *SHARED_FACTS)
_ANY_CLAIM_WORD = re.compile("|".join(re.escape(word) for claim in CLAIMS for word in claim.words))  # one search for all of CLAIMS' quick tests

_DIP = r"(?:hip[- ]dips?|dips?|(?:the|that|this) curve)"
_CAUSE = r"(?:bones?|bony|skeleton|skeletal|genes|genetics?|fat|muscles?|pelvis|frame|anatomy|structure)"
_SET = r"(?:sets?|setting|decides?|deciding|determines?|dictates?|controls?)"
_HOW_MUCH = r"(?:how (?:deep|big|visible|much)|the (?:depth|size|shape)|(?:most|much|all) of (?:it|them))"
_HOW_MUCH_PHRASES = ("how deep", "how big", "how visible", "how much", "the depth", "the size", "the shape", " of it", " of them")

ABSOLUTE_CAUSE = Claim(
    code="HD502",
    finds=re.compile(
        rf"\b{_SET}\s+(?:(?:most|all|much|the size|the depth|how deep|how much)\b[^.;:]{{0,30}}?)?\b{_DIP}\b"
        rf"|\b{_DIP}\b[^.;:]{{0,60}}?\b(?:is|are)\s+(?:set|decided|determined|dictated|controlled|caused)\s+(?:mostly\s+|mainly\s+|largely\s+|entirely\s+|only\s+|purely\s+|solely\s+|simply\s+)?by\b"
        rf"|\b(?:most|all|nearly all|almost all)\s+of\s+(?:a|the|your|any)\s+(?:hip[- ])?dip\s+(?:comes?|is|are)\b"
        rf"|\b{_DIP}\b[^.;:]{{0,40}}?\b(?:is|are)\s+(?:entirely|purely|only|just|all|simply|100%)\s+(?:genetic|bones?|skeletal|anatomy|fat|muscle)\b"
        rf"|\b{_CAUSE}\w*\b[^.;:]{{0,30}}?\b{_SET}\b[^.;:]{{0,40}}?\b{_HOW_MUCH}\b",
        re.IGNORECASE,
    ),
    unless=re.compile(r"\b(?:most likely|likely|probably|may|might|could|perhaps|we think|guess|inference|not|no|never|cannot|can't|isn't|aren't|doesn't|don't|nor|myth|claims?|some say|people say|said|told|sold|unproven|unknown)\b|\?", re.IGNORECASE),
    message="this sentence states as a fact what sets a hip dip; no study has measured that",
    hint="say it as the inference it is, e.g. 'how deep a dip looks most likely comes from bone shape and fat pattern together, with muscle a smaller part'",
    words=("dip", "curve", "set", "decid", "determin", "dictat", "control"),
    needs=("dip", "curve", *_HOW_MUCH_PHRASES),  # the first four forms name the dip, the last says how much
)
# A clause ends at ; : or a dash, or at a comma before a new reason ("..., since bone sets most of it").
_CLAUSE = re.compile(r"(?:[^;:\u2014,]|,(?!\s*(?:since|because|as|so|but|which|yet)\b))+")
MYTH_FOLDER = "content/myths/"  # a myth's `claim` states the myth in order to check it


def sentences(text: str) -> Iterator[tuple[int, str]]:
    """Each sentence (or list item, or paragraph) of Markdown text, with its offset."""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        yield start, text[start : match.start()]
        start = match.end()
    yield start, text[start:]


def problems_in_text(text: str, claims: Iterable[Claim] = CLAIMS) -> Iterator[tuple[int, Claim, str]]:
    """(offset, claim, sentence) for each sentence that makes a claim without denying or reporting it."""
    lower = text.lower()
    if claims is CLAIMS and not _ANY_CLAIM_WORD.search(lower):
        return  # none of the claims' words: most texts stop here
    claims = [claim for claim in claims if claim.may_be_in(text, lower)]  # most texts make none
    if not claims:
        return
    for offset, sentence in _with_leads(sentences(text)):
        for claim in claims:
            if claim.judge is not None:
                made = next(iter(claim.judge(sentence)), None) is not None
            else:
                made = claim.search(sentence, sentence.lower()) is not None and not claim.unless.search(sentence)
            if made:
                yield offset, claim, sentence


_LEAD = re.compile(r"^\W*(?:\w+[\s-]){0,3}\w+\?$")


def _with_leads(found: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """Sentences, with a short rhetorical lead joined to the next: "Hip dips? Gone in 30 days." """
    pending: tuple[int, str] | None = None
    for offset, sentence in found:
        if pending is not None:
            offset, sentence = pending[0], f"{pending[1]} {sentence}"
            pending = None
        elif _LEAD.match(sentence.strip()):
            pending = (offset, sentence)
            continue
        yield offset, sentence
    if pending is not None:
        yield pending


def _reported(item: Text) -> bool:
    """A myth's `claim` states the myth in order to check it, so no wording rule applies to it."""
    return item.path == ("claim",) and item.file.startswith(MYTH_FOLDER)


def claims_are_honest(ctx: HasWritten) -> Iterator[DataError]:
    """HD501, HD504: no text promises to remove hip dips or states a shared fact its own way."""
    for item, (offset, claim, sentence) in ctx.written.found(problems_in_text, unless=_reported):
        yield item.error(offset, claim.code, f"{claim.message}: {quoted(sentence)}", claim.hint)


def words_are_our_own(ctx: HasWritten) -> Iterator[DataError]:
    """HD503: no text shares a run of eight or more words with a source article (checked against
    a fingerprint of the articles, not their text)."""
    from generator.check.originality import RUN_WORDS, load_fingerprint, shared_runs

    fingerprint = load_fingerprint()
    hint = "the facts are free to use, the sentences are not: say it in your own words"
    for item, (line, count) in ctx.written.found(lambda text: shared_runs(text, fingerprint)):
        offset = sum(len(before) + 1 for before in item.text.split("\n")[: line - 1])
        yield item.error(offset, "HD503", f"{count} words in a row here are the same as in a source article (the limit is {RUN_WORDS - 1})", hint)


def absolutes_in_text(text: str) -> Iterator[int]:
    """Offsets of clauses that state what sets a hip dip as a fact. A hedge or a denial counts
    only before the claim in its own clause: 'most of a dip comes from bone, which no lift
    changes' is still an absolute."""
    claim = ABSOLUTE_CAUSE
    if not claim.may_be_in(text, text.lower()):
        return
    for offset, sentence in sentences(text):
        for clause in _CLAUSE.finditer(sentence):
            words = clause.group(0)
            found = claim.search(words, words.lower())
            if found and not claim.unless.search(words[: found.end()]):
                yield offset + clause.start()


def causes_are_hedged(ctx: HasWritten) -> Iterator[DataError]:
    """HD502: what sets a hip dip is an inference (EVIDENCE A11), so no text states it as a fact."""
    claim = ABSOLUTE_CAUSE
    for item, offset in ctx.written.found(absolutes_in_text, unless=_reported):
        clause = next((s for start, s in sentences(item.text[offset:])), "")
        yield item.error(offset, claim.code, f"{claim.message}: {quoted(clause)}", claim.hint)


PROPER_NAME = Claim(
    code="HD505",
    finds=re.compile(r"(?<![-/#@\w])(?:" + "|".join(word.lower() for word in PROPER_WORDS) + r")(?![-\w])"),
    unless=_NEVER,
    message="a proper name is written in lower case",
    hint="names from places and people keep their capital letter, e.g. Romanian deadlift, Bulgarian split squat",
    words=tuple(word.lower() for word in PROPER_WORDS),
)


def names_are_capitalised(ctx: HasWritten) -> Iterator[DataError]:
    """HD505: proper names in exercise names (Romanian, Bulgarian) keep their capital letter in every text."""
    for item, (offset, claim, sentence) in ctx.written.found(lambda text: problems_in_text(text, (PROPER_NAME,))):
        yield item.error(offset, claim.code, f"{claim.message}: {quoted(sentence)}", claim.hint)


RULES = (claims_are_honest, causes_are_hedged, words_are_our_own, names_are_capitalised)
