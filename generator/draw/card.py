"""Drawing one preview card (1200x630 PNG) with Pillow, and CairoSVG for an exercise's figure.

Four layouts share one frame (the site's blue, the site name at the top, a
peach band at the bottom): a site card (title and description), an exercise
card (name, main muscles, and the end pose with its arrow on a light panel),
a myth card (the claim and a verdict badge) and a plan card (the week at a
glance: one row a day with its focus). Text is set in the DejaVu Sans kept
in social/fonts with Pillow's basic layout (no system fonts, no shaping
library), so the same inputs give the same pixels on every machine with the
pinned Pillow and CairoSVG; the PNG carries no date.
"""

from __future__ import annotations

import io
import re
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from cairosvg.parser import Tree
from cairosvg.surface import PNGSurface
from PIL import Image, ImageDraw, ImageFont

FONTS = Path(__file__).resolve().parents[2] / "social" / "fonts" / "DejaVu Sans"
WIDTH, HEIGHT = 1200, 630
MARGIN = 64
BLUE, DARK, LIGHT = "#1d4f6e", "#143a52", "#2f6b8f"
PEACH, WHITE, PALE, MUTED = "#ffb68f", "#ffffff", "#e6f1f7", "#a9c6d8"
PANEL = "#f7f4ef"  # the figure's own colours are meant for a light page
VERDICT_COLOURS = {  # fill, text: each pair has a contrast of 4.5:1 or more
    "false": ("#b3261e", WHITE),
    "mostly-false": ("#ffb68f", DARK),
    "mixed": ("#f2d16b", DARK),
    "mostly-true": ("#a5d6a7", DARK),
    "true": ("#2e7d32", WHITE),
    "unproven": ("#d9d3ec", DARK),  # off the false-true scale, so a colour of its own: no one reads it as "mixed"
}
DAY_COLOURS = {"training": (PEACH, DARK), "active-recovery": (LIGHT, WHITE), "rest": (DARK, MUTED)}
COLOURS = 64  # a card is flat colours and smooth edges: 64 colours look the same as full colour, at a third of the bytes


@dataclass(frozen=True)
class Drawing:
    """What one card shows: the inputs of `draw`, already in words."""

    kind: str  # "site" | "home" | "exercise" | "myth" | "plan"
    site_name: str
    eyebrow: str  # a short label above the title ("" for none)
    title: str
    text: str  # the description (site), main muscles (exercise)
    verdict: str = ""  # myth: the verdict id, e.g. "mostly-false"
    verdict_label: str = ""
    days: tuple[tuple[str, str, str], ...] = ()  # plan: (day name, kind, what the day is)
    figure: str = ""  # exercise, home: a self-contained SVG
    line: str = ""  # exercise: the one line that earns a click (dose, equipment, minutes)


@cache
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / ("Bold.ttf" if bold else "Regular.ttf")), size, layout_engine=ImageFont.Layout.BASIC)


def wrap(text: str, face: ImageFont.FreeTypeFont, width: int, max_lines: int) -> tuple[list[str], bool]:
    """Lines of at most `width` pixels, at most `max_lines` of them (the last ends in '…' if cut); and whether it all fit."""
    lines: list[str] = []
    for word in text.split():
        while face.getlength(word) > width:  # a word wider than the line is broken
            cut = max((n for n in range(1, len(word)) if face.getlength(word[:n]) <= width), default=1)
            lines, word = _add(lines, word[:cut], face, width), word[cut:]
        lines = _add(lines, word, face, width)
    if len(lines) <= max_lines:
        return lines, True
    kept = lines[:max_lines]
    last = kept[-1]
    while last and face.getlength(last + "…") > width:
        last = last[:-1].rstrip()
    kept[-1] = last.rstrip(" ,;:.") + "…"
    return kept, False


