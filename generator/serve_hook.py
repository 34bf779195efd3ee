"""A convenience for `mkdocs serve`: regenerate the Markdown before each build,
and show data problems in the browser instead of failing the build.

Nothing the published site needs depends on this hook: `make build` runs the
generator itself first, and the site builds the same without the hook (which
is why it does nothing outside `mkdocs serve`).

When a save leaves the data invalid, the generator writes nothing, so the
pages stay as they were last good; this hook puts the list of problems at the
top of every page. The live-reload script that `mkdocs serve` adds reloads the
page after each save, so the list goes away once the file is fixed. If the
data is invalid from the first start (nothing was ever generated), each page
of the navigation is a stub under the same list, so the server starts anyway.
A TERM signal stops the server the way Ctrl-C does (exit 0, no traceback).
After each build it writes the search index (Pagefind) into the served
site, as `generator build` does after MkDocs.
"""

from __future__ import annotations

import html
import signal
from pathlib import Path
from typing import Any

from generator.errors import DataError
from generator.pipeline import generate
from generator.search_index import index_site

_serving = False
_problems: tuple[DataError, ...] = ()

BANNER_STYLE = (
    "position:sticky;top:0;z-index:10;margin:0;padding:1rem 1.25rem;max-height:60vh;overflow:auto;"
    "background:#fff4e5;color:#3d2100;border-bottom:4px solid #b34700;font:0.85rem/1.45 ui-monospace,monospace"
)


def _stop(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt  # mkdocs serve shuts down on it, cleanly


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"
    if _serving:
        signal.signal(signal.SIGTERM, _stop)


def nav_files(nav: Any) -> list[tuple[str, str]]:
    """(title, Markdown path) of every page in a `nav:` setting, nested sections included."""
    found: list[tuple[str, str]] = []
    for item in nav or ():
        entries = item.items() if isinstance(item, dict) else [("", item)]
        for title, value in entries:
            if isinstance(value, list):
                found.extend(nav_files(value))
            elif isinstance(value, str) and value.endswith(".md"):
                found.append((str(title), value))
    return found


def write_stubs(docs: Path, nav: Any) -> None:
    """A stub for each navigation page the generator never wrote, so the first
    build of invalid data succeeds and shows the problems (the generator
    replaces them once the data is valid)."""
    for title, name in nav_files(nav):
        path = docs / name
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"# {title or path.stem}\n\nThis page is made from the data files once they are valid: fix the problems listed above and save.\n", encoding="utf-8")


def on_pre_build(config: Any) -> None:
    global _problems
    if not _serving:
        return
    root = Path(config["config_file_path"]).resolve().parent
    docs = Path(config["docs_dir"])
    _problems = generate(root, docs).errors
    for problem in _problems:
        print(problem.format())
    if _problems:
        write_stubs(docs, config["nav"])


def banner(problems: tuple[DataError, ...]) -> str:
    """The problems as a block of HTML for the top of a page (text escaped)."""
    noun = "problem" if len(problems) == 1 else "problems"
    lines = "\n".join(html.escape(problem.format()) for problem in problems)
    return (
        f'<section role="alert" aria-label="Data problems" style="{BANNER_STYLE}">'
        f"<strong>{len(problems)} data {noun}: this page shows the last valid version, if there was one. "
        "Fix the file and save; the page reloads.</strong>"
        f'<pre style="white-space:pre-wrap;margin:0.5rem 0 0">{lines}</pre></section>'
    )


def on_post_page(output: str, page: Any, config: Any) -> str:
    if not (_serving and _problems):
        return output
    head, body_tag, rest = output.partition("<body")
    if not body_tag:
        return banner(_problems) + output
    attributes, closing, content = rest.partition(">")
    return f"{head}{body_tag}{attributes}{closing}{banner(_problems)}{content}"


def on_post_build(config: Any) -> None:
    """Index the served site for search (Pagefind), as `generator build` does."""
    if not _serving:
        return
    indexed = index_site(Path(config["site_dir"]))
    if not indexed.ok:
        print(f"search index not written, search finds nothing until it is: {indexed.output}")
