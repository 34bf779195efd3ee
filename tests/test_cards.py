"""Preview cards drawn by the generator: what each kind shows, and that they are cached and reproducible."""

from __future__ import annotations

import io
import re
import shutil
from dataclasses import replace
from functools import cache
from pathlib import Path

from PIL import Image, ImageChops

from generator.check.validate import load
from generator.draw.card import BLUE, HEIGHT, VERDICT_COLOURS, WIDTH
from generator.link import link
from generator.render import cards
from generator.render.cards import Card, write_cards
from generator.render.pages import render_site
from generator.render.structured import Site
from generator.weeks.planner import plan_weeks
from tests.conftest import FIXTURE, REPO

FIGURE_BOX = (704, 40, WIDTH - 48, HEIGHT - 40)  # the light panel of an exercise card


@cache
def real_cards() -> dict[str, Card]:
    library = load(REPO).library
    rendered = render_site(library, link(library), plan_weeks(library), Site.from_mkdocs(REPO))
    return {card.page: card for card in rendered.cards}


def image(card: Card) -> Image.Image:
    return Image.open(io.BytesIO(card.png())).convert("RGB")


def colours(picture: Image.Image) -> set[tuple[int, int, int]]:
    return {colour for _, colour in picture.getcolors(maxcolors=1 << 16) or ()}


def test_every_markdown_page_has_one_card_named_in_its_front_matter() -> None:
    library = load(FIXTURE).library
    rendered = render_site(library, link(library), plan_weeks(library))
    pages = {path for path in rendered.files if path.endswith(".md")}
    assert {card.page for card in rendered.cards} == pages
    for card in rendered.cards:
        text = rendered.files[card.page].decode()
        head = text.split("\n---\n", 1)[0]
        assert f'card: "{card.path}"' in head and "card_alt: " in head, card.page
        assert card.alt and card.og_type in ("article", "website")


def test_each_exercise_card_carries_its_picture() -> None:
    found = real_cards()
    pictures = {}
    for ident in ("banded-clamshell", "back-squat"):
        picture = image(found[f"exercises/{ident}.md"]).crop(FIGURE_BOX)
        drawn = colours(picture) - {tuple(int(BLUE[i : i + 2], 16) for i in (1, 3, 5))}
        assert len(drawn) >= 4, f"{ident}: the figure panel is empty"
        pictures[ident] = picture
    assert ImageChops.difference(pictures["banded-clamshell"], pictures["back-squat"]).getbbox(), "two exercises, one picture"
    assert "Drawing of the end position" in found["exercises/banded-clamshell.md"].alt


