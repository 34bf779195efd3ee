"""The registry of cross-file rules: every rule module is imported here, and only here.

Each rule is a small generator function taking the checking context
(generator/check/context.py) and yielding DataErrors; RULES lists them in the
order their messages are printed. Adding a rule means writing it in the module
of its kind (rules.py, plan_rules.py, wording.py, page_links.py) and naming it
below; it never means editing another rule.
"""

from __future__ import annotations

from pathlib import Path

from generator.check import load_rules, page_links, plan_rules, rules, wording
from generator.check.context import Context, HasWritten, Rule, TextRule
from generator.document import Document
from generator.errors import DataError
from generator.model import Library

RULES: tuple[Rule, ...] = (
    rules.placeholders_filled,
    rules.unknown_ids,
    rules.file_name_is_id,
    rules.ids_never_reused,
    rules.published_pages_stay,
    rules.unique_names,
    rules.progressions_agree,
    rules.progressions_have_no_cycles,
    *load_rules.RULES,
    *plan_rules.RULES,
    rules.citations_are_listed,
    rules.secondhand_figures_are_marked,
    rules.sources_are_cited,
    rules.images_exist,
    rules.outer_hip_swaps,
    *wording.RULES,
    *page_links.RULES,
)


# The rules that read the texts alone (every text, grouped by its words), never the library, so that
# `validate.load` may run them on a second core as soon as the files are read, while this process
# builds the library and runs the rest (generator/check/side_by_side.py). At 1,000 exercises the two
# sides take about the same time (1.1 to 1.4 s each on a slow day of the benchmark machine, 2 Dec 2026).
# Each judges every text alone, so the command line runs them again only on the texts of the files that
# changed since its last run (generator/check/file_cache.py).
WORDING_RULES: tuple[TextRule, ...] = wording.RULES


def check_all(library: Library, documents: dict[str, Document], known: dict[str, frozenset[str]], root: Path) -> list[DataError]:
    return check(Context(library, documents, known, root), RULES)


def check(ctx: Context, rules: tuple[Rule, ...]) -> list[DataError]:
    """The errors of some of the rules, in the order RULES gives."""
    return [error for rule in RULES if rule in rules for error in rule(ctx)]


def check_texts(texts: HasWritten) -> list[DataError]:
    """The errors of the wording rules, which need the texts alone (context.Texts, or a whole Context)."""
    return [error for rule in WORDING_RULES for error in rule(texts)]