def _add(lines: list[str], word: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    if lines and face.getlength(f"{lines[-1]} {word}") <= width:
        return [*lines[:-1], f"{lines[-1]} {word}"]
    return [*lines, word]


def fit(text: str, sizes: tuple[int, ...], width: int, max_lines: int, bold: bool) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest of `sizes` at which `text` fits; the smallest, cut with '…', when none does."""
    for size in sizes:
        lines, whole = wrap(text, font(size, bold), width, max_lines)
        if whole:
            return font(size, bold), lines
    return font(sizes[-1], bold), wrap(text, font(sizes[-1], bold), width, max_lines)[0]


def block(draw: ImageDraw.ImageDraw, xy: tuple[int, int], lines: list[str], face: ImageFont.FreeTypeFont, colour: str, leading: float = 1.25) -> int:
    """Draw lines from their top-left corner; returns the y below the last line."""
    x, y = xy
    step = round(face.size * leading)
    for line in lines:
        draw.text((x, y), line, font=face, fill=colour)
        y += step
    return y


def frame(d: Drawing) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("RGB", (WIDTH, HEIGHT), BLUE)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, HEIGHT - 12, WIDTH, HEIGHT), fill=PEACH)
    draw.text((MARGIN, 44), d.site_name, font=font(30, True), fill=WHITE)
    return image, draw


def eyebrow(draw: ImageDraw.ImageDraw, d: Drawing, y: int = 104) -> int:
    if not d.eyebrow:
        return y
    draw.text((MARGIN, y), d.eyebrow, font=font(28, True), fill=PEACH)
    return y + 52


def site_card(d: Drawing) -> Image.Image:
    image, draw = frame(d)
    y = eyebrow(draw, d, 120)
    face, lines = fit(d.title, (68, 60, 52, 44), WIDTH - 2 * MARGIN, 3, True)
    y = block(draw, (MARGIN, y), lines, face, WHITE, 1.2) + 28
    rest = (HEIGHT - 40 - y) // 40
    if d.text and rest > 0:
        block(draw, (MARGIN, y), wrap(d.text, font(30), WIDTH - 2 * MARGIN, min(rest, 4))[0], font(30), PALE, 1.33)
    return image


def figure_image(svg: str, box: tuple[int, int]) -> Image.Image:
    """The SVG rasterised once, as large as fits in `box` (it keeps its proportions)."""
    found = re.search(r'viewBox="[\d.\-]+ [\d.\-]+ ([\d.]+) ([\d.]+)"', svg)
    w, h = (float(found.group(1)), float(found.group(2))) if found else (1.0, 1.0)
    scale = min(box[0] / w, box[1] / h)
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    tree = Tree(bytestring=svg.encode("utf-8"))  # no url: nothing outside the string is read
    surface = PNGSurface(tree, None, 96, output_width=size[0], output_height=size[1])  # drawn in memory, not encoded
    pixels = surface.cairo
    pixels.flush()
    assert sys.byteorder == "little", "cairo's ARGB32 is read as BGRA bytes"
    return Image.frombuffer("RGBA", (pixels.get_width(), pixels.get_height()), bytes(pixels.get_data()), "raw", "BGRa", pixels.get_stride(), 1)


def exercise_card(d: Drawing) -> Image.Image:
    image, draw = frame(d)
    left = 600 if d.figure else WIDTH - 2 * MARGIN
    y = eyebrow(draw, d)
    face, lines = fit(d.title, (60, 52, 44, 38), left - MARGIN, 3, True)
    y = block(draw, (MARGIN, y), lines, face, WHITE, 1.18) + 18
    if d.line:
        block(draw, (MARGIN, y), wrap(d.line, font(30, True), left - MARGIN, 3)[0], font(30, True), PEACH, 1.3)
    muscles, _ = wrap(d.text, font(30), left - MARGIN, 3)
    top = HEIGHT - 56 - 40 * len(muscles) - 40
    draw.text((MARGIN, top), "Main muscles", font=font(24, True), fill=PEACH)
    block(draw, (MARGIN, top + 38), muscles, font(30), WHITE, 1.33)
    if d.figure:
        figure_panel(image, draw, d.figure)
    return image


def figure_panel(image: Image.Image, draw: ImageDraw.ImageDraw, svg: str) -> None:
    """A light panel on the right, as tall as the figure needs, centred."""
    left, top, right, bottom, pad = 704, 40, WIDTH - 48, HEIGHT - 40, 24
    picture = figure_image(svg, (right - left - 2 * pad, bottom - top - 2 * pad))
    spare = (bottom - top - 2 * pad - picture.height) // 2
    draw.rounded_rectangle((left, top + spare, right, bottom - spare), radius=24, fill=PANEL)
    image.paste(picture, ((left + right - picture.width) // 2, top + spare + pad), picture)


def home_card(d: Drawing) -> Image.Image:
    """The site's promise, large, beside a figure; what the site holds in a line below."""
    image, draw = frame(d)
    left = 640 if d.figure else WIDTH - 2 * MARGIN
    face, lines = fit(d.title, (50, 44, 40, 36), left - MARGIN, 6, True)
    y = block(draw, (MARGIN, 112), lines, face, WHITE, 1.2) + 24
    if d.text and y < HEIGHT - 110:
        block(draw, (MARGIN, y), wrap(d.text, font(28), left - MARGIN, 2)[0], font(28), PEACH, 1.3)
    if d.figure:
        figure_panel(image, draw, d.figure)
    return image


def verdict_mark(draw: ImageDraw.ImageDraw, verdict: str, centre: tuple[int, int], colour: str) -> None:
    """A cross (false, mostly false), a check (true, mostly true), a balance bar (mixed), drawn in lines,
    or a question mark (unproven)."""
    x, y, r, w = centre[0], centre[1], 15, 6
    if verdict in ("false", "mostly-false"):
        draw.line((x - r, y - r, x + r, y + r), fill=colour, width=w)
        draw.line((x - r, y + r, x + r, y - r), fill=colour, width=w)
    elif verdict == "unproven":
        draw.text((x, y), "?", font=font(48, True), fill=colour, anchor="mm")
    elif verdict in ("true", "mostly-true"):
        draw.line((x - r, y, x - 4, y + r - 2, x + r, y - r), fill=colour, width=w, joint="curve")
    else:
        draw.line((x - r, y - 6, x + r, y - 6), fill=colour, width=w)
        draw.line((x - r, y + 8, x + r, y + 8), fill=colour, width=w)


def myth_card(d: Drawing) -> Image.Image:
    image, draw = frame(d)
    y = eyebrow(draw, d)
    face, lines = fit(d.title, (60, 52, 46, 40), WIDTH - 2 * MARGIN, 4, True)
    block(draw, (MARGIN, y), lines, face, WHITE, 1.2)
    fill, ink = VERDICT_COLOURS.get(d.verdict, (PEACH, DARK))
    label = f"Verdict: {d.verdict_label}"
    face = font(40, True)
    box = (MARGIN, HEIGHT - 150, MARGIN + 96 + round(face.getlength(label)) + 32, HEIGHT - 56)
    draw.rounded_rectangle(box, radius=18, fill=fill)
    verdict_mark(draw, d.verdict, (box[0] + 52, (box[1] + box[3]) // 2), ink)
    draw.text((box[0] + 96, (box[1] + box[3]) // 2), label, font=face, fill=ink, anchor="lm")
    return image


def plan_card(d: Drawing) -> Image.Image:
    image, draw = frame(d)
    y = eyebrow(draw, d, 96)
    face, lines = fit(d.title, (44, 38, 34), WIDTH - 2 * MARGIN, 2, True)
    y = block(draw, (MARGIN, y - 6), lines, face, WHITE, 1.15) + 22
    rows = d.days[:7]
    step = min(52, (HEIGHT - 20 - y) // max(1, len(rows)))
    for name, kind, what in rows:
        fill, ink = DAY_COLOURS.get(kind, DAY_COLOURS["rest"])
        draw.rounded_rectangle((MARGIN, y, MARGIN + 92, y + step - 10), radius=10, fill=fill)
        draw.text((MARGIN + 46, y + (step - 10) // 2), name[:3], font=font(24, True), fill=ink, anchor="mm")
        text_face = font(28, kind == "training")
        line, _ = wrap(what, text_face, WIDTH - 2 * MARGIN - 116, 1)
        draw.text((MARGIN + 116, y + (step - 10) // 2), line[0] if line else "", font=text_face, fill=WHITE if kind == "training" else MUTED, anchor="lm")
        y += step
    return image


LAYOUTS = {"site": site_card, "exercise": exercise_card, "myth": myth_card, "plan": plan_card, "home": home_card}


def draw(d: Drawing) -> bytes:
    """The card as PNG bytes (no date or other metadata in the file)."""
    out = io.BytesIO()
    image = LAYOUTS[d.kind](d).quantize(COLOURS, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    image.save(out, format="PNG", compress_level=6)
    return out.getvalue()
