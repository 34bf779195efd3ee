"""The activation chart: measured %MVIC for one muscle, one group of bars per study.

An inline SVG (see generator.draw.svg for what every figure promises), and the
same figures as a Markdown table (activation_table_markdown), the fallback
that is always printed under it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple
from xml.sax.saxutils import escape

from generator.draw.svg import hatch, id_prefix, num, svg_root, text_width, wrap
from generator.link import Links
from generator.model import Library

__all__ = [
    "ACTIVATION_CAVEAT",
    "CHART_CAVEAT_LINES",
    "ActivationRow",
    "activation_chart",
    "activation_rows",
    "activation_table_markdown",
    "axis_max",
    "group_by_study",
]

ACTIVATION_CAVEAT = (
    "Compare bars only within one study: each study used its own methods, so figures from different studies cannot be compared. "
    "Activation shows how hard a muscle works in the moment; it is not a proven predictor of how much it will grow."
)





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
    sd = f" ±{num(row.sd)}" if row.sd is not None else ""
    kind = f" {row.measure}" if row.measure in ("mean", "peak") else ""  # 'not stated' adds no word to a bar
    return f"{num(row.mvic)}{sd}{kind}" + (" †" if row.secondhand else "")


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


# Drawn for a phone: the chart is shown at the width of the text column up to
# CHART_MAX_CSS_PX (figures.css), so one unit is about 1.19 CSS px at 412 px
# wide and about 1.3 on a wide screen; every text is at least MIN_TEXT units.
CHART_W = 320
CHART_MAX_CSS_PX = 420
PAD = 4
PLOT = CHART_W - 2 * PAD
MIN_TEXT = 12
_TITLE, _STUDY, _NAME, _VALUE = 14, 13, 12.5, MIN_TEXT
_BAR_H = 15
CHART_CAVEAT_LINES = (
    "Compare bars only within one study: methods differ between studies.",
    "Activation is effort in the moment, not a proven predictor of growth.",
)
SECONDHAND_LINE = "† Second-hand figure: seen only as quoted in another source."
AXIS_LINE = "% of a maximal test contraction (%MVIC); 100 is the test itself."


def _leading(size: float) -> int:
    return int(size * 1.25 + 0.5)


def _lines(text: str, size: float, x: float, y: float, *, cls: str = "", bold: bool = False, most: int = 0) -> tuple[list[str], float]:
    """`text` wrapped to the plot's width, one <text> a line from baseline y; and the y after it."""
    attr = f' class="{cls}"' if cls else ""
    out = []
    for line in wrap(text, size, CHART_W - PAD - x, bold=bold, most=most):
        out.append(f'<text{attr} x="{x:g}" y="{y:g}" font-size="{size:g}">{escape(line)}</text>')
        y += _leading(size)
    return out, y


def activation_chart(rows: Sequence[Sequence[object]], *, title: str = "Measured activation (%MVIC)") -> str:
    """A horizontal bar chart of %MVIC for one muscle, one group of bars per study.

    `rows` are ActivationRow or plain tuples (exercise, study label, mvic,
    sd, measure, secondhand[, detail[, note]]), in study order (e.g. from
    `activation_rows`). The axis runs from 0 to the largest value rounded up
    to 50, and every bar is drawn to scale on it. Each study is a
    <g class="hd-study" data-study="label">, each bar a
    <rect class="hd-bar" data-value="..">, with the exercise's name on its
    own line above it, so the bars can use the whole width of a phone. Long
    names and the notes wrap. The caveat (CHART_CAVEAT_LINES) is printed
    under the chart; the <desc> lists every figure in words.
    """
    groups = group_by_study(rows)
    items = [row for _, group in groups for row in group]
    top = axis_max(r.mvic for r in items)
    scale = PLOT / top
    secondhand = any(r.secondhand for r in items)
    prefix = id_prefix("chart", title, tuple(items))
    body = [hatch(prefix)] if secondhand else []
    heading, y = _lines(title, _TITLE, PAD, 15, cls="hd-h", bold=True, most=2)
    body.extend(heading)
    y += 14
    grid_top = y - 8
    bars = []
    for source, group in groups:
        bars.append(f'<g class="hd-study" data-study="{escape(source, {chr(34): "&quot;"})}">')
        bars.append(f'<path class="hd-rule" d="M{PAD} {y - 2:g}H{CHART_W - PAD}" stroke="currentColor" stroke-opacity=".3"/>')
        names, y = _lines(source, _STUDY, PAD, y + _STUDY + 2, cls="hd-h hd-halo", bold=True, most=2)
        bars.extend(names)
        for n, row in enumerate(group):
            if n and row.measure != group[n - 1].measure:
                y += 6  # a little space between the mean and the peak figures
            bar, y = _bar(row, y, scale, prefix)
            bars.append(bar)
        bars.append("</g>")
        y += 8
    grid_bottom = y - 8
    # the axis: a gridline every 50 (100, the maximal test, dashed), numbered at top and bottom
    for tick in range(0, top + 1, 50):
        x = PAD + tick * scale
        dash = ' class="hd-grid hd-100" stroke-dasharray="3 2"' if tick == 100 else ' class="hd-grid"'
        body.append(f'<path{dash} d="M{x:.1f} {grid_top:g}V{grid_bottom:g}" stroke="currentColor" stroke-opacity=".2"/>')
        anchor = "start" if tick == 0 else "end" if tick == top else "middle"
        for ty in (grid_top - 4, grid_bottom + MIN_TEXT + 2):
            body.append(f'<text class="hd-sub" x="{x:.1f}" y="{ty:g}" text-anchor="{anchor}" font-size="{MIN_TEXT}">{tick}</text>')
    body.extend(bars)
    note, y = _lines(AXIS_LINE, MIN_TEXT, PAD, grid_bottom + 2 * MIN_TEXT + 12, cls="hd-sub")
    body.extend(note)
    body.append(f'<g class="hd-caveat" font-size="{MIN_TEXT}">')
    for line in [*CHART_CAVEAT_LINES, *([SECONDHAND_LINE] if secondhand else [])]:
        caveat, y = _lines(line, MIN_TEXT, PAD, y + 4)
        body.extend(caveat)
    body.append("</g>")
    return svg_root(prefix, CHART_W, round(y), title, _chart_desc(groups, title), "hd-chart", body)


