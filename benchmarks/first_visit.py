"""What a first visit to the home page transfers: every resource the page requests, gzipped as a CDN would serve it.

The built site is served from disk under its published path (/hipdips/); a
fresh Chromium context (empty cache) opens the home page and waits until the
network has been quiet for a while, so that what the page fetches after its
load event (the search index, the search worker) is counted too. Each
request is matched to its file in site/ and counted at its gzip size (level
6, what CDNs commonly use) for text types, or its size as it is for images
and fonts, which are compressed already. Then, optionally, the reader
searches: the bytes the first search adds are counted the same way.

    python benchmarks/first_visit.py site              # the home page
    python benchmarks/first_visit.py site --search clamshell

Used by build_scale.py for each size; it is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

PREFIX = "/hipdips/"
COMPRESSED = {".png", ".jpg", ".jpeg", ".webp", ".avif", ".gif", ".woff", ".woff2", ".ico", ".pf_fragment", ".pf_index", ".pf_meta", ".pagefind"}
QUIET_MS = 1500  # the network is idle this long before the visit is over
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]


@dataclass(frozen=True)
class Resource:
    path: str  # relative to the site
    raw: int
    sent: int  # gzipped, as served


@dataclass(frozen=True)
class Visit:
    page: tuple[Resource, ...]  # the first visit, up to a quiet network
    search: tuple[Resource, ...]  # what the first search added
    query: str = ""
    first_result_s: float = 0.0  # from the first key pressed to the first result shown

    @staticmethod
    def total(resources: Sequence[Resource]) -> int:
        return sum(r.sent for r in resources)


def served_size(file: Path) -> Resource:
    data = file.read_bytes()
    sent = len(data) if file.suffix.lower() in COMPRESSED else len(gzip.compress(data, compresslevel=6, mtime=0))
    return Resource("", len(data), sent)


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """The site on a local port under PREFIX, as GitHub Pages serves it."""
    root = Path(tempfile.mkdtemp(prefix="first-visit-"))
    (root / PREFIX.strip("/")).symlink_to(site.resolve(), target_is_directory=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    finally:
        server.shutdown()
        shutil.rmtree(root, ignore_errors=True)


def chromium() -> str:
    for name in (os.environ.get("CHROMIUM") or "", "chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name) if name else None
        if found:
            return found
    raise SystemExit("no Chromium found: set CHROMIUM")


def resources(site: Path, base: str, urls: Sequence[str]) -> tuple[Resource, ...]:
    found = []
    for url in dict.fromkeys(urls):
        if not url.startswith(base):
            continue
        relative = unquote(urlsplit(url).path)[len(PREFIX) :]
        file = site / relative
        if file.is_dir() or not relative:
            file = file / "index.html"
        if file.is_file():
            size = served_size(file)
            found.append(Resource(relative or "index.html", size.raw, size.sent))
    return tuple(found)


def visit(site: Path, query: str | None = None) -> Visit:
    from playwright.sync_api import sync_playwright

    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium(), args=FLAGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        urls: list[str] = []
        page.on("request", lambda request: urls.append(request.url))
        page.goto(base, wait_until="load")
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(QUIET_MS)
        first = resources(site, base, urls)
        searched: tuple[Resource, ...] = ()
        waited = 0.0
        if query:
            urls.clear()
            box = page.locator("input.md-search__input")
            started = time.perf_counter()
            box.click()
            box.press_sequentially(query, delay=30)
            page.locator(".md-search-result__item").first.wait_for(timeout=300_000)
            waited = time.perf_counter() - started
            page.wait_for_timeout(QUIET_MS)
            already = {r.path for r in first}
            searched = tuple(r for r in resources(site, base, urls) if r.path not in already)
        context.close()
        browser.close()
    return Visit(first, searched, query or "", waited)


def describe(visit_: Visit) -> str:
    lines = [f"first visit: {Visit.total(visit_.page):,} bytes sent ({sum(r.raw for r in visit_.page):,} raw) in {len(visit_.page)} requests"]
    lines += [f"  {r.sent:>9,}  {r.path}" for r in sorted(visit_.page, key=lambda r: -r.sent)]
    if visit_.search:
        lines.append(f"first search ({visit_.query!r}, first result after {visit_.first_result_s:.1f} s) adds: {Visit.total(visit_.search):,} bytes sent ({sum(r.raw for r in visit_.search):,} raw) in {len(visit_.search)} requests")
        lines += [f"  {r.sent:>9,}  {r.path}" for r in sorted(visit_.search, key=lambda r: -r.sent)]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("site", type=Path, help="the built site folder (site/)")
    p.add_argument("--search", default=None, help="then search for this and count what the search adds")
    args = p.parse_args(argv)
    print(describe(visit(args.site, args.search)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
