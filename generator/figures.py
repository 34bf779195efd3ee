"""Inline SVG figures: a muscle map of the hip and an EMG activation chart.

Pure functions from data to a string of SVG, small enough to inline in a page:
no script, no raster, no external reference, nothing loaded in the browser.
Shapes carry CSS classes; colours come from the site stylesheet
(`overrides/assets/stylesheets/figures.css`), with monochrome `currentColor` presentation attributes as a
fallback, so a figure stays readable without the stylesheet and in both
light and dark schemes. Every figure has role="img", a <title> and a <desc>
(its text alternative), and a viewBox, so it scales to any width.

Each figure needs a few ids (its hatch pattern, its title and desc); they
get a prefix hashed from the figure's input, so figures on one page do not
clash and the output is the same on every build.

Python-Markdown does not treat <svg> as a block, so put a figure inside a
block element (`<figure>` or `<div>`) in the generated Markdown; the SVG has
no blank lines.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple
from xml.sax.saxutils import escape

from generator.link import Links
from generator.model import Library

__all__ = [
    "ACTIVATION_CAVEAT",
    "CHART_CAVEAT_LINES",
    "DRAWN_MUSCLES",
    "ActivationRow",
    "activation_chart",
    "activation_rows",
    "activation_table_markdown",
    "axis_max",
    "figure",
    "group_by_study",
    "muscle_map",
    "muscle_map_legend",
]

SVG_NS = "http://www.w3.org/2000/svg"

# The stylesheet the figures expect. Light scheme first, then Material's dark
# ("slate") scheme. Every colour keeps 3:1 contrast with the page background.

ACTIVATION_CAVEAT = (
    "Compare bars only within one study: each study used its own methods, so figures from different studies cannot be compared. "
    "Activation shows how hard a muscle works in the moment; it does not predict how much it will grow."
)


def _num(value: float) -> str:
    return f"{value:g}"


def _prefix(*parts: object) -> str:
    """A short id prefix, stable for the same input and distinct for different input."""
    return "hd" + hashlib.sha1(repr(parts).encode()).hexdigest()[:6]


def _text_width(text: str, size: float, bold: bool = False) -> float:
    """A rough, slightly generous width of sans-serif text (no font metrics here)."""
    narrow = sum(ch in "iljtfrI.,;:'!| ()" for ch in text)
    wide = sum(ch in "mwMW" for ch in text) + sum(ch.isupper() for ch in text)
    return size * ((len(text) - narrow) * 0.56 + narrow * 0.3 + wide * 0.22) * (1.07 if bold else 1.0)


def _fit(text: str, size: float, room: float, bold: bool = False) -> str:
    """`text`, cut with an ellipsis so that it fits in `room` units."""
    if _text_width(text, size, bold) <= room:
        return text
    while text and _text_width(text + "…", size, bold) > room:
        text = text[:-1]
    return text.rstrip(" ,;-·") + "…"


def _svg(prefix: str, width: int, height: int, title: str, desc: str, cls: str, body: Iterable[str]) -> str:
    head = (
        f'<svg xmlns="{SVG_NS}" viewBox="0 0 {width} {height}" class="hd-fig {cls}" role="img" '
        f'aria-labelledby="{prefix}t {prefix}d" font-size="10" fill="currentColor">'
        f'<title id="{prefix}t">{escape(title)}</title><desc id="{prefix}d">{escape(desc)}</desc>'
    )
    return "\n".join([head, *body, "</svg>"])


def _hatch(prefix: str) -> str:
    """The pattern that marks helping muscles: stripes, so it differs from solid without colour."""
    return (
        f'<defs><pattern id="{prefix}h" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<rect class="hd-hatch-bg" width="4" height="4" fill="none"/>'
        '<path class="hd-hatch" d="M1 0V4" stroke="currentColor" stroke-width="1.6"/></pattern></defs>'
    )


def figure(svg: str, caption: str = "") -> str:
    """A figure as a raw-HTML block for the generated Markdown: Python-Markdown
    does not treat a bare <svg> as a block and would wrap it in <p>.
    The caption is plain text (escaped)."""
    cap = f"<figcaption>{escape(caption)}</figcaption>" if caption else ""
    return f'<figure class="hd-figure">\n{svg}\n{cap}</figure>'


# ---------------------------------------------------------------- muscle map

# The drawing: a side view of the right hip (the person faces right), and a
# back view of both hips, whose left half shows the surface and whose right
# half the deep layer under the gluteus maximus and medius, as anatomy plates
# do. Paths use absolute M/L/Q/C/Z commands with integer x,y pairs only, so
# a back-view shape drawn on the left half is mirrored about x = MID.
MID = 300
WIDTH, HEIGHT = 400, 298
LABEL_SIZE = 9.5

_SKIN = (
    # side view: back, then front
    "M74 30C72 48 70 60 68 70C60 90 46 110 46 134C46 154 52 166 60 176C62 204 66 236 70 268",
    "M134 30C138 50 144 68 146 86C150 104 152 122 152 144C152 184 148 226 146 268",
    # back view: cleft (the mirror draws it twice, on itself)
    "M300 96L300 186",
)
_SKIN_BACK = (  # left half, mirrored
    "M256 30C253 50 246 64 245 80C244 96 250 104 249 114C248 126 239 136 239 152C239 196 244 232 246 268",
    "M300 200C296 212 294 240 292 268",
    "M298 188C286 196 268 196 256 188",
)
_BONE = (
    # side: ilium from the front bony point (ASIS) over the crest to the back; greater trochanter
    "M136 84C134 66 116 54 98 56C84 58 76 66 74 76C84 90 96 104 104 116L118 116C122 104 128 94 136 84Z",
    "M96 126C96 118 108 114 114 120C118 124 117 132 112 136L113 150L101 150L100 138C96 134 96 130 96 126Z",
    # back: sacrum
    "M288 74L312 74L306 118L300 130L294 118Z",
)
_BONE_BACK = (  # left half, mirrored: ilium; greater trochanter and neck
    "M296 76C290 66 276 54 262 54C252 56 248 66 250 78C254 92 262 104 268 116L284 118L292 104Z",
    "M251 120C252 112 262 112 268 116L282 116C286 118 286 124 282 126L266 128L266 150L256 150L255 134C251 130 250 126 251 120Z",
)


class _Shape(NamedTuple):
    deep: bool
    side: tuple[str, ...] = ()  # side view
    both: tuple[str, ...] = ()  # back view, both halves (left-half coordinates)
    surface: tuple[str, ...] = ()  # back view, left half only
    under: tuple[str, ...] = ()  # back view, right half only (the deep layer; left-half coordinates)


# In drawing order: deep muscles last, so their dashed outline shows.
_SHAPES: dict[str, _Shape] = {
    "quadriceps": _Shape(False, side=("M146 126C152 150 150 196 147 230L145 268L112 268L112 190C118 176 128 160 146 126Z",)),
    "hamstrings": _Shape(
        False,
        side=("M62 178C76 182 94 184 106 184L106 268L72 268C68 240 64 206 62 178Z",),
        both=("M284 192C276 196 266 196 256 192C256 216 260 242 262 268L286 268C286 240 286 216 284 192Z",),
    ),
    "adductors": _Shape(False, both=("M285 194C290 196 296 198 299 202C296 214 294 240 292 268L287 268C287 240 287 216 285 194Z",)),
    "core": _Shape(
        False,
        side=("M84 32L132 32C136 48 139 64 140 78C130 62 114 52 98 54C90 55 86 58 84 62Z",),
        both=("M256 32L276 32C276 40 274 48 272 54C266 50 256 50 250 56C252 48 254 40 256 32Z",),
    ),
    "erector-spinae": _Shape(
        False,
        side=("M74 32L84 32L84 64L78 74L69 71C71 56 73 44 74 32Z",),
        both=("M287 32L298 32L298 76C294 78 290 77 288 73C286 60 286 46 287 32Z",),
    ),
    "gluteus-medius": _Shape(
        False,
        side=("M132 88C128 70 114 61 98 61C88 62 80 68 78 77Q88 104 102 122L110 121Q118 102 132 88Z",),
        surface=("M258 58C270 54 284 60 292 72L276 92L266 118L254 118C250 104 248 90 250 76C250 68 252 62 258 58Z",),
    ),
    "gluteus-maximus": _Shape(
        False,
        side=("M76 80C66 94 52 114 52 136C52 152 56 164 62 174C78 178 94 180 108 180L108 150C100 138 94 124 88 110C84 98 80 88 76 80Z",),
        surface=("M298 78C292 76 284 78 278 86C268 100 258 118 250 134C246 148 246 162 250 174C258 188 274 192 288 190C294 189 298 188 298 186Z",),
    ),
    "iliotibial-band": _Shape(
        False,
        side=("M106 152L124 168L117 268L106 268L106 180Z",),
        both=("M241 140L249 140L252 268L245 268Z",),
    ),
    "tensor-fasciae-latae": _Shape(
        False, side=("M136 88C142 100 146 112 144 126C142 142 134 156 126 168L118 166C120 150 124 134 128 118C130 106 132 96 136 88Z",)
    ),
    "gluteus-minimus": _Shape(True, under=("M262 64C272 62 282 68 286 78L272 96L264 116L256 116C252 102 252 88 254 76C256 70 258 66 262 64Z",)),
    "deep-hip-rotators": _Shape(
        True,
        under=(
            "M294 92C284 98 272 106 262 114L264 120C274 114 284 110 294 106Z",
            "M292 118C282 120 272 122 264 124L264 136C274 136 284 140 290 146Z",
        ),
    ),
}
_NOT_MUSCLES = {"iliotibial-band": "Iliotibial band (IT band), a strip of tough tissue"}
DRAWN_MUSCLES = tuple(m for m in _SHAPES if m not in _NOT_MUSCLES)
# On the deep half, the removed superficial muscles are left as faint outlines.
_GHOSTS = ("gluteus-medius", "gluteus-maximus")

# The hip dip: over and just above the greater trochanter, below the pelvis rim.
_DIP_RINGS = ((104, 124), (248, 114))
_DIP_LABEL = (196, 158)

# Labels for the marked muscles: lines of text, text x, y, anchor, and the point on the shape.
_LABELS: dict[str, tuple[tuple[str, ...], int, int, str, int, int]] = {
    "core": (("Core",), 158, 44, "start", 126, 44),
    "erector-spinae": (("Spinal", "erectors"), 2, 40, "start", 78, 48),
    "gluteus-medius": (("Glute med",), 158, 74, "start", 114, 80),
    "tensor-fasciae-latae": (("TFL",), 158, 106, "start", 138, 110),
    "quadriceps": (("Quads",), 158, 214, "start", 136, 214),
    "gluteus-maximus": (("Glute max",), 2, 100, "start", 70, 130),
    "hamstrings": (("Hamstrings",), 2, 222, "start", 84, 224),
    "gluteus-minimus": (("Glute min",), 396, 50, "end", 332, 84),
    "deep-hip-rotators": (("Deep", "rotators"), 396, 116, "end", 320, 114),
    "adductors": (("Adductors",), 396, 254, "end", 309, 240),
}


def _mirror(path: str) -> str:
    """The path reflected about x = MID (absolute commands with x,y pairs only)."""
    out: list[str] = []
    for command, args in re.findall(r"([MLQCZ])([^MLQCZ]*)", path):
        numbers = [int(n) for n in re.findall(r"-?\d+", args)]
        pairs = [f"{2 * MID - x} {y}" for x, y in zip(numbers[::2], numbers[1::2], strict=True)]
        out.append(command + " ".join(pairs))
    return "".join(out)


def _paths(paths: Iterable[str]) -> str:
    return "".join(f'<path d="{d}"/>' for d in paths)


def _display(muscle: str, names: Mapping[str, str]) -> str:
    return names.get(muscle) or muscle.replace("-", " ").capitalize()


def _join_names(ids: Sequence[str], names: Mapping[str, str]) -> str:
    """'Gluteus minimus, deep hip rotators, gluteus maximus': sentence case, acronyms kept."""
    words = [_display(i, names) for i in ids]
    return ", ".join(w if n == 0 or w[:2].isupper() else w[:1].lower() + w[1:] for n, w in enumerate(words))


def _not_drawn(primary: Sequence[str], secondary: Sequence[str]) -> list[str]:
    return [m for m in (*primary, *secondary) if m not in DRAWN_MUSCLES]


def _role_of(primary: Sequence[str], secondary: Sequence[str]) -> dict[str, str]:
    role = {m: "s" for m in secondary}
    role.update({m: "p" for m in primary})
    return role


def muscle_map_legend(primary: Sequence[str], secondary: Sequence[str], names: Mapping[str, str]) -> str:
    """The map in words, as a Markdown list: main muscles, helping muscles, any not drawn, how to read it."""
    lines = []
    if primary:
        lines.append(f"- **Main:** {_join_names(primary, names)}.")
    if secondary:
        lines.append(f"- **Helping:** {_join_names(secondary, names)}.")
    missing = _not_drawn(primary, secondary)
    if missing:
        lines.append(f"- **Not in the drawing:** {_join_names(missing, names)}.")
    lines.append(
        "- Solid: main muscle. Striped: helping. Dashed outline: a deep muscle, under others; "
        "the right half of the back view shows that deep layer. The ring marks the hip dip."
    )
    return "\n".join(lines)


def _map_desc(primary: Sequence[str], secondary: Sequence[str], names: Mapping[str, str]) -> str:
    parts = ["Drawing of the hip from the side and from the back."]
    if primary:
        parts.append(f"Main: {_join_names(primary, names)}.")
    if secondary:
        parts.append(f"Helping: {_join_names(secondary, names)}.")
    missing = _not_drawn(primary, secondary)
    if missing:
        parts.append(f"Not in the drawing: {_join_names(missing, names)}.")
    parts.append("A ring marks the hip dip, on the outer side of the hip below the pelvis rim, over the bony bump at the top of the thigh bone.")
    return " ".join(parts)


def muscle_map(
    primary: Sequence[str],
    secondary: Sequence[str],
    names: Mapping[str, str],
    *,
    title: str = "Muscles worked",
) -> str:
    """A side and a back view of the hip: main muscles solid, helping ones striped, others plain.

    `names` maps muscle ids to display names (e.g. {m.id: m.name for m in
    library.muscles.values()}). Muscles not in DRAWN_MUSCLES (the calves) are
    named in the <desc> and in muscle_map_legend only. Each drawn muscle is a
    <g data-muscle="id" data-role="primary|secondary|other"> whose class has
    hd-p, hd-s or hd-n (and hd-deep for a deep one).
    """
    prefix = _prefix("map", tuple(primary), tuple(secondary), title, tuple(sorted(names.items())))
    role = _role_of(primary, secondary)
    fill_of = {"p": 'fill="currentColor"', "s": f'fill="url(#{prefix}h)"', "n": 'fill="none"'}
    body = [_hatch(prefix)] if secondary else []
    body += [
        '<text class="hd-h" x="100" y="12" text-anchor="middle" font-size="11">Side view</text>',
        '<text class="hd-h" x="300" y="12" text-anchor="middle" font-size="11">Back view</text>',
        '<g class="hd-sub" font-size="9" text-anchor="middle"><text x="100" y="24">back ← → front</text>'
        '<text x="270" y="24">surface</text><text x="332" y="24">deep layer</text></g>',
        '<g class="hd-bone" fill="none" stroke="currentColor" stroke-opacity=".3">' + _paths((*_BONE, *_BONE_BACK, *map(_mirror, _BONE_BACK))) + "</g>",
    ]
    for muscle, shape in _SHAPES.items():
        paths = _paths((*shape.side, *shape.both, *map(_mirror, shape.both), *shape.surface, *map(_mirror, shape.under)))
        if muscle in _NOT_MUSCLES:
            body.append(f'<g class="hd-bone hd-itb" fill="none" stroke="currentColor"><title>{_NOT_MUSCLES[muscle]}</title>{paths}</g>')
            continue
        kind = role.get(muscle, "n")
        cls = f"hd-m hd-{kind}" + (" hd-deep" if shape.deep else "")
        dash = ' stroke-dasharray="3 2"' if shape.deep else ""
        data_role = {"p": "primary", "s": "secondary", "n": "other"}[kind]
        words = {"p": "main muscle", "s": "helping", "n": "not a main target here"}[kind]
        body.append(
            f'<g class="{cls}" data-muscle="{muscle}" data-role="{data_role}" {fill_of[kind]} stroke="currentColor"{dash}>'
            f"<title>{escape(_display(muscle, names))}: {words}</title>{paths}</g>"
        )
    ghosts = (_mirror(d) for m in _GHOSTS for d in _SHAPES[m].surface)
    ghost_title = "<title>Where the gluteus maximus and medius lie, over the deep layer</title>"
    body.append(f'<g class="hd-ghost" fill="none" stroke="currentColor" stroke-opacity=".35">{ghost_title}{_paths(ghosts)}</g>')
    body.append(f'<g class="hd-skin" fill="none" stroke="currentColor">{_paths((*_SKIN, *_SKIN_BACK, *map(_mirror, _SKIN_BACK)))}</g>')
    body.extend(_labels(role, names))
    body.extend(_dip_mark())
    body.append(_key(prefix, bool(primary), bool(secondary)))
    return _svg(prefix, WIDTH, HEIGHT, title, _map_desc(primary, secondary, names), "hd-map", body)


def _dip_mark() -> list[str]:
    (sx, sy), (bx, by) = _DIP_RINGS
    lx, ly = _DIP_LABEL
    return [
        '<g class="hd-dip" fill="none" stroke="currentColor"><title>The hip dip</title>'
        f'<circle cx="{sx}" cy="{sy}" r="6"/><circle cx="{bx}" cy="{by}" r="6"/>'
        f'<path class="hd-lead" d="M{sx + 5} {sy + 4}L{lx - 16} {ly - 11}M{bx - 5} {by + 4}L{lx + 16} {ly - 11}"/></g>',
        f'<text class="hd-dipl" x="{lx}" y="{ly}" text-anchor="middle" font-size="10">hip dip</text>',
    ]


def _labels(role: Mapping[str, str], names: Mapping[str, str]) -> list[str]:
    """Short names beside the marked muscles, with a leader line to the shape."""
    out = []
    for muscle, kind in role.items():
        if muscle not in _LABELS:
            continue
        lines, tx, ty, anchor, ax, ay = _LABELS[muscle]
        width = max(_text_width(line, LABEL_SIZE) for line in lines)
        left, right = (tx, tx + width) if anchor == "start" else (tx - width, tx)
        ex = left - 2 if ax < left else right + 2  # the leader leaves the label on the shape's side
        weight = ' class="hd-h"' if kind == "p" else ""
        tspans = "".join(f'<tspan x="{tx}" dy="{0 if n == 0 else 10}">{escape(line)}</tspan>' for n, line in enumerate(lines))
        out.append(
            f'<g class="hd-lab" data-muscle="{muscle}"><path class="hd-lead" d="M{ex:.0f} {ty - 3}L{ax} {ay}" fill="none" stroke="currentColor"/>'
            f'<circle cx="{ax}" cy="{ay}" r="1.6"/><text{weight} x="{tx}" y="{ty}" text-anchor="{anchor}" font-size="{LABEL_SIZE}">{tspans}</text></g>'
        )
    return out


def _key(prefix: str, has_primary: bool, has_secondary: bool) -> str:
    items = []
    if has_primary:
        items.append(("hd-p", 'fill="currentColor"', "main"))
    if has_secondary:
        items.append(("hd-s", f'fill="url(#{prefix}h)"', "helping"))
    items.append(("hd-n", 'fill="none"', "other"))
    items.append(("hd-n hd-deep", 'fill="none" stroke-dasharray="3 2"', "deep, under others"))
    out = [f'<g class="hd-keys" font-size="{LABEL_SIZE}" transform="translate(0 {HEIGHT - 4})">']
    x = 2.0
    for cls, attrs, text in items:
        out.append(
            f'<rect class="hd-key {cls}" x="{x:.0f}" y="-9" width="13" height="10" {attrs} stroke="currentColor"/><text x="{x + 16:.0f}" y="0">{text}</text>'
        )
        x += 16 + _text_width(text, LABEL_SIZE) + 12
    out.append("</g>")
    return "".join(out)


# ---------------------------------------------------------- activation chart


class ActivationRow(NamedTuple):
    """One measured figure: exercise name, study label, %MVIC, SD or None, 'mean' or 'peak', second-hand?

    `detail` tells apart two figures for one exercise in one study (e.g.
    'upper fibres'); `note` is shown only in the bar's tooltip.
    """

    exercise: str
    source: str
    mvic: float
    sd: float | None
    measure: str
    secondhand: bool
    detail: str = ""
    note: str = ""


def _as_rows(rows: Iterable[Sequence[object]]) -> list[ActivationRow]:
    return [r if isinstance(r, ActivationRow) else ActivationRow(*r) for r in rows]  # type: ignore[arg-type]


def _value_label(row: ActivationRow) -> str:
    sd = f" ±{_num(row.sd)}" if row.sd is not None else ""
    return f"{_num(row.mvic)}{sd} {row.measure}" + (" †" if row.secondhand else "")


def _name(row: ActivationRow) -> str:
    return row.exercise + (f" ({row.detail})" if row.detail else "")


def group_by_study(rows: Iterable[Sequence[object]]) -> list[tuple[str, list[ActivationRow]]]:
    """Rows grouped by study, studies in the order they first appear.

    Within a study, mean figures come before peak figures (the two are not
    alike), each from high to low.
    """
    groups: dict[str, list[ActivationRow]] = {}
    for row in _as_rows(rows):
        groups.setdefault(row.source, []).append(row)
    return [(source, sorted(items, key=lambda r: (r.measure != "mean", -r.mvic, r.exercise, r.detail))) for source, items in groups.items()]


def axis_max(values: Iterable[float]) -> int:
    """The chart's axis end: the largest value rounded up to a multiple of 50 (at least 50)."""
    return max([50, *(math.ceil(v / 50) * 50 for v in values)])


