"""The one place the tests find a browser and serve the built site to it.

The browser is looked for in this order: the CHROMIUM environment variable
(a path or a command), then `chromium`, `chromium-browser`, `google-chrome`
and `google-chrome-stable` on PATH (scripts/system-deps.sh looks in the same
order). Without one the browser tests fail, they never skip.

The site is served under the path of its `site_url` (/hipdips/), as GitHub
Pages serves it, so that pages with root-relative links (404.html) load their
assets, and a link that escapes the site shows up as a foreign request.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest

REPO = Path(__file__).resolve().parent.parent
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]


def chromium_path() -> str:
    """The browser to drive: $CHROMIUM, else the first of BROWSERS on PATH."""
    wanted = os.environ.get("CHROMIUM")
    if wanted:
        found = shutil.which(wanted)
        if not found:
            pytest.fail(f"CHROMIUM={wanted} is not an executable file or command", pytrace=False)
        return found
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    pytest.fail(f"no Chromium found: install one ({', '.join(BROWSERS)}) or set CHROMIUM to its path", pytrace=False)


def site_path() -> str:
    """The path the site is published under, from site_url in mkdocs.yml ("/hipdips/")."""
    match = re.search(r"^site_url:\s*(\S+)", (REPO / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE)
    path = urlsplit(match.group(1)).path if match else "/"
    return path if path.endswith("/") else path + "/"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    """A local server that says nothing when the browser drops a connection it no longer needs."""

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # BrokenPipeError, ConnectionResetError
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@contextmanager
def served(site: Path, scratch: Path) -> Iterator[str]:
    """Serve `site` on a free local port under site_path(); yields the site's address."""
    prefix, root = site_path(), site
    if prefix != "/":
        root = scratch
        mount = root / prefix.strip("/")
        mount.parent.mkdir(parents=True, exist_ok=True)
        mount.symlink_to(site, target_is_directory=True)
    server = QuietServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
