"""The search index: Pagefind, run over the built site after MkDocs.

Material's search box stays, but its own index (search/search_index.json)
holds only its settings: every page's front matter has `search: exclude:
true` (generator/render/search.py). Pagefind reads the built HTML instead,
each page's content inside `data-pagefind-body` (overrides/main.html), and
writes an index split into small files under search/pagefind/. A search
fetches only the files its words need, so a first search costs about the
same at ten or a hundred times today's library, and a first visit costs
nothing (overrides/assets/javascripts/search-on-demand.js).

`generator build` runs this after `mkdocs build`; `make serve` runs it from
its hook after each rebuild. The published site does not depend on a hook.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

BUNDLE = "search/pagefind"
# Inside a page's content, what is not words to search: the "¶" link after
# each heading, and the edit button.
NOT_WORDS = ".headerlink, .md-content__button"
# Pagefind's own result lists and highlighter: the site shows results in
# Material's list (search-on-demand.js), so they are never fetched.
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


@dataclass(frozen=True)
class Indexed:
    """How one Pagefind run went: its exit code and what it printed."""

    code: int
    output: str

    @property
    def ok(self) -> bool:
        return self.code == 0


def executable() -> Path | None:
    """Pagefind's binary, from the `pagefind-bin` wheel (requirements.txt)."""
    try:
        from pagefind_bin import get_executable
    except ImportError:
        return None
    try:
        return Path(get_executable())
    except FileNotFoundError:
        return None


def index_site(site: Path) -> Indexed:
    """Write the search index of the built site in `site` into `site`/search/pagefind/."""
    binary = executable()
    if binary is None:
        return Indexed(127, "Pagefind is not installed: run `make build`, which installs requirements.txt (pagefind-bin)")
    shutil.rmtree(site / BUNDLE, ignore_errors=True)
    run = subprocess.run(
        [str(binary), "--site", str(site), "--output-subdir", BUNDLE, "--exclude-selectors", NOT_WORDS, "--quiet"],
        capture_output=True, text=True, check=False,
    )
    if run.returncode == 0:
        prune(site / BUNDLE)
    return Indexed(run.returncode, (run.stdout + run.stderr).strip())


def prune(bundle: Path) -> None:
    """Remove what no reader's browser will ask for: Pagefind's own UI, and
    the search code of any language the site has no page in."""
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    languages = {str(language["wasm"]) for language in entry["languages"].values()}
    for wasm in bundle.glob("wasm.*.pagefind"):
        if wasm.name.removeprefix("wasm.").removesuffix(".pagefind") not in languages:
            wasm.unlink()