def test_a_myth_card_shows_its_verdict() -> None:
    found = real_cards()
    myth = load(REPO).library.myths["spot-reduction"]
    card = found["myths/spot-reduction.md"]
    assert card.drawing.verdict == myth.verdict and card.drawing.verdict_label == myth.verdict_label
    fill = VERDICT_COLOURS[myth.verdict][0]
    badge = tuple(int(fill[i : i + 2], 16) for i in (1, 3, 5))
    assert badge in colours(image(card).crop((0, HEIGHT - 160, WIDTH // 2, HEIGHT - 40))), "no verdict badge"
    assert f"Verdict: {myth.verdict_label}" in card.alt


def test_plan_cards_show_the_week_at_a_glance() -> None:
    found = real_cards()
    library = load(REPO).library
    plan = next(iter(library.plans.values()))
    card = found[f"plans/{plan.id}.md"]
    assert card.drawing.kind == "plan" and len(card.drawing.days) == len(plan.days)
    built = [c for page, c in found.items() if page.startswith("plans/your-week/") and c.drawing.kind == "plan"]
    assert built and all(c.drawing.eyebrow == "Your week" for c in built)


def test_two_builds_give_byte_identical_cards(tmp_path: Path) -> None:
    found = real_cards()
    chosen = [found[p] for p in ("exercises/curtsy-lunge.md", "myths/spot-reduction.md", "plans/gym-week.md", "index.md")]
    write_cards(tmp_path / "a", chosen, tmp_path / "cache-a")
    write_cards(tmp_path / "b", chosen, tmp_path / "cache-b")
    for card in chosen:
        assert (tmp_path / "a" / card.path).read_bytes() == (tmp_path / "b" / card.path).read_bytes(), card.page


def test_a_card_is_not_redrawn_when_its_inputs_did_not_change(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    found = real_cards()
    chosen = [found["exercises/banded-clamshell.md"], found["myths/spot-reduction.md"]]
    first = write_cards(tmp_path / "out", chosen, tmp_path / "cache")
    assert first.drawn == 2 and len(first.written) == 2
    drawn: list[str] = []
    monkeypatch.setattr(Card, "png", lambda self: drawn.append(self.page) or b"")
    again = write_cards(tmp_path / "out", chosen, tmp_path / "cache")
    assert (again.drawn, again.written, drawn) == (0, (), [])
    fresh_tree = write_cards(tmp_path / "other", chosen, tmp_path / "cache")  # a new tree, the same cache
    assert fresh_tree.drawn == 0 and len(fresh_tree.written) == 2 and drawn == []


def test_a_changed_input_redraws_only_that_card_and_the_cache_keeps_what_is_used(tmp_path: Path) -> None:
    found = real_cards()
    myth, clam = found["myths/spot-reduction.md"], found["exercises/banded-clamshell.md"]
    write_cards(tmp_path / "out", [myth, clam], tmp_path / "cache")
    renamed = replace(myth, drawing=replace(myth.drawing, title=myth.drawing.title + " (renamed)"))
    report = write_cards(tmp_path / "out", [renamed, clam], tmp_path / "cache")
    assert report.drawn == 1 and report.written == (renamed.path,)
    assert sorted(p.name for p in (tmp_path / "cache").glob("*.png")) == sorted(f"{c.key()}.png" for c in (renamed, clam))


def test_the_key_covers_the_drawing_code(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    card = real_cards()["index.md"]
    before = card.key()
    cards.code_version.cache_clear()
    monkeypatch.setattr(cards, "code_version", lambda: "another drawing code")
    assert card.key() != before


def test_the_build_needs_no_font_but_the_one_kept_in_social() -> None:
    assert sorted(p.name for p in (REPO / "social" / "fonts" / "DejaVu Sans").glob("*.ttf")) == ["Bold.ttf", "Regular.ttf"]
    assert not (REPO / "social" / "layouts").exists()
    assert "social" not in (REPO / "mkdocs.yml").read_text(encoding="utf-8").split("\nplugins:", 1)[1].split("\n\n", 1)[0]


def test_cards_stay_out_of_the_golden_files_and_a_stale_card_is_removed(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    shutil.copytree(FIXTURE, root)
    from generator.pipeline import generate

    out = tmp_path / "docs"
    first = generate(root, out)
    assert not first.errors and (out / "assets/cards/exercises/clam.png").is_file()
    assert not any(path.endswith(".png") for path in first.files)
    (out / "assets/cards/gone.png").write_bytes(b"old")
    second = generate(root, out)
    assert second.report is not None and "assets/cards/gone.png" in second.report.removed
    assert second.cards is not None and second.cards.written == ()  # no cache folder here (no social/): redrawn, the same bytes


def test_every_exercise_card_says_its_dose_what_it_needs_and_the_minutes_it_takes() -> None:
    library = load(REPO).library
    found = real_cards()
    for ex in library.exercises.values():
        line = found[f"exercises/{ex.id}.md"].drawing.line
        assert ex.dose.sets in line and re.search(r"About \d+ min$", line), line
        assert ("No equipment" in line) == (not ex.equipment), line


def test_a_dose_takes_its_work_and_its_rests() -> None:
    from generator.model import Dose

    assert cards.minutes(Dose("3", "10", "", False, "60")) == 4  # 3 x 30 s of work, two 60 s rests: 210 s
    assert cards.minutes(Dose("2", "10", "", True, "30")) == 3  # both sides and a switch: 2 x 70 s, one rest
    assert cards.minutes(Dose("1", "", "20", False, "30")) == 1


def test_a_plan_card_names_each_training_day_by_what_it_trains_not_one_phrase_for_every_day() -> None:
    library = load(REPO).library
    found = real_cards()
    for plan in library.plans.values():
        days = found[f"plans/{plan.id}.md"].drawing.days
        training = [(day, words) for day, (_, kind, words) in zip(plan.days, days, strict=True) if kind == "training"]
        assert len({words for _, words in training}) == len(training), days
        for day, words in training:
            first = library.exercises[day.entries[0].exercise].name.split(" (")[0]
            assert first in words and re.match(r"\d+ min · ", words), words


def test_the_home_card_carries_the_promise_with_a_figure_and_the_site_name_once() -> None:
    card = real_cards()["index.md"]
    assert card.drawing.kind == "home" and card.exercise is not None and card.exercise.pose is not None
    assert card.drawing.title != card.drawing.site_name
    picture = image(card)
    x0, y0, x1, y1 = FIGURE_BOX
    panel = picture.crop((x0, y0, x1, y1))
    assert len(colours(panel)) > 4  # a drawing, not an empty panel