_CHART_W = 400
_PAD = 4
_PLOT = _CHART_W - 2 * _PAD
_BAR_H = 12
_ROW_H = 30
CHART_CAVEAT_LINES = (
    "Compare bars only within one study: methods differ between studies.",
    "Activation is effort in the moment; it does not predict growth.",
)
SECONDHAND_LINE = "† Second-hand figure: seen only as quoted in another source."


def activation_chart(rows: Sequence[Sequence[object]], *, title: str = "Measured activation (%MVIC)") -> str:
    """A horizontal bar chart of %MVIC for one muscle, one group of bars per study.

    `rows` are ActivationRow or plain tuples (exercise, study label, mvic,
    sd, measure, secondhand[, detail[, note]]), in study order (e.g. from
    `activation_rows`). The axis runs from 0 to the largest value rounded up
    to 50, and every bar is drawn to scale on it. Each study is a
    <g class="hd-study" data-study="label">, each bar a
    <rect class="hd-bar" data-value="..">. The caveat (CHART_CAVEAT_LINES)
    is printed under the chart; the <desc> lists every figure in words.
    """
    groups = group_by_study(rows)
    items = [row for _, group in groups for row in group]
    top = axis_max(r.mvic for r in items)
    scale = _PLOT / top
    secondhand = any(r.secondhand for r in items)
    prefix = _prefix("chart", title, tuple(items))
    body = [_hatch(prefix)] if secondhand else []
    body.append(f'<text class="hd-h" x="{_PAD}" y="13" font-size="12">{escape(_fit(title, 12, _PLOT, True))}</text>')
    y = 40
    grid_top = y - 8
    bars = []
    for source, group in groups:
        bars.append(f'<g class="hd-study" data-study="{escape(source, {chr(34): "&quot;"})}">')
        bars.append(f'<path class="hd-rule" d="M{_PAD} {y - 2}H{_CHART_W - _PAD}" stroke="currentColor" stroke-opacity=".3"/>')
        y += 12
        bars.append(f'<text class="hd-h hd-halo" x="{_PAD}" y="{y}" font-size="11">{escape(_fit(source, 11, _PLOT, True))}</text>')
        y += 3
        for n, row in enumerate(group):
            if n and row.measure != group[n - 1].measure:
                y += 6  # a little space between the mean and the peak figures
            bars.append(_bar(row, y, scale, prefix))
            y += _ROW_H
        bars.append("</g>")
        y += 8
    grid_bottom = y - 8
    # the axis: a gridline every 50 (100, the maximal test, dashed), numbered at top and bottom
    for tick in range(0, top + 1, 50):
        x = _PAD + tick * scale
        dash = ' class="hd-grid hd-100" stroke-dasharray="3 2"' if tick == 100 else ' class="hd-grid"'
        body.append(f'<path{dash} d="M{x:.1f} {grid_top}V{grid_bottom}" stroke="currentColor" stroke-opacity=".2"/>')
        anchor = "start" if tick == 0 else "end" if tick == top else "middle"
        for ty in (grid_top - 3, grid_bottom + 11):
            body.append(f'<text class="hd-sub" x="{x:.1f}" y="{ty}" text-anchor="{anchor}" font-size="9">{tick}</text>')
    body.extend(bars)
    y = grid_bottom + 24
    body.append(f'<text class="hd-sub" x="{_PAD}" y="{y}" font-size="9.5">% of a maximal test contraction (%MVIC); 100 is the test itself.</text>')
    lines = [*CHART_CAVEAT_LINES, *([SECONDHAND_LINE] if secondhand else [])]
    body.append('<g class="hd-caveat" font-size="10">')
    for line in lines:
        y += 14
        body.append(f'<text x="{_PAD}" y="{y}">{escape(line)}</text>')
    body.append("</g>")
    return _svg(prefix, _CHART_W, y + 6, title, _chart_desc(groups, title), "hd-chart", body)


