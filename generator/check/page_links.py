"""Page links: a link from one page of the site to another goes somewhere.

A Markdown link in any text (`[the clam](exercises/banded-clamshell.md)`) is
resolved the way MkDocs resolves it, from the page the text ends up on. A link
to a page that will not exist, or to a heading that a hand-written page does
not have, fails the strict build; this rule says so in `make validate`, on the
line that holds the link.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator, Mapping

from markdown.extensions.toc import slugify

from generator.check.context import Context
from generator.errors import DataError
from generator.link import output_path
from generator.model import Library, Page

# Pages the generator writes besides one per entry (see render.render).
INDEX_PAGES = frozenset({"exercises/index.md", "myths/index.md", "plans/index.md", "muscles/index.md", "equipment.md", "references.md"})
# Folders whose every page this rule knows; a link deeper than these (a page
# that a later stage adds) is left to the strict build.
KNOWN_FOLDERS = frozenset({"", "exercises", "myths", "plans", "muscles"})

_LINK = re.compile(r"(?<!!)\[([^\]]*)\]\(\s*<?([^)>\s]*)")
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*(?:\{[^}]*#([\w-]+)[^}]*\})?\s*#*\s*$", re.MULTILINE)
_EXPLICIT_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}")
_DATA_PAGES = {"exercises/": "exercise", "content/myths/": "myth", "content/plans/": "plan"}


def page_outputs(library: Library, known: Mapping[str, frozenset[str]]) -> frozenset[str]:
    """Every Markdown page of the site that this rule can know before rendering. Entries come
    from the ids known from file names too, so a file that fails its schema does not make every
    link to it an error as well."""
    outputs = set(INDEX_PAGES)
    for kind, vocabulary in (("exercise", "exercise"), ("myth", "myth"), ("plan", "plan"), ("muscle", "muscles")):
        outputs.update(output_path(kind, ident) for ident in known.get(vocabulary, ()))
    outputs.update(output_path("muscle", ident) for ident in library.muscles)
    outputs.update(page.output for page in library.pages.values())
    return frozenset(outputs)


def anchors_of(page: Page) -> frozenset[str]:
    """The ids of a hand-written page's headings, as the toc extension makes them."""
    found = {"sources"} if page.sources else set()
    for match in _HEADING.finditer(page.body):
        found.add(match.group(2) or slugify(re.sub(r"[*_`]", "", match.group(1)), "-"))
    found.update(_EXPLICIT_ID.findall(page.body))
    return frozenset(found)


def _output_of(file: str, path: tuple[object, ...], library: Library) -> str:
    """The page a text of this file ends up on."""
    for folder, kind in _DATA_PAGES.items():
        if file.startswith(folder):
            return output_path(kind, file.rsplit("/", 1)[-1].removesuffix(".yml"))
    if file == "content/muscles.yml" and path:
        return output_path("muscle", str(path[0]))
    if file == "content/sources.yml":
        return "references.md"
    if file == "content/equipment.yml":
        return "equipment.md"
    page = library.pages.get(file)
    return page.output if page else ""


def broken_links(text: str, here: str, outputs: frozenset[str], anchors: dict[str, frozenset[str]]) -> Iterator[tuple[int, str, str]]:
    """(offset, message, hint) for each link in the text that leads nowhere or has no words."""
    if "](" not in text:
        return
    for match in _LINK.finditer(text):
        words, target = match.group(1), match.group(2)
        if not words.strip():
            yield match.start(), "a link with no words to click", "put the words a reader sees inside the brackets: [the clamshell](...)"
            continue
        if re.match(r"[a-z][a-z0-9+.\-]*:|//|#", target, re.IGNORECASE) or not target.split("#")[0].endswith(".md"):
            continue  # another site, an anchor on this page, or a file that is not a page
        page, _, anchor = target.partition("#")
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(here), page))
        if posixpath.dirname(resolved) not in KNOWN_FOLDERS:
            continue
        if resolved not in outputs:
            nearest = _nearest(resolved, outputs)
            yield match.start(2), f"link to '{target}': there is no such page", f"did you mean {posixpath.relpath(nearest, posixpath.dirname(here) or '.')}?" if nearest else "check the path: links are relative to this page"
        elif anchor and resolved in anchors and anchor not in anchors[resolved]:
            yield match.start(2), f"link to '{target}': that page has no heading '#{anchor}'", f"headings there: {', '.join(sorted(anchors[resolved]))}"


def _nearest(path: str, outputs: frozenset[str]) -> str:
    import difflib

    match = difflib.get_close_matches(path, sorted(outputs), n=1, cutoff=0.6)
    return match[0] if match else ""


def links_lead_somewhere(ctx: Context) -> Iterator[DataError]:
    """HD318: every link has words to click, and a link to another page of the site names a
    page (and heading) that exists."""
    outputs = page_outputs(ctx.library, ctx.known)
    anchors = {page.output: anchors_of(page) for page in ctx.library.pages.values()}
    for item in ctx.texts:
        here = item.page.output if item.page else _output_of(item.file, item.path, ctx.library)
        for offset, message, hint in broken_links(item.text, here, outputs, anchors) if here else ():
            yield item.error(offset, "HD318", message, hint)


RULES = (links_lead_somewhere,)
