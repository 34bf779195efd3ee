"""Which pages the site's search finds, said in each page's front matter.

Pagefind is the index (generator/search_index.py): it reads each built page's
content inside `data-pagefind-body`, which overrides/main.html puts on every
page but those whose front matter says `findable: false`, the built weeks,
which repeat the exercises and sample weeks a reader would rather find.
Material's own index is left with its settings only (`search: exclude:
true` on every page), which its search box and the words highlighted on a
result's page still read, and MkDocs no longer spends time filling it.
Pages that gather entries get `find_weight:`, which overrides/main.html
passes to Pagefind as the weight of their words.
"""

from __future__ import annotations

MATERIAL_INDEX_OFF = "search:\n  exclude: true"
# Pages that gather entries (lists of exercises, muscles, myths, weeks,
# equipment, sources) hold every word their entries hold; their words count
# for less (Pagefind's data-pagefind-weight), so a cue or a muscle finds the
# entry's own page before the list that names it.
GATHERING = ("exercises/index.md", "muscles/index.md", "myths/index.md", "plans/index.md", "equipment.md", "references.md")
GATHERING_WEIGHT = 0.5


def search_rules(path: str, findable: bool) -> str:
    """The front matter lines that say how the site's search treats the page at `path`."""
    if not findable:
        return f"{MATERIAL_INDEX_OFF}\nfindable: false"
    if path in GATHERING:
        return f"{MATERIAL_INDEX_OFF}\nfind_weight: {GATHERING_WEIGHT}"
    return MATERIAL_INDEX_OFF


def with_search_rules(text: str, path: str, findable: bool) -> str:
    """The page with its search rules added to the end of its front matter."""
    if not text.startswith("---\n"):
        return text
    head, _, body = text.removeprefix("---\n").partition("\n---\n")
    return f"---\n{head}\n{search_rules(path, findable)}\n---\n{body}"
