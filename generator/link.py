"""The link stage: the relations between entries, computed once, both ways.

Backlinks are never typed by hand: a myth names its exercises, and the
exercise page learns of the myth here. Every table is built in one pass over
the library, so the cost grows linearly with its size.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from generator.citations import cited
from generator.model import EvidenceRow, Library


@dataclass(frozen=True)
class Links:
    primary_of: Mapping[str, tuple[str, ...]]  # muscle -> exercises that target it
    secondary_of: Mapping[str, tuple[str, ...]]  # muscle -> exercises that it helps in
    exercises_using: Mapping[str, tuple[str, ...]]  # equipment -> exercises
    myths_about_exercise: Mapping[str, tuple[str, ...]]
    myths_about_muscle: Mapping[str, tuple[str, ...]]
    related_myths: Mapping[str, tuple[str, ...]]  # myth -> myths, both directions
    plans_using: Mapping[str, tuple[str, ...]]  # exercise -> plans
    evidence_for_muscle: Mapping[str, tuple[tuple[str, EvidenceRow], ...]]  # muscle -> (exercise, row)
    page_sources: Mapping[str, tuple[str, ...]]  # output page -> sources listed or cited
    cited_on: Mapping[str, tuple[str, ...]]  # source -> output pages


def _freeze(table: Mapping[str, list[str] | set[str]]) -> dict[str, tuple[str, ...]]:
    return {key: tuple(sorted(set(values))) for key, values in sorted(table.items())}


def _merge(*groups: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for group in groups:
        for item in group:
            seen.setdefault(item, None)
    return tuple(seen)


def output_path(kind: str, ident: str) -> str:
    """Where a generated page lives in the Markdown tree."""
    return {"exercise": "exercises", "myth": "myths", "plan": "plans", "muscle": "muscles"}[kind] + f"/{ident}.md"


def link(library: Library) -> Links:
    primary_of: dict[str, list[str]] = defaultdict(list)
    secondary_of: dict[str, list[str]] = defaultdict(list)
    using: dict[str, list[str]] = defaultdict(list)
    myths_ex: dict[str, list[str]] = defaultdict(list)
    myths_mu: dict[str, list[str]] = defaultdict(list)
    myths_my: dict[str, set[str]] = defaultdict(set)
    plans_using: dict[str, list[str]] = defaultdict(list)
    evidence: dict[str, list[tuple[str, EvidenceRow]]] = defaultdict(list)
    page_sources: dict[str, tuple[str, ...]] = {}
    for ex in library.exercises.values():
        for muscle in ex.primary:
            primary_of[muscle].append(ex.id)
        for muscle in ex.secondary:
            secondary_of[muscle].append(ex.id)
        for item in ex.equipment:
            using[item].append(ex.id)
        for row in ex.evidence:
            evidence[row.muscle].append((ex.id, row))
        texts = [ex.why, ex.setup, ex.progress, *ex.steps, *ex.cues, *ex.safety, *(m.mistake + m.fix for m in ex.mistakes)]
        page_sources[output_path("exercise", ex.id)] = _merge(ex.sources, [r.source for r in ex.evidence], *(list(cited(t)) for t in texts))
    for myth in library.myths.values():
        for ex_id in myth.exercises:
            myths_ex[ex_id].append(myth.id)
        for muscle in myth.muscles:
            myths_mu[muscle].append(myth.id)
        for other in myth.myths:
            myths_my[myth.id].add(other)
            myths_my[other].add(myth.id)
        page_sources[output_path("myth", myth.id)] = _merge(myth.sources, list(cited(myth.explanation)), list(cited(myth.instead)))
    for plan in library.plans.values():
        for day in plan.days:
            for entry in day.entries:
                plans_using[entry.exercise].append(plan.id)
        page_sources[output_path("plan", plan.id)] = _merge(plan.sources, *(list(cited(n)) for n in plan.notes))
    for muscle in library.muscles.values():
        page_sources[output_path("muscle", muscle.id)] = _merge(muscle.sources, *(list(cited(t)) for t in (muscle.location, muscle.action, muscle.shape)))
    for page in library.pages.values():
        page_sources[page.output] = _merge(page.sources, list(cited(page.body)))
    cited_on: dict[str, list[str]] = defaultdict(list)
    for page_path, sources in page_sources.items():
        for source in sources:
            cited_on[source].append(page_path)
    return Links(
        primary_of=_freeze(primary_of),
        secondary_of=_freeze(secondary_of),
        exercises_using=_freeze(using),
        myths_about_exercise=_freeze(myths_ex),
        myths_about_muscle=_freeze(myths_mu),
        related_myths=_freeze(myths_my),
        plans_using=_freeze(plans_using),
        evidence_for_muscle={k: tuple(sorted(v, key=lambda pair: (pair[1].source, -pair[1].mvic, pair[0]))) for k, v in sorted(evidence.items())},
        page_sources=dict(sorted(page_sources.items())),
        cited_on=_freeze(cited_on),
    )
