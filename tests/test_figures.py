"""The inline SVG figures: well-formed, self-contained, accessible, small and true to the data."""

from __future__ import annotations

import gzip
import re
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import markdown
import pytest

from generator.check.validate import load
from generator.draw import charts
from generator.draw import muscle_map as map_module
from generator.draw import svg as figures
from generator.draw.charts import (
    ACTIVATION_CAVEAT,
    ActivationRow,
    activation_chart,
    activation_rows,
    activation_table_markdown,
    axis_max,
)
from generator.draw.muscle_map import DRAWN_MUSCLES, muscle_map, muscle_map_legend
from generator.link import Links, link
from generator.model import Library
from tests.conftest import REPO

NS = {"svg": figures.SVG_NS}
SVG = "{" + figures.SVG_NS + "}"
MAX_GZIP = 6 * 1024
NAMES = {
    "gluteus-medius": "Gluteus medius",
    "gluteus-minimus": "Gluteus minimus",
    "tensor-fasciae-latae": "Tensor fasciae latae",
    "gluteus-maximus": "Gluteus maximus",
    "quadriceps": "Quadriceps",
    "hamstrings": "Hamstrings",
    "adductors": "Adductors",
    "deep-hip-rotators": "Deep hip rotators",
    "core": "Core",
    "erector-spinae": "Spinal erectors",
    "calves": "Calves",
}
CLAM = (("gluteus-medius",), ("gluteus-minimus", "deep-hip-rotators", "gluteus-maximus"))
THRUST = (("gluteus-maximus",), ("hamstrings", "quadriceps", "adductors", "gluteus-medius", "core"))


@cache
def real() -> tuple[Library, Links]:
    library = load(REPO).library
    return library, link(library)


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == SVG + "svg"
    return root


def all_maps() -> list[str]:
    library, _ = real()
    names = {m.id: m.name for m in library.muscles.values()}
    return [muscle_map(ex.primary, ex.secondary, names, title=f"Muscles worked in the {ex.name}") for ex in library.exercises.values()]


def all_charts() -> list[str]:
    library, links = real()
    return [activation_chart(activation_rows(library, links, muscle), title=muscle) for muscle in links.evidence_for_muscle]


def sample_rows() -> list[ActivationRow]:
    return [
        ActivationRow("Side-lying hip abduction", "Distefano et al. 2009", 81, 42, "mean", False),
        ActivationRow("Banded clamshell", "Distefano et al. 2009", 40, 38, "mean", False),
        ActivationRow("Side plank with hip abduction", "Boren et al. 2011", 103, None, "peak", False),
        ActivationRow("Single-leg squat", "Distefano et al. 2009", 64, 25, "mean", False),
        ActivationRow("Lateral step-up", "MacAskill et al. 2014", 61, 20, "mean", True),
    ]


# ------------------------------------------------------------ every figure


def every_figure() -> list[str]:
    return [
        *all_maps(),
        *all_charts(),
        muscle_map((), (), {}),
        muscle_map(tuple(NAMES), (), NAMES),
        muscle_map((), tuple(NAMES), NAMES),
        activation_chart(sample_rows()),
        activation_chart([]),
    ]


def test_figures_are_self_contained_accessible_svg() -> None:
    for svg in every_figure():
        root = parse(svg)
        assert root.get("role") == "img"
        assert re.fullmatch(r"0 0 \d+ \d+", root.get("viewBox") or "")
        assert root.get("width") is None and root.get("height") is None, "a fixed size would not scale"
        title, desc = root.find("svg:title", NS), root.find("svg:desc", NS)
        assert title is not None and (title.text or "").strip()
        assert desc is not None and len(desc.text or "") > 20
        assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
        tags = {element.tag.removeprefix(SVG) for element in root.iter()}
        assert not tags & {"script", "image", "foreignObject", "a", "style", "use", "iframe"}
        assert "http" not in svg.replace(figures.SVG_NS, "")
        assert "href" not in svg and "javascript" not in svg.lower()
        assert not re.search(r"\son\w+=", svg), "no event handlers"
        for reference in re.findall(r"url\(([^)]*)\)", svg):
            assert reference.startswith("#") and root.find(f".//*[@id='{reference[1:]}']") is not None
        ids = [element.get("id") for element in root.iter() if element.get("id")]
        assert len(ids) == len(set(ids))
        assert "\n\n" not in svg, "a blank line would end the raw HTML block in Markdown"


