"""The typed model the validated data becomes. Everything is frozen."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

LEVELS = ("beginner", "intermediate", "advanced")
# Words in names that are proper names and keep their capital letter in mid-sentence
# (the wording rule HD505 holds texts to it; `in_sentence` keeps generated sentences to it).
PROPER_WORDS = ("Romanian", "Bulgarian", "Copenhagen", "Nordic", "Pallof", "Jefferson")


def in_sentence(name: str) -> str:
    """A sentence-case name as it reads mid-sentence: 'Single-leg Romanian deadlift' -> 'single-leg Romanian deadlift'."""
    return " ".join(word if word in PROPER_WORDS or word[:2].isupper() else word.lower() for word in name.split(" "))
VERDICTS = ("false", "mostly-false", "mixed", "mostly-true", "true", "unproven")
# The scale runs false .. true; "unproven" stands apart: no study has tested the claim either way.
VERDICT_SCALE = VERDICTS[:5]


def _surname(name: str) -> str:
    """'Krause Neto W' -> 'Krause Neto'; 'Vispute SS' -> 'Vispute'."""
    words = name.split()
    while len(words) > 1 and words[-1].isupper() and len(words[-1]) <= 3:
        words.pop()
    return " ".join(words)


@dataclass(frozen=True)
class Source:
    id: str
    kind: str
    authors: str
    year: int | None
    title: str  # the work's real title, confirmed; "" when it is not
    venue: str
    description: str = ""  # what the work is, in our words, when the title is not confirmed
    year_confirmed: bool = True
    doi: str = ""
    pmid: str = ""
    pmcid: str = ""
    url: str = ""
    finding: str = ""
    note: str = ""
    secondhand_muscles: tuple[str, ...] = ()  # figures for these muscles reached us only quoted elsewhere
    short: str = ""  # the in-text label when the authors are not confirmed (`label:` in sources.yml)

    @property
    def title_confirmed(self) -> bool:
        return bool(self.title)

    @property
    def date(self) -> str:
        """'2011'; '2014?' when the year is not confirmed; 'n.d.' when there is none."""
        if not self.year:
            return "n.d."
        return str(self.year) if self.year_confirmed else f"{self.year}?"

    @property
    def date_text(self) -> str:
        """The date for a reference entry, with the doubt in words: '2014?, year not confirmed'."""
        return self.date if self.year_confirmed or not self.year else f"{self.date}, year not confirmed"

    @property
    def name(self) -> str:
        """What the work is called, as plain text: its title, or '[description]' when the title is not confirmed."""
        return self.title or f"[{self.description}]"

    @property
    def name_markdown(self) -> str:
        """The title in italics, as a citation prints it; an unconfirmed title's description in
        brackets and never in italics, so that no one takes our words for the paper's."""
        if self.title:
            return f"*{self.title}*"
        return f"\\[{self.description}\\]"

    @property
    def name_sentence(self) -> str:
        """`name_markdown` closed as a sentence: a title that ends in '?' or '!' gets no extra full stop."""
        return self.name_markdown + ("" if self.title.endswith(("?", "!", ".")) else ".")

    @property
    def label(self) -> str:
        """A short in-text label: 'Eppley 2026', 'Fischer and Mitteroecker 2017', 'Vispute et al. 2011'.
        A year that is not confirmed is left out ('MacAskill et al.'): the reference list says why, and a
        citation never ends in a question mark. Without confirmed authors, the entry's own `label:`."""
        if self.short or self.authors.lower().startswith("authors not confirmed"):
            return self.short or self.name
        date = f" {self.date}" if self.year_confirmed else ""
        names = [part.strip() for part in self.authors.replace(" et al.", ", et al.").split(",") if part.strip()]
        surnames = [_surname(name) for name in names if name != "et al."]
        if len(names) == 1:
            return f"{surnames[0]}{date}"
        if len(names) == 2 and len(surnames) == 2:
            return f"{surnames[0]} and {surnames[1]}{date}"
        return f"{surnames[0]} et al.{date}"

    @property
    def href(self) -> str:
        """The best link to the work: DOI, then PubMed, then PMC, then URL."""
        if self.doi:
            return f"https://doi.org/{self.doi}"
        if self.pmid:
            return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/"
        if self.pmcid:
            return f"https://www.ncbi.nlm.nih.gov/pmc/articles/{self.pmcid}/"
        return self.url


@dataclass(frozen=True)
class Muscle:
    id: str
    name: str
    aliases: tuple[str, ...]
    summary: str
    region: str
    location: str
    action: str
    shape: str
    sources: tuple[str, ...]
    reviewed: str = ""  # YYYY-MM-DD: when its claims were last checked against the evidence; "" = not yet


@dataclass(frozen=True)
class Equipment:
    id: str
    name: str
    description: str
    home: bool


@dataclass(frozen=True)
class Dose:
    sets: str
    reps: str
    seconds: str
    per_side: bool
    rest_seconds: str

    @property
    def text(self) -> str:
        """The dose in words, e.g. '3 sets of 10-12 reps per side, rest 60 s'."""
        sets = f"{self.sets} set" + ("" if self.sets == "1" else "s")
        amount = f"{self.reps} reps" if self.reps else f"{self.seconds} s"
        side = " per side" if self.per_side else ""
        return f"{sets} of {amount}{side}, rest {self.rest_seconds} s"


@dataclass(frozen=True)
class Mistake:
    mistake: str
    fix: str


@dataclass(frozen=True)
class EvidenceRow:
    muscle: str
    mvic: float
    sd: float | None
    measure: str
    secondhand: bool
    source: str
    note: str
    tested: str = ""  # how the study's version differs from the exercise as taught, e.g. "10-rep-max load"


