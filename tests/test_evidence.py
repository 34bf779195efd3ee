"""Every claim exactly as strong as its evidence (issue 13).

Three rules, each held here on the model and on the real built site:

1. A source's title is printed as a title (in italics) only when someone
   confirmed it. An unconfirmed title is not a title at all: the source has a
   `description` instead, and pages show it in square brackets, never in
   italics. An unconfirmed year is shown with a question mark.
2. A few facts are stated by many pages. Each has one home, a section of a
   hand-written page with a fixed anchor; other pages link there, and no page
   may state a rival version (where the dip sits, who has one, when to step
   up): `make validate` refuses one (rule HD504).
3. Absolutes about what sets a hip dip are refused by `make validate` (rule
   HD502 in generator/check/wording.py); the bad-input corpus holds that.
"""

from __future__ import annotations

from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.check import wording
from generator.check.validate import load
from generator.model import Source
from tests.conftest import REPO


class _Emphasis(HTMLParser):
    """The text inside every <em> of a page, and the page's whole text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.em: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "em":
            self.depth += 1
            self.em.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "em" and self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self.depth:
            self.em[-1] += data


def _read(page: Path) -> _Emphasis:
    parser = _Emphasis()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def _plain(text: str) -> str:
    """Text as a comparison sees it: typographic quotes and dashes folded, spaces collapsed."""
    text = unescape(text).replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(text.split())


def _sources() -> dict[str, Source]:
    return load(REPO).library.sources


# 1. Titles --------------------------------------------------------------------


def test_every_source_has_a_confirmed_title_or_a_description_never_both() -> None:
    for source in _sources().values():
        assert bool(source.title) != bool(source.description), source.id


def test_an_unconfirmed_title_is_never_marked_up_as_a_title() -> None:
    confirmed = Source("a", "review", "Doe J", 2020, "A real title", "Journal", url="https://example.org/a")
    unconfirmed = Source("b", "review", "Doe J", 2014, "", "Journal", description="A review of something", year_confirmed=False, url="https://example.org/b")
    assert confirmed.name_markdown == "*A real title*"
    assert unconfirmed.name_markdown == "\\[A review of something\\]"
    assert "*" not in unconfirmed.name_markdown
    assert unconfirmed.date == "2014?"
    assert unconfirmed.label == "Doe", "a citation never ends in an unconfirmed '2014?'"
    assert "not confirmed" in unconfirmed.date_text
    assert confirmed.date == confirmed.date_text == "2020"


def test_no_note_still_says_a_title_is_paraphrased() -> None:
    """The model says whether a title is confirmed; a note must not carry that any more."""
    for source in _sources().values():
        assert "paraphrased" not in source.note.lower(), source.id


def test_macaskill_year_is_marked_unconfirmed() -> None:
    """EVIDENCE C3: the 2014 date of MacAskill et al. is UNVERIFIED, and no search confirmed it."""
    source = _sources()["macaskill-2014"]
    assert not source.year_confirmed
    assert source.label == "MacAskill et al."
    assert "year not confirmed" in source.date_text


def test_reference_page_shows_titles_in_italics_and_descriptions_in_brackets(real_site: Path) -> None:
    page = _read(real_site / "references" / "index.html")
    emphasised = {_plain(text) for text in page.em}
    whole = _plain("".join(page.text))
    for source in _sources().values():
        if source.title:
            assert _plain(source.title) in emphasised, f"{source.id}: its title is not in italics"
        else:
            description = _plain(source.description)
            assert f"[{description}]" in whole, f"{source.id}: its description is not shown in brackets"
            assert not any(description in text for text in emphasised), f"{source.id}: its description is in italics"


def test_no_page_puts_an_unconfirmed_title_in_italics(real_site: Path) -> None:
    descriptions = {source.id: _plain(source.description) for source in _sources().values() if not source.title}
    pages = sorted(real_site.rglob("*.html"))
    assert len(pages) > 50
    shown = set()
    for path in pages:
        page = _read(path)
        emphasised = [_plain(text) for text in page.em]
        whole = _plain("".join(page.text))
        for ident, description in descriptions.items():
            assert not any(description in text for text in emphasised), f"{path.relative_to(real_site)}: {ident} in italics"
            if f"[{description}]" in whole:
                shown.add(ident)
    assert shown == set(descriptions), "every unconfirmed source is shown, in brackets, somewhere"


def test_source_lists_on_pages_print_confirmed_titles_in_italics(real_site: Path) -> None:
    """The list at the foot of a page: a myth page cites only confirmed titles, each in italics."""
    page = _read(real_site / "myths" / "high-emg-means-growth" / "index.html")
    emphasised = {_plain(text) for text in page.em}
    library = load(REPO).library
    for ident in library.myths["high-emg-means-growth"].sources:
        assert _plain(library.sources[ident].title) in emphasised, ident


# 2. One home for a shared fact -----------------------------------------------------

# (fact, its home: page and anchor). Rival wordings of each are refused by
# `make validate` (HD504 in generator/check/wording.py); the bad-input corpus holds that.
SHARED_FACTS = (
    ("where the dip sits", "what-are-hip-dips", "where-the-dip-sits"),
    ("who has one", "what-are-hip-dips", "who-has-one"),
    ("when to step up", "30-day-start", "when-to-step-up"),
)


@pytest.mark.parametrize(("fact", "page", "anchor"), SHARED_FACTS, ids=[fact for fact, *_ in SHARED_FACTS])
def test_a_shared_fact_has_one_home_that_the_rule_points_to(fact: str, page: str, anchor: str, real_site: Path) -> None:
    home = (real_site / page / "index.html").read_text(encoding="utf-8")
    assert f'id="{anchor}"' in home, f"the home of '{fact}' lost its anchor #{anchor}"
    assert any(f"{page}.md#{anchor}" in claim.message for claim in wording.SHARED_FACTS)


def test_pages_that_state_where_the_dip_sits_link_to_its_home(real_site: Path) -> None:
    home = real_site / "index.html"
    assert 'href="what-are-hip-dips/#where-the-dip-sits"' in home.read_text(encoding="utf-8")
