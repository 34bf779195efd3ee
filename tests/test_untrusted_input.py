"""Bad input never breaks the site or its readers (issue: untrusted pull requests)."""

from __future__ import annotations

import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.check.schema import _fast_validator, check, validator
from generator.document import Document
from generator.errors import DataError
from generator.reader import read_text
from tests.conftest import FIXTURE, build_site, run_cli

PAYLOADS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<iframe src=https://evil.example></iframe>",
    "<!-- comment --> text",
    "< script >alert(1)</script>",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](  javascript:alert(1))",
    "[x](java\tscript:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](&#x6A;avascript:alert(1))",
    "[x](vbscript:msgbox(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "![x](https://tracker.example/pixel.gif)",
    "[x](https://example.org){: onclick=\"alert(1)\" }",
    "text\n{: onmouseover=alert(1) }",
    "x](javascript:alert(1)) [y",
    "<javascript:alert(1)>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "`<script>alert(1)</script>`",
    "onmouseover=alert(1) is just words",
    "javascript:alert(1) is just words",
    "[a safe link](https://example.org/?q=1&r=2)",
)


class Executable(HTMLParser):
    """Finds anything in HTML that would run script or load another site."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("iframe", "object", "embed", "frame"):
            self.found.append(f"<{tag}>")
        self._script = tag == "script"
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag} {name}=")
            if name in ("href", "src", "action", "formaction", "xlink:href") and value:
                squeezed = re.sub(r"[\s\x00-\x1f]", "", unquote(value)).lower()
                if squeezed.startswith(("javascript:", "vbscript:", "data:text")):
                    self.found.append(f"{tag} {name}={value}")

    def handle_data(self, data: str) -> None:
        if self._script and "alert(" in data:
            self.found.append("script with alert(")

    def handle_endtag(self, tag: str) -> None:
        self._script = False


def executable_in(html: str) -> list[str]:
    parser = Executable()
    parser.feed(html)
    return parser.found


def put_in_why(library: Path, payload: str) -> None:
    file = library / "exercises" / "clam.yml"
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace("why: It trains the side of the hip [@study-a].", "why: " + json.dumps("It trains the side of the hip [@study-a]. " + payload)), encoding="utf-8")


def test_injection_payloads_are_refused_or_rendered_harmless(library: Path) -> None:
    accepted = []
    for payload in PAYLOADS:
        put_in_why(library, payload)
        result = run_cli("validate", root=library)
        if result.code == 1:
            assert re.search(r"HD40\d", result.err), (payload, result.err)
        else:
            accepted.append(payload)
        (library / "exercises" / "clam.yml").write_bytes((FIXTURE / "exercises" / "clam.yml").read_bytes())
    assert len(accepted) < len(PAYLOADS) // 2, accepted
    put_in_why(library, "\n\n".join(accepted))
    done = build_site(library, keep_nav=False)
    assert done.returncode == 0, done.stderr
    for page in (library / "site").rglob("*.html"):
        assert executable_in(page.read_text(encoding="utf-8")) == [], page


def test_the_scanner_itself_finds_executable_html() -> None:
    assert executable_in('<a href=" jav&#x09;ascript:alert(1)">x</a><p onclick="x">y</p><iframe></iframe>') == [
        "a href= jav\tascript:alert(1)", "p onclick=", "<iframe>"
    ]


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for file in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(file.relative_to(folder).as_posix().encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()


def test_failed_build_leaves_the_previous_site_as_it_was(library: Path) -> None:
    assert build_site(library, keep_nav=False).returncode == 0
    before = tree_digest(library / "site")
    # bad data: refused before anything is written
    clam = library / "exercises" / "clam.yml"
    clam.write_text(clam.read_text(encoding="utf-8").replace("level: beginner", "level: expert"), encoding="utf-8")
    failed = build_site(library, keep_nav=False)
    assert failed.returncode == 1 and "HD204" in failed.stderr
    assert tree_digest(library / "site") == before
    # valid data but a strict-mode warning (a broken link): mkdocs fails, site/ stays
    clam.write_bytes((FIXTURE / "exercises" / "clam.yml").read_bytes())
    home = library / "content" / "index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\n[broken](exercises/no-such-page.md)\n", encoding="utf-8")
    failed = build_site(library, keep_nav=False)
    assert failed.returncode == 1
    assert tree_digest(library / "site") == before
    assert not list(library.glob(".site-*"))


def test_two_builds_of_the_same_data_are_byte_identical(library: Path, tmp_path: Path) -> None:
    assert build_site(library, keep_nav=False).returncode == 0
    first = tree_digest(library / "site")
    (library / "build").rename(tmp_path / "old-build")
    assert build_site(library, keep_nav=False).returncode == 0
    assert tree_digest(library / "site") == first


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        if tag in ("a", "link") and values.get("href"):
            self.links.append(str(values["href"]))
        if tag in ("img", "script") and values.get("src"):
            self.links.append(str(values["src"]))


SITE_PATH = "/hipdips/"


def broken_links(site: Path) -> list[str]:
    """Every internal link or anchor in the built HTML that does not resolve."""
    parsed: dict[Path, Links] = {}
    for page in site.rglob("*.html"):
        parser = Links()
        parser.feed(page.read_text(encoding="utf-8"))
        parsed[page] = parser
    broken = []
    for page, parser in parsed.items():
        for link in parser.links:
            url = urlparse(link)
            if url.scheme or url.netloc or link.startswith("mailto:"):
                continue
            path = unquote(url.path)
            if path.startswith(SITE_PATH):  # root-relative, as on 404.html
                target = site / path[len(SITE_PATH):]
            else:
                target = (page.parent / path).resolve() if path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)} -> {link}")
            elif url.fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else set()
                if url.fragment not in ids:
                    broken.append(f"{page.relative_to(site)} -> {link} (no anchor)")
    return broken


def test_every_internal_link_and_anchor_resolves_in_the_fixture_site(library: Path) -> None:
    assert build_site(library, keep_nav=False).returncode == 0
    assert broken_links(library / "site") == []


def test_link_checker_finds_a_broken_anchor(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/#nope">x</a><a href="b/">y</a>', encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text('<h1 id="yes">A</h1>', encoding="utf-8")
    assert broken_links(tmp_path) == ["index.html -> a/#nope (no anchor)", "index.html -> b/"]


# Property-based: mutate valid files; the reader and schema answer with data errors, never a crash.
CLAM_TEXT = (FIXTURE / "exercises" / "clam.yml").read_text(encoding="utf-8")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_exercise_text_gives_an_error_or_a_document_never_a_crash(data: st.DataObject) -> None:
    text = CLAM_TEXT
    for _ in range(data.draw(st.integers(1, 4))):
        position = data.draw(st.integers(0, len(text)))
        action = data.draw(st.sampled_from(["insert", "delete", "replace"]))
        snippet = data.draw(st.sampled_from([":", "-", " ", "\n", "  ", "[", "]", "{", "}", "&a", "*a", "!!str", "'", '"', "#", "|", ">", "\t", "?", "%", "@", "`", "0x1F", "1e9", "yes", "null", "~", "\\"]) | st.text(max_size=8))
        if action == "insert":
            text = text[:position] + snippet + text[position:]
        elif action == "delete":
            text = text[:position] + text[position + data.draw(st.integers(1, 30)) :]
        else:
            text = text[:position] + snippet + text[position + len(snippet) :]
    result = read_text(text, "exercises/clam.yml")
    if isinstance(result, DataError):
        assert re.fullmatch(r"HD1\d\d", result.code)
        assert result.line >= 1 and result.col >= 1
        return
    assert isinstance(result, Document)
    # the fast validator (jsonschema-rs) and the one that explains (jsonschema) agree
    assert _fast_validator("exercise").is_valid(result.value) == (not any(True for _ in validator("exercise").iter_errors(result.value)))
    for error in check(result, "exercise"):
        assert re.fullmatch(r"HD2\d\d|HD40\d", error.code)
        assert error.line >= 1 and error.col >= 1


@settings(max_examples=150, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
                    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4), max_leaves=20))
def test_any_yaml_shaped_value_is_checked_without_crashing(value: object) -> None:
    document = read_text(json.dumps({"id": "clam", "name": value}, ensure_ascii=False), "exercises/clam.yml")
    if isinstance(document, DataError):  # e.g. a control character, refused by the reader
        assert re.fullmatch(r"HD1\d\d", document.code)
        return
    errors = check(document, "exercise")
    assert errors and all(error.code.startswith("HD") for error in errors)


@pytest.mark.parametrize("count", [2000])
def test_a_huge_flat_file_is_refused_by_size_not_by_memory(count: int, library: Path) -> None:
    many = "aliases:\n" + "".join(f"  - alias number {i} with padding text to grow\n" for i in range(count * 5))
    clam = library / "exercises" / "clam.yml"
    clam.write_text(clam.read_text(encoding="utf-8").replace("aliases: [clamshell]\n", many), encoding="utf-8")
    result = run_cli("validate", root=library)
    assert result.code == 1 and "HD107" in result.err
