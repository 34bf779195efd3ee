"""Shared pieces of the inline SVG figures (generator.draw.muscle_map, generator.draw.charts).

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
from collections.abc import Iterable
from xml.sax.saxutils import escape

__all__ = ["SVG_NS", "figure", "fit", "hatch", "id_prefix", "num", "svg_root", "text_width", "wrap"]

SVG_NS = "http://www.w3.org/2000/svg"


def num(value: float) -> str:
    return f"{value:g}"


def id_prefix(*parts: object) -> str:
    """A short id prefix, stable for the same input and distinct for different input."""
    return "hd" + hashlib.sha1(repr(parts).encode()).hexdigest()[:6]


def text_width(text: str, size: float, bold: bool = False) -> float:
    """A rough, slightly generous width of sans-serif text (no font metrics here)."""
    narrow = sum(ch in "iljtfrI.,;:'!| ()" for ch in text)
    wide = sum(ch in "mwMW" for ch in text) + sum(ch.isupper() for ch in text)
    return size * ((len(text) - narrow) * 0.56 + narrow * 0.3 + wide * 0.22) * (1.07 if bold else 1.0)


def fit(text: str, size: float, room: float, bold: bool = False) -> str:
    """`text`, cut with an ellipsis so that it fits in `room` units."""
    if text_width(text, size, bold) <= room:
        return text
    while text and text_width(text + "…", size, bold) > room:
        text = text[:-1]
    return text.rstrip(" ,;-·") + "…"


def wrap(text: str, size: float, room: float, *, bold: bool = False, most: int = 0) -> list[str]:
    """`text` broken at spaces into lines that fit in `room` units; with `most`,
    at most that many lines, the last one cut with an ellipsis if need be."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", size, bold) <= room:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    if most and len(lines) > most:
        lines = [*lines[: most - 1], fit(" ".join(lines[most - 1 :]) + " …", size, room, bold)]
    return [fit(line, size, room, bold) for line in lines] or [""]


def svg_root(prefix: str, width: int, height: int, title: str, desc: str, cls: str, body: Iterable[str]) -> str:
    """The <svg> element around `body`: viewBox, role, title and desc."""
    head = (
        f'<svg xmlns="{SVG_NS}" viewBox="0 0 {width} {height}" class="hd-fig {cls}" role="img" '
        f'aria-labelledby="{prefix}t {prefix}d" font-size="10" fill="currentColor">'
        f'<title id="{prefix}t">{escape(title)}</title><desc id="{prefix}d">{escape(desc)}</desc>'
    )
    return "\n".join([head, *body, "</svg>"])


def hatch(prefix: str) -> str:
    """The pattern that marks helping muscles: stripes, so it differs from solid without colour."""
    return (
        f'<defs><pattern id="{prefix}h" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<rect class="hd-hatch-bg" width="4" height="4" fill="none"/>'
        '<path class="hd-hatch" d="M1 0V4" stroke="currentColor" stroke-width="1.6"/></pattern></defs>'
    )


def figure(svg: str, caption: str = "", cls: str = "") -> str:
    """A figure as a raw-HTML block for the generated Markdown: Python-Markdown
    does not treat a bare <svg> as a block and would wrap it in <p>.
    The caption is plain text (escaped); `cls` adds a class (e.g. "hd-figure--chart")."""
    cap = f"<figcaption>{escape(caption)}</figcaption>" if caption else ""
    extra = f" {cls}" if cls else ""
    return f'<figure class="hd-figure{extra}">\n{svg}\n{cap}</figure>'