def _bar(row: ActivationRow, y: float, scale: float, prefix: str) -> str:
    name, label = _name(row), _value_label(row)
    tooltip = f"{name}: {label}" + (f". {row.note}" if row.note else "")
    shown = _fit(name, 10.5, _PLOT)
    whole = f'{escape(row.exercise)}<tspan class="hd-sub"> · {escape(row.detail)}</tspan>'
    text = whole if row.detail and shown == name else escape(shown)
    width = row.mvic * scale
    bar_y = y + 12
    cls, fill = ("hd-bar hd-2nd", f' fill="url(#{prefix}h)" stroke="currentColor" stroke-dasharray="3 2"') if row.secondhand else ("hd-bar", "")
    out = [
        f'<g class="hd-row"><title>{escape(tooltip)}</title>',
        f'<text class="hd-halo" x="{_PAD}" y="{y + 8.5:g}" font-size="10.5">{text}</text>',
        f'<rect class="{cls}" x="{_PAD}" y="{bar_y:g}" width="{width:.2f}" height="{_BAR_H}" data-value="{_num(row.mvic)}"{fill}/>',
    ]
    text_y = bar_y + _BAR_H - 2.5
    if _PAD + width + 4 + _text_width(label, 10) <= _CHART_W:
        out.append(f'<text class="hd-halo" x="{_PAD + width + 4:.1f}" y="{text_y:g}" font-size="10">{escape(label)}</text>')
    else:  # no room after the bar: inside it, at its end (on a striped bar, with a halo)
        inside = "hd-halo" if row.secondhand else "hd-in"
        out.append(f'<text class="{inside}" x="{_PAD + width - 4:.1f}" y="{text_y:g}" font-size="10" text-anchor="end">{escape(label)}</text>')
    out.append("</g>")
    return "".join(out)