def test_figures_are_small() -> None:
    library, _ = real()
    names = {m.id: m.name for m in library.muscles.values()}
    worst_map = muscle_map(tuple(NAMES)[:5], tuple(NAMES)[5:], names, title="Every muscle at once, with a long title for good measure")
    many = [
        ActivationRow(f"Exercise number {i} with a fairly long name", f"Study {i % 6} et al. 2020", 10.5 * i, 9.5, "mean", i % 2 == 0, "detail")
        for i in range(30)
    ]
    for svg in [*every_figure(), worst_map, activation_chart(many)]:
        assert len(gzip.compress(svg.encode())) < MAX_GZIP


def test_figures_are_the_same_on_every_build_and_do_not_share_ids() -> None:
    assert muscle_map(*CLAM, NAMES) == muscle_map(*CLAM, NAMES)
    assert activation_chart(sample_rows()) == activation_chart(sample_rows())
    first, second = parse(muscle_map(*CLAM, NAMES)), parse(muscle_map(*THRUST, NAMES))
    ids = {e.get("id") for e in first.iter() if e.get("id")} & {e.get("id") for e in second.iter() if e.get("id")}
    assert not ids


def test_a_figure_survives_markdown_in_a_figure_block() -> None:
    svg = muscle_map(*CLAM, NAMES)
    html = markdown.markdown("Before.\n\n" + figures.figure(svg, "Muscles <worked>") + "\n\nAfter.", extensions=["attr_list", "tables"])
    assert svg in html
    assert "<figcaption>Muscles &lt;worked&gt;</figcaption>" in html


# ---------------------------------------------------------------- muscle map


def roles(svg: str) -> dict[str, tuple[str, str]]:
    """muscle id -> (data-role, class) for every muscle drawn."""
    return {g.get("data-muscle", ""): (g.get("data-role", ""), g.get("class", "")) for g in parse(svg).iter(SVG + "g") if g.get("data-role")}


@pytest.mark.parametrize(("primary", "secondary"), [CLAM, THRUST, (("core",), ("gluteus-medius", "gluteus-minimus", "tensor-fasciae-latae"))])
def test_map_marks_every_primary_and_secondary_muscle(primary: tuple[str, ...], secondary: tuple[str, ...]) -> None:
    svg = muscle_map(primary, secondary, NAMES)
    drawn = roles(svg)
    assert set(drawn) == set(DRAWN_MUSCLES)
    for muscle, (role, cls) in drawn.items():
        if muscle in primary:
            assert role == "primary" and "hd-p" in cls.split()
        elif muscle in secondary:
            assert role == "secondary" and "hd-s" in cls.split()
        else:
            assert role == "other" and "hd-n" in cls.split()


def test_map_tells_main_from_helping_without_colour() -> None:
    root = parse(muscle_map(*CLAM, NAMES))
    groups = {g.get("data-muscle"): g for g in root.iter(SVG + "g") if g.get("data-role")}
    assert groups["gluteus-medius"].get("fill") == "currentColor"  # solid
    stripes = groups["gluteus-maximus"].get("fill") or ""
    pattern = root.find(f".//svg:pattern[@id='{stripes[5:-1]}']", NS)
    assert stripes.startswith("url(#") and pattern is not None  # striped
    assert groups["quadriceps"].get("fill") == "none"  # plain outline
    assert "hd-deep" in (groups["gluteus-minimus"].get("class") or "") and groups["gluteus-minimus"].get("stroke-dasharray")
    assert "hd-deep" in (groups["deep-hip-rotators"].get("class") or "")
    assert "hd-deep" not in (groups["gluteus-medius"].get("class") or "")