def _bar(row: ActivationRow, y: float, scale: float, prefix: str) -> tuple[str, float]:
    """One row: the name (up to two lines), then the bar with its value; and the y after it."""
    name, label = _name(row), _value_label(row)
    tooltip = f"{name}: {label}" + (f". {row.note}" if row.note else "")
    shown = row.exercise + (f" · {row.detail}" if row.detail else "")
    names, y = _lines(shown, _NAME, PAD, y + _NAME - 3, cls="hd-halo", most=2)
    width = row.mvic * scale
    bar_y = y - _leading(_NAME) + 5
    cls, fill = ("hd-bar hd-2nd", f' fill="url(#{prefix}h)" stroke="currentColor" stroke-dasharray="3 2"') if row.secondhand else ("hd-bar", "")
    out = [
        f'<g class="hd-row"><title>{escape(tooltip)}</title>',
        *names,
        f'<rect class="{cls}" x="{PAD}" y="{bar_y:g}" width="{width:.2f}" height="{_BAR_H}" data-value="{num(row.mvic)}"{fill}/>',
    ]
    text_y = bar_y + _BAR_H - 3.5
    if PAD + width + 4 + text_width(label, _VALUE) <= CHART_W:
        out.append(f'<text class="hd-halo" x="{PAD + width + 4:.1f}" y="{text_y:g}" font-size="{_VALUE}">{escape(label)}</text>')
    else:  # no room after the bar: inside it, at its end (on a striped bar, with a halo)
        inside = "hd-halo" if row.secondhand else "hd-in"
        out.append(f'<text class="{inside}" x="{PAD + width - 4:.1f}" y="{text_y:g}" font-size="{_VALUE}" text-anchor="end">{escape(label)}</text>')
    out.append("</g>")
    return "".join(out), bar_y + _BAR_H + 8


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
    lines = ["| Study | Exercise | Activity (%MVIC) |", "|---|---|---|"]
    for source, group in group_by_study(rows):
        for row in group:
            lines.append(f"| {_cell(source)} | {_cell(_name(row))} | {figure_text(row.mvic, row.sd, row.measure, row.secondhand)} |")
    return "\n".join(lines) + "\n\n" + ACTIVATION_CAVEAT + "\n"


def figure_text(mvic: float, sd: float | None, measure: str, secondhand: bool) -> str:
    """'81 ± 42 (mean)', '172 (peak)', '48 ± 21' when the study did not say; '(second-hand figure)' when it is one."""
    spread = f" ± {num(sd)}" if sd is not None else ""
    kind = f" ({measure})" if measure in ("mean", "peak") else ""
    return f"{num(mvic)}{spread}{kind}" + (" (second-hand figure)" if secondhand else "")


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
        detail = row.tested  # the study's own version is always named, never only in the tooltip
        if counts[key] > 1 and not detail:
            seen[key] = seen.get(key, 0) + 1
            detail = _detail(row.note) or f"figure {seen[key]}"
        note = re.sub(r"\s*\[@[^\]]*\]", "", row.note)
        out.append(ActivationRow(library.exercises[ex_id].name, library.sources[row.source].label, row.mvic, row.sd, row.measure, row.secondhand, detail, note))
    return out
