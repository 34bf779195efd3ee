"""The app icon (a square PNG) for the web app manifest, drawn with Pillow.

It uses the preview cards' colours and font (generator/draw/card.py): the
site's blue, a peach band along the bottom as on every card, and the site's
initials in white. Everything that matters sits inside the middle 80 % circle,
so the same picture works as a "maskable" icon (Android crops it to a circle
or a rounded square). The PNG carries no date: the same size gives the same bytes.
"""

from __future__ import annotations

import io

from PIL import Image, ImageDraw

from generator.draw.card import BLUE, DARK, PEACH, WHITE, font

ICON_SIZES = (192, 512)


def initials(site_name: str) -> str:
    """'Hip Dips, Honestly' -> 'HD': the first letters of the first two words."""
    words = [word for word in site_name.replace(",", " ").split() if word[:1].isalpha()]
    return "".join(word[0].upper() for word in words[:2]) or "?"


def draw_icon(size: int, site_name: str) -> bytes:
    """One square icon of `size` pixels, as PNG bytes."""
    scale = 4  # drawn large and scaled down: smooth edges without anti-aliasing support in ImageDraw
    big = size * scale
    image = Image.new("RGB", (big, big), BLUE)
    pen = ImageDraw.Draw(image)
    band = round(big * 0.70)
    pen.rectangle((0, band, big, big), fill=PEACH)
    pen.rectangle((0, band - round(big * 0.02), big, band), fill=DARK)
    text = initials(site_name)
    face = font(round(big * 0.34), bold=True)
    left, top, right, bottom = pen.textbbox((0, 0), text, font=face)
    x = (big - (right - left)) / 2 - left
    y = big * 0.40 - (bottom - top) / 2 - top
    pen.text((x, y), text, font=face, fill=WHITE)
    small = image.resize((size, size), Image.Resampling.LANCZOS).quantize(64)
    out = io.BytesIO()
    small.save(out, format="PNG", optimize=True)
    return out.getvalue()