def test_map_draws_the_required_muscles_and_says_which_it_does_not() -> None:
    required = {"gluteus-medius", "gluteus-minimus", "tensor-fasciae-latae", "gluteus-maximus", "quadriceps", "hamstrings"}
    required |= {"adductors", "deep-hip-rotators", "core", "erector-spinae"}
    assert required <= set(DRAWN_MUSCLES)
    library, _ = real()
    assert set(DRAWN_MUSCLES) <= set(library.muscles)
    svg = muscle_map(("quadriceps",), ("calves",), NAMES)
    desc = parse(svg).find("svg:desc", NS)
    assert desc is not None and "Not in the drawing: Calves." in (desc.text or "")
    assert "- **Not in the drawing:** Calves." in muscle_map_legend(("quadriceps",), ("calves",), NAMES)
    assert "Not in the drawing" not in muscle_map_legend(*CLAM, NAMES)


def test_map_shapes_stay_inside_the_picture() -> None:
    root = parse(muscle_map(*CLAM, NAMES))
    width, height = (int(n) for n in (root.get("viewBox") or "").split()[2:])
    for path in root.iter(SVG + "path"):
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", path.get("d") or "")]
        assert all(0 <= x <= width for x in numbers[::2]) and all(0 <= y <= height for y in numbers[1::2])


def test_map_marks_the_hip_dip_in_both_views() -> None:
    root = parse(muscle_map(*CLAM, NAMES))
    rings = [c for g in root.iter(SVG + "g") if "hd-dip" in (g.get("class") or "").split() for c in g.iter(SVG + "circle")]
    assert len(rings) == 2
    side, back = sorted(rings, key=lambda c: float(c.get("cx") or 0))
    assert float(side.get("cx") or 0) < map_module.WIDTH / 2 < float(back.get("cx") or 0)
    assert any(t.text == "hip dip" for t in root.iter(SVG + "text"))
    desc = root.find("svg:desc", NS)
    assert desc is not None and "hip dip" in (desc.text or "") and "below the pelvis rim" in (desc.text or "")


def test_map_desc_and_legend_say_the_same() -> None:
    desc = parse(muscle_map(*CLAM, NAMES)).find("svg:desc", NS)
    text = desc.text if desc is not None else ""
    assert "Main: Gluteus medius." in (text or "")
    assert "Helping: Gluteus minimus, deep hip rotators, gluteus maximus." in (text or "")
    legend = muscle_map_legend(*CLAM, NAMES).splitlines()
    assert legend[0] == "- **Main:** Gluteus medius."
    assert legend[1] == "- **Helping:** Gluteus minimus, deep hip rotators, gluteus maximus."
    assert "Solid" in legend[-1] and "Striped" in legend[-1] and "Dashed" in legend[-1]
    assert "TFL" in muscle_map_legend((), ("TFL",), {"TFL": "TFL"}), "acronyms keep their capitals"


def test_map_labels_only_the_marked_muscles() -> None:
    root = parse(muscle_map(*CLAM, NAMES))
    labelled = {g.get("data-muscle") for g in root.iter(SVG + "g") if g.get("class") == "hd-lab"}
    assert labelled == set(CLAM[0] + CLAM[1])


def text_boxes(root: ET.Element) -> list[tuple[str, float, float, float, float]]:
    """Every line of text as (text, left, top, right, bottom) in picture units, from its
    font size (its own or inherited), x, y, dy and anchor, with figures.text_width."""
    boxes = []

    def walk(element: ET.Element, size: float, anchor: str, bold: bool) -> None:
        size = float(element.get("font-size") or size)
        anchor = element.get("text-anchor") or anchor
        bold = bold or "hd-h" in (element.get("class") or "").split() or "hd-dipl" in (element.get("class") or "").split()
        if element.tag == SVG + "text":
            lines = element.findall("svg:tspan", NS) or [element]
            y = float(element.get("y") or 0)
            for line in lines:
                y += float(line.get("dy") or 0)
                x, text = float(line.get("x") or element.get("x") or 0), line.text or ""
                width = figures.text_width(text, size, bold)
                left = {"end": x - width, "middle": x - width / 2}.get(anchor, x)
                boxes.append((text, left, y - 0.8 * size, left + width, y + 0.2 * size))
                assert size >= map_module.MIN_TEXT, f"'{text}' is drawn at {size} units"
            return
        for child in element:
            walk(child, size, anchor, bold)

    walk(root, float(root.get("font-size") or 0), "start", False)
    return boxes


