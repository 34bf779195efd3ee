"""A convenience for `mkdocs serve`: regenerate the Markdown before each build,
and show data problems in the browser instead of failing the build.

Nothing the published site needs depends on this hook: `make build` runs the
generator itself first, and the site builds the same without the hook (which
is why it does nothing outside `mkdocs serve`).

When a save leaves the data invalid, the generator writes nothing, so the
pages stay as they were last good; this hook puts the list of problems at the
top of every page. The live-reload script that `mkdocs serve` adds reloads the
page after each save, so the list goes away once the file is fixed.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from generator.errors import DataError
from generator.pipeline import generate

_serving = False
_problems: tuple[DataError, ...] = ()

BANNER_STYLE = (
    "position:sticky;top:0;z-index:10;margin:0;padding:1rem 1.25rem;max-height:60vh;overflow:auto;"
    "background:#fff4e5;color:#3d2100;border-bottom:4px solid #b34700;font:0.85rem/1.45 ui-monospace,monospace"
)


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_pre_build(config: Any) -> None:
    global _problems
    if not _serving:
        return
    root = Path(config["config_file_path"]).resolve().parent
    _problems = generate(root, Path(config["docs_dir"])).errors
    for problem in _problems:
        print(problem.format())


def banner(problems: tuple[DataError, ...]) -> str:
    """The problems as a block of HTML for the top of a page (text escaped)."""
    noun = "problem" if len(problems) == 1 else "problems"
    lines = "\n".join(html.escape(problem.format()) for problem in problems)
    return (
        f'<section role="alert" aria-label="Data problems" style="{BANNER_STYLE}">'
        f"<strong>{len(problems)} data {noun}: this page shows the last valid version. "
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
