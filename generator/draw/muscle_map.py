"""The muscle map: a side and a back view of the hip, main muscles solid, helping ones striped.

An inline SVG (see generator.draw.svg for what every figure promises) with a
legend in words (muscle_map_legend) that says the same as its <desc>.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import NamedTuple
from xml.sax.saxutils import escape

from generator.draw.svg import hatch, id_prefix, num, svg_root, text_width

__all__ = ["DRAWN_MUSCLES", "MAP_MAX_CSS_PX", "MIN_TEXT", "WIDTH", "muscle_map", "muscle_map_legend"]


# The drawing: a side view of the right hip (the person faces right), and a
# back view of both hips, whose left half shows the surface and whose right
# half the deep layer under the gluteus maximus and medius, as anatomy plates
# do. Paths are written in drawing coordinates with absolute M/L/Q/C/Z
# commands and integer x,y pairs only, so a back-view shape drawn on the left
# half is mirrored about x = MID; _place then puts each view in the picture.
MID = 300
# The picture is drawn for a phone: shown as wide as the text column up to
# MAP_MAX_CSS_PX (figures.css), one unit is about 1.06 CSS px at 412 px wide
# and 1.33 on a wide screen; every text is at least MIN_TEXT units. The two
# views sit side by side at SCALE, with the labels in the margins around them.
WIDTH, HEIGHT = 360, 256
MAP_MAX_CSS_PX = 480
MIN_TEXT = 12
LABEL_SIZE = MIN_TEXT
_HEAD = 13
_LEADING = 13
SCALE = 0.8
# Where the drawing coordinates (x0, y0) of each view land in the picture.
_VIEWS = {"side": ((46, 30), (56, 40)), "back": ((239, 30), (189, 40))}

_SKIN = (  # side view: back, then front
    "M74 30C72 48 70 60 68 70C60 90 46 110 46 134C46 154 52 166 60 176C62 204 66 236 70 268",
    "M134 30C138 50 144 68 146 86C150 104 152 122 152 144C152 184 148 226 146 268",
)
_CLEFT = "M300 96L300 186"  # back view, on the middle line
_SKIN_BACK = (  # left half, mirrored
    "M256 30C253 50 246 64 245 80C244 96 250 104 249 114C248 126 239 136 239 152C239 196 244 232 246 268",
    "M300 200C296 212 294 240 292 268",
    "M298 188C286 196 268 196 256 188",
)
_BONE = (
    # side: ilium from the front bony point (ASIS) over the crest to the back; greater trochanter
    "M136 84C134 66 116 54 98 56C84 58 76 66 74 76C84 90 96 104 104 116L118 116C122 104 128 94 136 84Z",
    "M96 126C96 118 108 114 114 120C118 124 117 132 112 136L113 150L101 150L100 138C96 134 96 130 96 126Z",
)
_SACRUM = "M288 74L312 74L306 118L300 130L294 118Z"  # back view, on the middle line
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

# The hip dip: over and just above the greater trochanter, below the pelvis
# rim (drawing coordinates of the side and the back view); its label sits
# between the views (picture coordinates).
_DIP_RINGS = ((104, 124), (248, 114))
_DIP_LABEL = (165, 146)


class _Label(NamedTuple):
    lines: tuple[str, ...]
    x: float  # the text, in picture coordinates
    y: float  # baseline of the first line
    anchor: str
    view: str
    ax: int  # the point on the shape, in the view's drawing coordinates
    ay: int


# Short names beside the marked muscles, in the margins: left of the side
# view, between the views, right of the back view.
_LABELS: dict[str, _Label] = {
    "erector-spinae": _Label(("Spinal", "erectors"), 2, 50, "start", "side", 78, 48),
    "gluteus-maximus": _Label(("Glute", "max"), 2, 112, "start", "side", 70, 130),
    "hamstrings": _Label(("Hamstrings",), 2, 224, "start", "side", 90, 240),
    "core": _Label(("Core",), 146, 56, "start", "side", 126, 44),
    "gluteus-medius": _Label(("Glute", "med"), 146, 78, "start", "side", 114, 80),
    "tensor-fasciae-latae": _Label(("TFL",), 146, 114, "start", "side", 138, 110),
    "quadriceps": _Label(("Quads",), 146, 194, "start", "side", 136, 214),
    "gluteus-minimus": _Label(("Glute", "min"), 358, 60, "end", "back", 332, 84),
    "deep-hip-rotators": _Label(("Deep", "rotators"), 358, 104, "end", "back", 320, 114),
    "adductors": _Label(("Adductors",), 358, 214, "end", "back", 309, 240),
}


def _at(view: str, x: float, y: float) -> tuple[float, float]:
    """A point of a view's drawing, in picture coordinates."""
    (x0, y0), (px, py) = _VIEWS[view]
    return round(px + (x - x0) * SCALE, 1), round(py + (y - y0) * SCALE, 1)