def test_map_text_is_drawn_large_enough_for_a_phone_and_stays_inside() -> None:
    """Every text is at least MIN_TEXT units, inside the picture, and no two overlap;
    the stylesheet shows the map up to MAP_MAX_CSS_PX wide.

    The browser test (tests/test_muscle_map_browser.py) measures the result at 412 px.
    """
    every = (tuple(DRAWN_MUSCLES)[:5], tuple(DRAWN_MUSCLES)[5:])
    for svg in [*all_maps(), muscle_map(*every, NAMES), muscle_map(*reversed(every), NAMES), muscle_map((), (), {})]:
        root = parse(svg)
        assert (root.get("viewBox") or "").split()[2:] == [str(map_module.WIDTH), str(map_module.HEIGHT)]
        boxes = text_boxes(root)
        assert boxes
        for text, left, top, right, bottom in boxes:
            assert 0 <= left and right <= map_module.WIDTH and 0 <= top and bottom <= map_module.HEIGHT, text
        for n, (text, left, top, right, bottom) in enumerate(boxes):
            for other, left2, top2, right2, bottom2 in boxes[n + 1 :]:
                assert right <= left2 or right2 <= left or bottom <= top2 or bottom2 <= top, f"'{text}' overlaps '{other}'"
    css = (Path(__file__).resolve().parent.parent / "overrides" / "assets" / "stylesheets" / "figures.css").read_text(encoding="utf-8")
    assert re.search(rf"figure\.hd-figure--map \{{[^}}]*max-width: {map_module.MAP_MAX_CSS_PX}px", css)


def test_map_escapes_names() -> None:
    svg = muscle_map(("gluteus-medius",), (), {"gluteus-medius": "Medius <b>&</b>"}, title="A & B")
    root = parse(svg)
    assert "<b>" not in svg
    assert root.find("svg:title", NS) is not None


# ---------------------------------------------------------- activation chart


def studies(svg: str) -> list[str]:
    return [g.get("data-study", "") for g in parse(svg).iter(SVG + "g") if "hd-study" in (g.get("class") or "").split()]


def bars(group: ET.Element) -> list[ET.Element]:
    return [r for r in group.iter(SVG + "rect") if "hd-bar" in (r.get("class") or "").split()]


def test_chart_has_one_group_per_study_in_source_order() -> None:
    assert studies(activation_chart(sample_rows())) == ["Distefano et al. 2009", "Boren et al. 2011", "MacAskill et al. 2014"]
    library, links = real()
    for muscle, pairs in links.evidence_for_muscle.items():
        expected = list(dict.fromkeys(library.sources[row.source].label for _, row in pairs))
        assert studies(activation_chart(activation_rows(library, links, muscle))) == expected


def test_chart_bars_are_to_scale_on_a_common_axis() -> None:
    for svg in [activation_chart(sample_rows()), *all_charts()]:
        root = parse(svg)
        rects = [r for g in root.iter(SVG + "g") if g.get("class") == "hd-study" for r in bars(g)]
        values = [float(r.get("data-value") or 0) for r in rects]
        top = axis_max(values)
        ticks = [int(t.text or "") for t in root.iter(SVG + "text") if (t.text or "").isdigit()]
        assert max(ticks) == top and sorted(set(ticks)) == list(range(0, top + 1, 50))
        per_unit = {round(float(r.get("width") or 0) / v, 3) for r, v in zip(rects, values, strict=True)}
        assert len(per_unit) == 1, "one scale for every bar"
        assert per_unit.pop() == pytest.approx(charts.PLOT / top, abs=0.002)
        assert all(r.get("x") == rects[0].get("x") for r in rects), "every bar starts at zero"


def test_axis_rounds_up_to_fifties() -> None:
    assert axis_max([40]) == 50
    assert axis_max([81, 50]) == 100
    assert axis_max([100]) == 100
    assert axis_max([103]) == 150
    assert axis_max([216, 12]) == 250
    assert axis_max([]) == 50


