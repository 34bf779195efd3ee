"""Page links: a link from one page of the site to another goes somewhere.

A Markdown link in any text is resolved the way MkDocs resolves it, from the
page the text ends up on: an exercise's text lands on exercises/<id>.md, so
`[the clam](exercises/clam.md)` written there leads to exercises/exercises/clam.md.
A link to a page that will not exist, to a heading that a hand-written page
does not have, an absolute path (/hipdips/exercises/clam/) or a web address
that is not a Markdown file (../clam/) fails the strict build (mkdocs.yml's
`validation:`); this rule says so in `make validate`, on the line that holds
the link, with the form to write instead.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlparse

from markdown.extensions.toc import slugify

from generator.check.context import Context
from generator.check.texts import quoted
from generator.errors import DataError, Fix
from generator.link import output_path
from generator.model import Library, Page

# Pages the generator writes besides one per entry (see render.render).
INDEX_PAGES = frozenset({"exercises/index.md", "myths/index.md", "plans/index.md", "muscles/index.md", "equipment.md", "references.md"})
# Folders of pages that a later stage writes (the built weeks): links into them are left
# to the strict build. Every other page this rule knows.
LATER_FOLDERS = ("plans/your-week/",)

_LINK = re.compile(r"(?<!!)\[([^\]]*)\]\(\s*<?([^)>\s]*)")
_REFERENCE = re.compile(r"^[ ]{0,3}\[([^\]]+)\]:[ \t]*<?([^>\s]+)>?", re.MULTILINE)  # [ref]: exercises/clam.md
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


@dataclass(frozen=True)
class Pages:
    """What a link may lead to: every page this rule knows, the headings of hand-written ones,
    and the site's own path (site_url's, e.g. /hipdips/), which an absolute link may start with."""

    outputs: frozenset[str]
    anchors: Mapping[str, frozenset[str]]
    base: str = "/"


def _url_folder(here: str) -> str:
    """The folder a browser resolves a relative URL from: with directory URLs, the page's own
    address (exercises/clam.md is served at exercises/clam/)."""
    stem = here.removesuffix(".md")
    return posixpath.dirname(stem) if stem == "index" or stem.endswith("/index") else stem


def _page_of_url(url: str) -> str:
    """exercises/clam/ or exercises/clam -> exercises/clam.md; exercises/ -> exercises/index.md."""
    url = url.strip("/")
    if not url or url == ".":
        return "index.md"
    return url + ".md" if not url.endswith(".md") else url


def _written(resolved: str, here: str) -> str:
    """How a link to `resolved` is written on the page `here`."""
    return posixpath.relpath(resolved, posixpath.dirname(here) or ".")


def _suggestion(intended: str, here: str, pages: Pages, anchor: str) -> str:
    """The link to write instead, for the page the writer most likely meant ('' when none)."""
    candidates = [intended] if intended in pages.outputs else []
    if not candidates:
        same_name = sorted(page for page in pages.outputs if posixpath.basename(page) == posixpath.basename(intended) and page != "index.md")
        candidates = same_name or [nearest for nearest in [_nearest(intended, pages.outputs)] if nearest]
    if not candidates:
        return ""
    return _written(candidates[0], here) + (f"#{anchor}" if anchor else "")


def _landing_problem(target: str, here: str, pages: Pages) -> tuple[str, str, str] | None:
    """(message, hint, the target to write instead or '') when the link `target` fails the strict build on the page `here`, as MkDocs
    resolves it: a relative .md path from the page's folder; absolute paths and URLs that are not
    a .md file (directory URLs such as ../leg-lift/) are refused (validation: absolute_links,
    unrecognized_links)."""
    page, _, anchor = target.partition("#")
    if not page:
        return _missing_heading(here, here, anchor, pages)
    if page.startswith("/"):
        inside = page[len(pages.base) :] if page.startswith(pages.base) else page.lstrip("/")
        better = _suggestion(_page_of_url(inside), here, pages, anchor)
        return "an absolute path, which MkDocs does not rewrite and the strict build refuses", f"write the page's Markdown file relative to this page ({here}): ({better})" if better else "write the page's Markdown file relative to this page, e.g. (../exercises/some-id.md)", better
    extension = posixpath.splitext(page.rstrip("/"))[1]
    if not page.endswith(".md"):
        if extension and not page.endswith("/"):
            return None  # a picture or a download: the strict build checks the file
        intended = posixpath.normpath(posixpath.join(_url_folder(here), page.rstrip("/") or "."))
        better = _suggestion(_page_of_url(intended), here, pages, anchor)
        return "a web address, not a page's Markdown file, so the strict build cannot check it", f"link to the Markdown file: ({better})" if better else "link to the page's Markdown file, e.g. (some-id.md)", better
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(here), page))
    if resolved.startswith("../"):
        better = _suggestion(posixpath.normpath(page.lstrip("./")), here, pages, anchor)
        return "it climbs out of the site", f"write it relative to this page ({here}): ({better})" if better else f"links are relative to this page ({here})", better
    if any(resolved.startswith(folder) and not here.startswith(folder) for folder in LATER_FOLDERS):
        return None  # pages a later stage writes: the strict build checks these
    if resolved not in pages.outputs:
        root_relative = posixpath.normpath(page)
        if root_relative in pages.outputs and root_relative != resolved:
            better = _written(root_relative, here) + (f"#{anchor}" if anchor else "")
            return f"from this page ({here}) it leads to {resolved}, which does not exist", f"links are relative to the page the text is shown on: write ({better})", better
        better = _suggestion(resolved, here, pages, anchor)
        return "there is no such page", f"did you mean ({better})?" if better else f"check the path: links are relative to this page ({here})", better
    return _missing_heading(resolved, here, anchor, pages)


def _missing_heading(target: str, here: str, anchor: str, pages: Pages) -> tuple[str, str, str] | None:
    """A link to a heading that a hand-written page does not have (generated pages' headings
    are left to the strict build)."""
    known = pages.anchors.get(target)
    if not anchor or known is None or anchor in known:
        return None
    import difflib

    nearest = difflib.get_close_matches(anchor, sorted(known), n=1, cutoff=0.0)
    better = (_written(target, here) if target != here else "") + f"#{nearest[0]}" if nearest else ""
    listed = f"headings there: {', '.join(sorted(known))}" if known else "that page has no headings"
    return f"that page has no heading '#{anchor}'", f"did you mean ({better})? {listed}" if better else listed, better


def may_link(text: str) -> bool:
    """Whether the text can hold a link or a reference definition at all (a cheap first look)."""
    return "](" in text or "]:" in text


def broken_links(text: str, landings: tuple[str, ...], pages: Pages) -> Iterator[tuple[int, str, str, tuple[str, str] | None]]:
    """(offset, message, hint, (old, new) text of the fix or None) for each link in the text that has no words or that fails the
    strict build on one of the pages the text is shown on."""
    if not may_link(text):
        return
    found = [(m, quoted(m.group(0).rstrip() + ("" if m.group(0).endswith(")") else ")"))) for m in _LINK.finditer(text)]
    found += [(m, quoted(m.group(0).strip())) for m in _REFERENCE.finditer(text)]
    for match, link in sorted(found, key=lambda pair: pair[0].start()):
        words, target = match.group(1), match.group(2)
        if not words.strip():
            yield match.start(), f"the link {link} has no words to click", "put the words a reader sees inside the brackets: [the clamshell](...)", None
            continue
        if re.match(r"[a-z][a-z0-9+.\-]*:|//", target, re.IGNORECASE):
            continue  # another site
        for here in landings:
            problem = _landing_problem(target, here, pages)
            if problem:
                message, hint, better = problem
                also = f" (this text is also shown on {here})" if here != landings[0] else ""
                lead = "](" if match.re is _LINK else ""  # a reference definition's target stands alone on its line
                fix = (f"{lead}{target}", f"{lead}{better}") if better and len(landings) == 1 else None
                yield match.start(), f"the link {link}: {message}{also}", hint, fix
                break


def _nearest(path: str, outputs: frozenset[str]) -> str:
    import difflib

    match = difflib.get_close_matches(path, sorted(outputs), n=1, cutoff=0.6)
    return match[0] if match else ""


def links_lead_somewhere(ctx: Context) -> Iterator[DataError]:
    """HD318: every link has words to click, and a link to another page of the site names a
    page (and heading) that exists."""
    anchors = {page.output: anchors_of(page) for page in ctx.library.pages.values()}
    pages = Pages(page_outputs(ctx.library, ctx.known), anchors, _site_path(ctx.root))
    for item in ctx.written.matching(may_link):  # most texts hold no link: the page they land on is not needed
        here = item.page.output if item.page else _output_of(item.file, item.path, ctx.library)
        landings = (here, *_also_shown_on(item.file, item.path)) if here else ()
        for offset, message, hint, change in broken_links(item.text, landings, pages) if landings else ():
            error = item.error(offset, "HD318", message, hint)
            yield replace(error, fix=Fix(error.path, error.line, *change)) if change else error


# A few texts are shown on a page of another folder too, where a relative link resolves
# differently: an exercise's `dose.progress` and a plan's `summary` are repeated on the built
# weeks (generator/render/templates/your-week.md.j2).
ALSO_SHOWN_ON = {("exercises/", ("dose", "progress")): ("plans/your-week/a-week.md",), ("content/plans/", ("summary",)): ("plans/your-week/a-week.md",)}


def _also_shown_on(file: str, path: tuple[object, ...]) -> tuple[str, ...]:
    return next((pages for (folder, where), pages in ALSO_SHOWN_ON.items() if file.startswith(folder) and path == where), ())


def _site_path(root: Path) -> str:
    """The path of site_url in mkdocs.yml ('/hipdips/'), which absolute links start with."""
    try:
        text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    except OSError:
        return "/"
    found = re.search(r"^site_url:\s*(\S+)", text, re.MULTILINE)
    path = urlparse(found.group(1)).path if found else "/"
    return path if path.endswith("/") else path + "/"


RULES = (links_lead_somewhere,)
