"""The search index step (generator/search_index.py): Pagefind run over built HTML, and what it leaves."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator import search_index
from generator.search_index import BUNDLE, UNUSED, index_site


def write_page(site: Path, path: str, body: str, lang: str = "en") -> None:
    page = site / path / "index.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(f'<!doctype html><html lang="{lang}"><head><title>t</title></head><body>{body}</body></html>', encoding="utf-8")


def test_only_the_marked_content_of_pages_is_indexed_and_pagefinds_own_ui_is_removed(tmp_path: Path) -> None:
    write_page(tmp_path, "exercises/clam", "<nav>Menu words</nav><div data-pagefind-body><h1>Clamshell</h1><p>Knees bent.</p></div>")
    write_page(tmp_path, "plans/your-week/3-days", "<h1>A built week</h1><p>Not for search.</p>")
    indexed = index_site(tmp_path)
    assert indexed.ok, indexed.output
    bundle = tmp_path / BUNDLE
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["en"]["page_count"] == 1
    assert (bundle / "pagefind.js").is_file() and list((bundle / "index").iterdir()) and list((bundle / "fragment").iterdir())
    assert not [name for name in UNUSED if (bundle / name).exists()]
    assert sorted(p.name for p in bundle.glob("wasm.*.pagefind")) == ["wasm.en.pagefind"], "only the site's own language's code is kept"


def test_indexing_again_replaces_the_old_index(tmp_path: Path) -> None:
    write_page(tmp_path, "a", "<div data-pagefind-body><h1>First</h1></div>")
    assert index_site(tmp_path).ok
    stale = tmp_path / BUNDLE / "fragment" / "stale.pf_fragment"
    stale.write_bytes(b"old")
    assert index_site(tmp_path).ok
    assert not stale.exists()


def test_a_missing_pagefind_is_reported_in_one_line_not_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_index, "executable", lambda: None)
    indexed = index_site(tmp_path)
    assert not indexed.ok and indexed.code == 127
    assert "\n" not in indexed.output and "pagefind-bin" in indexed.output