def test_chart_sorts_bars_within_a_study_and_labels_them() -> None:
    rows = [*sample_rows(), ActivationRow("Hip thrust", "Boren et al. 2011", 120, 10, "mean", False)]
    root = parse(activation_chart(rows))
    for group in (g for g in root.iter(SVG + "g") if g.get("class") == "hd-study"):
        rows_in = [g for g in group.iter(SVG + "g") if g.get("class") == "hd-row"]
        measures = ["peak" if "peak" in "".join(r.itertext()) else "mean" for r in rows_in]
        assert measures == sorted(measures), "mean figures first, then peak figures"
        for measure in ("mean", "peak"):
            values = [float(bars(r)[0].get("data-value") or 0) for r, m in zip(rows_in, measures, strict=True) if m == measure]
            assert values == sorted(values, reverse=True)
    texts = ["".join(t.itertext()) for t in root.iter(SVG + "text")]
    assert "81 ±42 mean" in texts and "103 peak" in texts and "61 ±20 mean †" in texts


def test_chart_marks_second_hand_figures() -> None:
    root = parse(activation_chart(sample_rows()))
    second = [r for r in root.iter(SVG + "rect") if "hd-2nd" in (r.get("class") or "").split()]
    assert [r.get("data-value") for r in second] == ["61"]
    assert (second[0].get("fill") or "").startswith("url(#"), "striped, not only a colour"
    assert any("Second-hand" in (t.text or "") for t in root.iter(SVG + "text"))
    long = parse(activation_chart([ActivationRow("Thrust", "S 2020", 216, None, "peak", True)]))
    assert [t.get("class") for t in long.iter(SVG + "text") if "216" in (t.text or "")] == ["hd-halo"], "legible on stripes"
    plain = activation_chart(sample_rows()[:2])
    assert "†" not in plain and "<pattern" not in plain


def test_chart_carries_the_caveat() -> None:
    for svg in [activation_chart(sample_rows()), *all_charts()]:
        root = parse(svg)
        text = " ".join("".join(t.itertext()) for t in root.iter(SVG + "text"))
        assert "Compare bars only within one study" in text
        assert "not a proven predictor of growth" in text
        desc = root.find("svg:desc", NS)
        assert desc is not None and ACTIVATION_CAVEAT in (desc.text or "")
    assert "cannot be compared" in ACTIVATION_CAVEAT and "not a proven predictor" in ACTIVATION_CAVEAT


def test_chart_shortens_long_names_and_keeps_them_whole_in_the_tooltip() -> None:
    name = "Side-lying hip abduction with the top leg turned in, a cable at the ankle and the hips against a wall, slowly, then held at the top for three seconds"
    root = parse(activation_chart([ActivationRow(name, "Made-up et al. 2020", 216, 30, "peak", False)]))
    row = next(g for g in root.iter(SVG + "g") if g.get("class") == "hd-row")
    title = row.find("svg:title", NS)
    assert title is not None and name in (title.text or "")
    *lines, label = row.findall("svg:text", NS)
    shown = [line.text or "" for line in lines]
    assert len(shown) == 2, "a long name wraps onto a second line, no more"
    assert shown[-1].endswith("…") and len(" ".join(shown)) < len(name)
    assert all(figures.text_width(line, float(t.get("font-size") or 0)) <= charts.PLOT for line, t in zip(shown, lines, strict=True))
    assert label.get("class") == "hd-in", "no room after the longest bar: the value goes inside it"
    assert float(label.get("x") or 0) <= charts.CHART_W