_COMMAND = re.compile(r"([MLQCZ])([^MLQCZ]*)")
_INT = re.compile(r"-?\d+")


@cache  # the shapes are constants: each is placed once per build, not once per exercise
def _place(path: str, view: str) -> str:
    """The path (drawing coordinates) in picture coordinates."""
    out: list[str] = []
    for command, args in _COMMAND.findall(path):
        numbers = [int(n) for n in _INT.findall(args)]
        points = (_at(view, x, y) for x, y in zip(numbers[::2], numbers[1::2], strict=True))
        out.append(command + " ".join(f"{num(x)} {num(y)}" for x, y in points))
    return "".join(out)


@cache
def _mirror(path: str) -> str:
    """The path reflected about x = MID (absolute commands with x,y pairs only)."""
    out: list[str] = []
    for command, args in _COMMAND.findall(path):
        numbers = [int(n) for n in _INT.findall(args)]
        pairs = [f"{2 * MID - x} {y}" for x, y in zip(numbers[::2], numbers[1::2], strict=True)]
        out.append(command + " ".join(pairs))
    return "".join(out)


def _paths(paths: Iterable[str], view: str) -> str:
    return "".join(f'<path d="{_place(d, view)}"/>' for d in paths)


def _back(paths: Sequence[str], mirrored: Sequence[str] = ()) -> str:
    """Back-view paths: `paths` as drawn, and `mirrored` both as drawn and mirrored."""
    return _paths((*paths, *mirrored, *map(_mirror, mirrored)), "back")


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
    prefix = id_prefix("map", tuple(primary), tuple(secondary), title, tuple(sorted(names.items())))
    role = _role_of(primary, secondary)
    fill_of = {"p": 'fill="currentColor"', "s": f'fill="url(#{prefix}h)"', "n": 'fill="none"'}
    body = [hatch(prefix)] if secondary else []
    side_x, _ = _at("side", 99, 0)
    back_x, _ = _at("back", MID, 0)
    body += [
        f'<g class="hd-h" font-size="{_HEAD}" text-anchor="middle"><text x="{num(side_x)}" y="14">Side view</text>'
        f'<text x="{num(back_x)}" y="14">Back view</text></g>',
        f'<g class="hd-sub" font-size="{MIN_TEXT}"><text x="{num(side_x)}" y="30" text-anchor="middle">back ← → front</text>'
        f'<text x="{num(back_x - 4)}" y="30" text-anchor="end">surface</text><text x="{num(back_x + 4)}" y="30">deep layer</text></g>',
        '<g class="hd-bone" fill="none" stroke="currentColor" stroke-opacity=".3">' + _paths(_BONE, "side") + _back((_SACRUM,), _BONE_BACK) + "</g>",
    ]
    for muscle, shape in _SHAPES.items():
        paths = _paths(shape.side, "side") + _back((*shape.surface, *map(_mirror, shape.under)), shape.both)
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
    ghosts = _back([_mirror(d) for m in _GHOSTS for d in _SHAPES[m].surface])
    ghost_title = "<title>Where the gluteus maximus and medius lie, over the deep layer</title>"
    body.append(f'<g class="hd-ghost" fill="none" stroke="currentColor" stroke-opacity=".35">{ghost_title}{ghosts}</g>')
    body.append(f'<g class="hd-skin" fill="none" stroke="currentColor">{_paths(_SKIN, "side")}{_back((_CLEFT,), _SKIN_BACK)}</g>')
    body.extend(_labels(role, names))
    body.extend(_dip_mark())
    body.append(_key(prefix, bool(primary), bool(secondary)))
    return svg_root(prefix, WIDTH, HEIGHT, title, _map_desc(primary, secondary, names), "hd-map", body)