def _chart_desc(groups: Sequence[tuple[str, Sequence[ActivationRow]]], title: str) -> str:
    parts = [f"{title}. Bar chart, one group per study."]
    for source, group in groups:
        parts.append(f"{source}: " + "; ".join(f"{_name(r)} {_value_label(r)}" for r in group) + ".")
    if any(r.secondhand for _, group in groups for r in group):
        parts.append("† marks a second-hand figure.")
    parts.append(ACTIVATION_CAVEAT)
    return " ".join(parts)


def activation_table_markdown(rows: Sequence[Sequence[object]]) -> str:
    """The chart's figures as a Markdown table, study by study, then the caveat as a paragraph."""
    lines = ["| Study | Exercise | Activity (%MVIC) | Figure |", "|---|---|---|---|"]
    for source, group in group_by_study(rows):
        for row in group:
            sd = f" ± {_num(row.sd)}" if row.sd is not None else ""
            figure = row.measure + (" (second-hand)" if row.secondhand else "")
            lines.append(f"| {_cell(source)} | {_cell(_name(row))} | {_num(row.mvic)}{sd} | {figure} |")
    return "\n".join(lines) + "\n\n" + ACTIVATION_CAVEAT + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


# Words in a row's note that tell apart two figures for one exercise in one study.
_VARIANTS = (
    ("upper glute max", "upper fibres"),
    ("lower glute max", "lower fibres"),
    ("upper fibres", "upper fibres"),
    ("lower fibres", "lower fibres"),
    ("bottom leg", "bottom leg"),
    ("top leg", "top leg"),
    ("10-rep max", "10-rep-max load"),
    ("bodyweight", "bodyweight"),
)


def _detail(note: str) -> str:
    text = note.lower()
    return next((short for words, short in _VARIANTS if words in text), "")


def activation_rows(library: Library, links: Links, muscle: str) -> list[ActivationRow]:
    """The chart rows for one muscle, from links.evidence_for_muscle, in study order.

    Where one study gives more than one figure for the same exercise, each
    gets a short detail taken from its note ('upper fibres', 'bottom leg');
    failing that, they are numbered.
    """
    pairs = links.evidence_for_muscle.get(muscle, ())
    counts: dict[tuple[str, str], int] = {}
    for ex_id, row in pairs:
        counts[(row.source, ex_id)] = counts.get((row.source, ex_id), 0) + 1
    seen: dict[tuple[str, str], int] = {}
    out = []
    for ex_id, row in pairs:
        key = (row.source, ex_id)
        detail = ""
        if counts[key] > 1:
            seen[key] = seen.get(key, 0) + 1
            detail = _detail(row.note) or f"figure {seen[key]}"
        note = re.sub(r"\s*\[@[^\]]*\]", "", row.note)
        out.append(ActivationRow(library.exercises[ex_id].name, library.sources[row.source].label, row.mvic, row.sd, row.measure, row.secondhand, detail, note))
    return out
