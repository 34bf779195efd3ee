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
from generator.check.context import Context, Rule
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


# The heaviest of the rules that search every text's words: about as much work as the figures'
# checks and all the other rules together, so `validate.load` may run them beside the others on a
# second core (generator/check/side_by_side.py). names_are_capitalised, the lightest, stays here:
# with it the two sides finish at about the same time.
WORDING_RULES: tuple[Rule, ...] = (wording.claims_are_honest, wording.causes_are_hedged, wording.words_are_our_own)


def check_all(library: Library, documents: dict[str, Document], known: dict[str, frozenset[str]], root: Path) -> list[DataError]:
    return check(Context(library, documents, known, root), RULES)


def check(ctx: Context, rules: tuple[Rule, ...]) -> list[DataError]:
    """The errors of some of the rules, in the order RULES gives."""
    return [error for rule in RULES if rule in rules for error in rule(ctx)]