@dataclass(frozen=True)
class OuterHip:
    """What to do instead when the outer hip hurts (content/outer-hip-pain.md)."""

    instead: tuple[str, ...]  # exercise ids
    how: str


ROLES = ("main", "high", "low")  # how hard an exercise works a muscle; main and high count as hard
HARD_ROLES = ("main", "high")


@dataclass(frozen=True)
class Load:
    """How hard one exercise works one muscle, and why we say so: a source's figures or a movement analysis."""

    muscle: str
    role: str  # main | high | low
    source: str = ""
    reason: str = ""

    @property
    def hard(self) -> bool:
        return self.role in HARD_ROLES


@dataclass(frozen=True)
class Image:
    path: str
    alt: str
    licence: str
    author: str


from generator.pose import (  # noqa: E402, F401  (the pose part of the model, re-exported)
    BASE_ANGLES,
    BASE_PLANTED,
    CROSSING_HIP_OUT,
    LIMB_JOINTS,
    OUTER_HIP_BASES,
    POSE_BASES,
    POSE_VIEWS,
    Limb,
    Pose,
    PoseFact,
    PosePair,
)


@dataclass(frozen=True)
class Exercise:
    id: str
    file: str
    previous_ids: tuple[str, ...]
    name: str
    aliases: tuple[str, ...]
    summary: str
    level: str
    plane: str
    mechanic: str
    equipment: tuple[str, ...]
    primary: tuple[str, ...]
    secondary: tuple[str, ...]
    why: str
    setup: str
    steps: tuple[str, ...]
    cues: tuple[str, ...]
    mistakes: tuple[Mistake, ...]
    dose: Dose
    progress: str
    easier: tuple[str, ...]
    harder: tuple[str, ...]
    substitutes: tuple[str, ...]
    evidence: tuple[EvidenceRow, ...]
    safety: tuple[str, ...]
    sources: tuple[str, ...]
    images: tuple[Image, ...]
    pose: PosePair | None = None
    load: tuple[Load, ...] = ()
    outer_hip: OuterHip | None = None
    reviewed: str = ""

    @property
    def presses_or_crosses(self) -> str:
        """Why the outer hip needs a swap: 'side-lying', 'side-plank', 'crossing', or '' (see OUTER_HIP_BASES)."""
        if self.pose is None:
            return ""
        if self.pose.base in OUTER_HIP_BASES:
            return self.pose.base
        postures = (self.pose.start, self.pose.end, *((self.pose.via,) if self.pose.via else ()))
        crossed = min(min(p.working.hip_out, p.other.hip_out) for p in postures)
        return "crossing" if crossed <= CROSSING_HIP_OUT else ""

    @property
    def muscles(self) -> tuple[str, ...]:
        return self.primary + self.secondary

    # Read by the planner for every candidate of every slot of every week, so
    # computed once (a cached property sits beside the fields, not among them:
    # equality, hashing and dataclasses.replace ignore it).
    @cached_property
    def hard(self) -> tuple[str, ...]:
        """The muscles this move works hard (load role main or high); its primary muscles while it has no load list."""
        return tuple(item.muscle for item in self.load if item.hard) if self.load else self.primary

    @cached_property
    def pattern(self) -> str:
        """squat, hinge, bridge, abduction, trunk, or other: read from the main muscles and the start position."""
        main = set(self.primary)
        if "gluteus-maximus" in main and self.pose is not None and self.pose.base == "supine":
            return "bridge"
        if "hamstrings" in main:
            return "hinge"
        if "quadriceps" in main:
            return "squat"
        if "gluteus-medius" in main or "gluteus-minimus" in main:
            return "abduction"
        if main == {"core"}:
            return "trunk"
        return "other"


@dataclass(frozen=True)
class Myth:
    id: str
    file: str
    previous_ids: tuple[str, ...]
    claim: str
    verdict: str
    answer: str
    explanation: str
    instead: str
    exercises: tuple[str, ...]
    muscles: tuple[str, ...]
    myths: tuple[str, ...]
    sources: tuple[str, ...]
    reviewed: str = ""

    @property
    def verdict_label(self) -> str:
        return self.verdict.replace("-", " ").capitalize()


@dataclass(frozen=True)
class PlanEntry:
    exercise: str
    dose: Dose


@dataclass(frozen=True)
class Day:
    name: str
    kind: str
    focus: str
    entries: tuple[PlanEntry, ...]
    notes: str

    @property
    def kind_label(self) -> str:
        return self.kind.replace("-", " ").capitalize()


@dataclass(frozen=True)
class Plan:
    id: str
    file: str
    previous_ids: tuple[str, ...]
    title: str
    summary: str
    audience: str
    equipment: tuple[str, ...]
    days: tuple[Day, ...]
    notes: tuple[str, ...]
    sources: tuple[str, ...]
    level: str = ""  # beginner | intermediate | advanced; "" when a hand-written plan names none
    reviewed: str = ""


@dataclass(frozen=True)
class Page:
    """A hand-written Markdown page from content/."""

    file: str
    output: str
    title: str
    description: str
    sources: tuple[str, ...]
    hide: tuple[str, ...]
    body: str
    body_line: int
    reviewed: str = ""


@dataclass(frozen=True)
class Library:
    """Everything the site is made of, validated; keyed by id and sorted."""

    exercises: Mapping[str, Exercise]
    myths: Mapping[str, Myth]
    plans: Mapping[str, Plan]
    muscles: Mapping[str, Muscle]
    equipment: Mapping[str, Equipment]
    sources: Mapping[str, Source]
    pages: Mapping[str, Page]
