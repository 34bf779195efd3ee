"""Lighthouse (mobile) scores of the built site, served gzip-compressed as GitHub Pages serves it.

Run with `make audit` (after `make build`). Lighthouse and a static server
come from the npm registry into .tools/audit; Chromium is Debian's. The scores
are written to benchmarks/AUDIT.md. This is a measurement, not a test: scores
move with the machine's load.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / ".tools" / "audit"
PAGES = {"home": "", "exercise": "exercises/banded-clamshell/", "myth": "myths/spot-reduction/", "plan": "plans/gym-week/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}


def install_tools() -> None:
    if not (TOOLS / "node_modules" / ".bin" / "lighthouse").exists():
        subprocess.run(["npm", "install", "--silent", "--no-save", "--no-audit", "--no-fund", "--prefix", str(TOOLS), "lighthouse@13.5.0", "http-server@14.1.1"], check=True)


def gzipped_copy(site: Path) -> Path:
    """A copy of the site with a .gz beside each text file, as a CDN would serve it."""
    copy = Path(tempfile.mkdtemp(prefix="audit-site-")) / "site"
    shutil.copytree(site, copy)
    for file in copy.rglob("*"):
        if file.suffix in COMPRESSIBLE and file.is_file():
            file.with_name(file.name + ".gz").write_bytes(gzip.compress(file.read_bytes(), 9, mtime=0))
    return copy


def run(site: Path, port: int) -> dict[str, dict[str, float]]:
    bin_dir = TOOLS / "node_modules" / ".bin"
    server = subprocess.Popen([str(bin_dir / "http-server"), str(site), "-p", str(port), "-a", "127.0.0.1", "-g", "-s", "-c3600"])
    try:
        time.sleep(1.5)
        scores = {}
        for name, path in PAGES.items():
            report = site.parent / f"{name}.json"
            env = {**os.environ, "CHROME_PATH": shutil.which("chromium") or "/usr/bin/chromium"}
            subprocess.run([str(bin_dir / "lighthouse"), f"http://127.0.0.1:{port}/{path}", "--quiet", "--output=json", f"--output-path={report}",
                            f"--only-categories={','.join(CATEGORIES)}", "--form-factor=mobile", f"--chrome-flags={FLAGS}"], check=True, env=env)
            data = json.loads(report.read_text(encoding="utf-8"))
            scores[name] = {category: round(data["categories"][category]["score"] * 100) for category in CATEGORIES}
            scores[name]["lcp"] = data["audits"]["largest-contentful-paint"]["numericValue"] / 1000
        return scores
    finally:
        server.terminate()


def write(scores: dict[str, dict[str, float]], out: Path) -> None:
    lines = [
        "# Lighthouse (mobile) scores",
        "",
        f"Measured by `make audit` on {platform.node()} ({os.cpu_count()} cores), Lighthouse 13.5.0, Debian Chromium,",
        "the site served gzip-compressed from 127.0.0.1 (as GitHub Pages serves it), default mobile throttling.",
        "",
        "| page | performance | accessibility | best practices | SEO | LCP (s) |",
        "|---|---|---|---|---|---|",
    ]
    for name, row in scores.items():
        lines.append(f"| {name} (`/{PAGES[name]}`) | {row['performance']:.0f} | {row['accessibility']:.0f} | {row['best-practices']:.0f} | {row['seo']:.0f} | {row['lcp']:.1f} |")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--port", type=int, default=8770)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "AUDIT.md")
    args = parser.parse_args()
    if not (args.site / "index.html").is_file():
        parser.error(f"no built site in {args.site}: run `make build` first")
    install_tools()
    scores = run(gzipped_copy(args.site), args.port)
    write(scores, args.out)
    print(args.out.read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