def test_chart_text_is_drawn_large_enough_for_a_phone() -> None:
    """Every text is at least MIN_TEXT units; the stylesheet shows the chart up to CHART_MAX_CSS_PX wide.

    The browser test (tests/test_charts_browser.py) measures the result at 412 px.
    """
    long_rows = [ActivationRow("A very long exercise name that needs two lines at least", "A study with a long label et al. 2020", 30, 9, "mean", True)]
    for svg in [activation_chart(sample_rows()), activation_chart(long_rows), *all_charts()]:
        root = parse(svg)
        assert root.get("viewBox", "").split()[2] == str(charts.CHART_W)
        for text in root.iter(SVG + "text"):
            size = float(text.get("font-size") or root.get("font-size") or 0)
            assert size >= charts.MIN_TEXT, "".join(text.itertext())
            width = figures.text_width("".join(text.itertext()), size)
            x = float(text.get("x") or 0)
            left = {"end": x - width, "middle": x - width / 2}.get(text.get("text-anchor") or "", x)
            assert left >= 0 and left + width <= charts.CHART_W + 1, "".join(text.itertext())
    css = (Path(__file__).resolve().parent.parent / "overrides" / "assets" / "stylesheets" / "figures.css").read_text(encoding="utf-8")
    assert re.search(rf"figure\.hd-figure--chart \{{[^}}]*max-width: {charts.CHART_MAX_CSS_PX}px", css)


def test_chart_desc_lists_every_figure() -> None:
    desc = parse(activation_chart(sample_rows())).find("svg:desc", NS)
    text = desc.text if desc is not None else ""
    for row in sample_rows():
        assert row.exercise in (text or "")
    assert "Boren et al. 2011: Side plank with hip abduction 103 peak." in (text or "")


def test_chart_rows_from_the_real_data_are_told_apart() -> None:
    library, links = real()
    for muscle in links.evidence_for_muscle:
        rows = activation_rows(library, links, muscle)
        keys = [(r.source, r.exercise, r.detail, r.measure, r.mvic) for r in rows]
        assert len(keys) == len(set(keys))
        names = [(r.source, r.exercise, r.detail, r.measure) for r in rows]
        assert len(names) == len(set(names)), f"{muscle}: two bars would read alike"
        assert all("[@" not in r.note for r in rows)


def test_chart_accepts_plain_tuples() -> None:
    rows = [("Clam", "Study 2020", 40.0, 38.0, "mean", False), ("Hydrant", "Study 2020", 45.0, None, "peak", True)]
    assert activation_chart(rows) == activation_chart([ActivationRow(*row) for row in rows])


def test_table_has_every_row_by_study_and_the_caveat() -> None:
    table = activation_table_markdown(sample_rows())
    lines = table.splitlines()
    assert lines[0] == "| Study | Exercise | Activity (%MVIC) |", "mean or peak goes with the number, not in a column of its own"
    body = [line for line in lines[2:] if line.startswith("|")]
    assert len(body) == len(sample_rows())
    assert body[0] == "| Distefano et al. 2009 | Side-lying hip abduction | 81 ± 42 (mean) |"
    assert "| MacAskill et al. 2014 | Lateral step-up | 61 ± 20 (mean) (second-hand figure) |" in body
    assert [line.split("|")[1].strip() for line in body] == ["Distefano et al. 2009"] * 3 + ["Boren et al. 2011", "MacAskill et al. 2014"]
    assert table.rstrip().endswith(ACTIVATION_CAVEAT)
    assert "\\|" in activation_table_markdown([ActivationRow("A | B", "S 2020", 1, None, "mean", False)])
    html = markdown.markdown(table, extensions=["tables"])
    assert html.count("<tr>") == len(sample_rows()) + 1


def test_stylesheet_defines_every_class_and_both_schemes() -> None:
    css = (Path(__file__).resolve().parent.parent / "overrides" / "assets" / "stylesheets" / "figures.css").read_text(encoding="utf-8")
    svg = "".join(every_figure())
    used = set(re.findall(r'class="([^"]+)"', svg))
    classes = {name for value in used for name in value.split()}
    styled = set(re.findall(r"\.(hd-[\w-]+)", css))
    unstyled = classes - styled - {"hd-study", "hd-row", "hd-lab", "hd-keys", "hd-caveat", "hd-map", "hd-chart"}
    assert not unstyled, unstyled
    assert '[data-md-color-scheme="slate"]' in css
    light, dark = css.split('[data-md-color-scheme="slate"]', 1)
    for var in set(re.findall(r"var\((--hd-[\w-]+)", css)):
        assert f"{var}:" in light and f"{var}:" in dark, var


def test_figures_module_writes_no_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    muscle_map(*CLAM, NAMES)
    activation_chart(sample_rows())
    assert not list(tmp_path.iterdir())