def _dip_mark() -> list[str]:
    (sx, sy), (bx, by) = _at("side", *_DIP_RINGS[0]), _at("back", *_DIP_RINGS[1])
    lx, ly = _DIP_LABEL
    reach = text_width("hip dip", MIN_TEXT, bold=True) / 2 - 4
    return [
        '<g class="hd-dip" fill="none" stroke="currentColor"><title>The hip dip</title>'
        f'<circle cx="{num(sx)}" cy="{num(sy)}" r="5"/><circle cx="{num(bx)}" cy="{num(by)}" r="5"/>'
        f'<path class="hd-lead" d="M{num(sx + 4)} {num(sy + 3)}L{num(lx - reach)} {ly - 12}M{num(bx - 4)} {num(by + 3)}L{num(lx + reach)} {ly - 12}"/></g>',
        f'<text class="hd-dipl" x="{lx}" y="{ly}" text-anchor="middle" font-size="{MIN_TEXT}">hip dip</text>',
    ]


def _labels(role: Mapping[str, str], names: Mapping[str, str]) -> list[str]:
    """Short names beside the marked muscles, with a leader line to the shape."""
    out = []
    for muscle, kind in role.items():
        if muscle not in _LABELS:
            continue
        label = _LABELS[muscle]
        tx, ty = label.x, label.y
        ax, ay = _at(label.view, label.ax, label.ay)
        width = max(text_width(line, LABEL_SIZE, bold=kind == "p") for line in label.lines)
        left, right = (tx, tx + width) if label.anchor == "start" else (tx - width, tx)
        ex = left - 2 if ax < left else right + 2  # the leader leaves the label on the shape's side
        ey = ty - 4 + _LEADING * (len(label.lines) - 1) / 2  # from the middle of the label's lines
        weight = ' class="hd-h"' if kind == "p" else ""
        tspans = "".join(f'<tspan x="{num(tx)}" dy="{0 if n == 0 else _LEADING}">{escape(line)}</tspan>' for n, line in enumerate(label.lines))
        out.append(
            f'<g class="hd-lab" data-muscle="{muscle}"><path class="hd-lead" d="M{ex:.0f} {num(ey)}L{num(ax)} {num(ay)}" fill="none" stroke="currentColor"/>'
            f'<circle cx="{num(ax)}" cy="{num(ay)}" r="1.8"/>'
            f'<text{weight} x="{num(tx)}" y="{num(ty)}" text-anchor="{label.anchor}" font-size="{LABEL_SIZE}">{tspans}</text></g>'
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
    out = [f'<g class="hd-keys" font-size="{LABEL_SIZE}">']
    x, y = 2.0, HEIGHT - 4
    for cls, attrs, text in items:
        out.append(
            f'<rect class="hd-key {cls}" x="{x:.0f}" y="{y - 10}" width="13" height="11" {attrs} stroke="currentColor"/>'
            f'<text x="{x + 17:.0f}" y="{y}">{text}</text>'
        )
        x += 17 + text_width(text, LABEL_SIZE) + 12
    out.append("</g>")
    return "".join(out)
