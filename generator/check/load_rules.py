"""The load model's rules (HD324): every exercise says how hard it works each muscle, and why.

Each `load:` item names a muscle of the exercise's `muscles:` block, a role
(main, high, low) and either a source whose figures set the role or a reason
in plain words (a movement analysis). The weeks (generator/weeks/) count a
muscle as worked hard where its role is main or high, so a missing or
inconsistent list would plan a week on guesses.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.check.context import Context
from generator.errors import DataError

HINT = "add a `load:` item per muscle it works meaningfully, e.g. - {muscle: gluteus-medius, role: main, source: distefano-2009}, or with reason: \"...\" instead of a source (see CONTRIBUTING.md)"


def load_is_stated(ctx: Context) -> Iterator[DataError]:
    """HD324: a `load:` list that covers every primary muscle as main, names only the file's own muscles once each, and cites listed sources."""
    lib = ctx.library
    for ex in lib.exercises.values():
        if not ex.load:
            yield ctx.error(ex.file, ("muscles",), "HD324", "the exercise has no `load:` list saying how hard it works each muscle", HINT, key=True)
            continue
        seen: set[str] = set()
        for i, item in enumerate(ex.load):
            if item.muscle in seen:
                yield ctx.error(ex.file, ("load", i, "muscle"), "HD324", f"load: '{item.muscle}' is listed twice", "keep one item per muscle")
            seen.add(item.muscle)
            if item.muscle in lib.muscles and item.muscle not in ex.muscles:
                yield ctx.error(ex.file, ("load", i, "muscle"), "HD324", f"load: '{item.muscle}' is not in the exercise's muscles: block", "add it under muscles: secondary, or remove the item")
            elif item.muscle not in lib.muscles:
                yield ctx.error(ex.file, ("load", i, "muscle"), "HD301", f"load: '{item.muscle}' is not a muscle id", "see content/muscles.yml")
            if item.role == "main" and item.muscle not in ex.primary:
                yield ctx.error(ex.file, ("load", i, "role"), "HD324", f"load: '{item.muscle}' is main but not a primary muscle", "use high or low for a helper, or list it under muscles: primary")
            if item.source and item.source not in lib.sources:
                yield ctx.error(ex.file, ("load", i, "source"), "HD301", f"load: '{item.source}' is not a source id", "see content/sources.yml")
            elif item.source and item.source not in ex.sources:
                yield ctx.error(ex.file, ("load", i, "source"), "HD324", f"load: the source '{item.source}' is not in the exercise's sources:", "add it to sources:")
        for muscle in ex.primary:
            if not any(item.muscle == muscle and item.role == "main" for item in ex.load):
                yield ctx.error(ex.file, ("load",), "HD324", f"load: the primary muscle '{muscle}' has no item with role main", f"add - {{muscle: {muscle}, role: main, source: ...}} or with a reason", key=True)


RULES = (load_is_stated,)
