"""The driver diagram as a server-drawn SVG: aim → primary → secondary drivers → change ideas.

Drivers and change ideas form a graph (an idea may serve several drivers), so the picture
draws one box per item and a line per link; the nested outline beside it says the same.
"""

import textwrap

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

COL_W, BOX_W, BOX_H, GAP, TOP = 230, 200, 52, 14, 36


def _box(x: float, y: float, text: str, fill: str) -> str:
    lines = textwrap.wrap(text, 30)[:3] or [""]
    if len(textwrap.wrap(text, 30)) > 3:
        lines[-1] = lines[-1][:27] + "…"
    spans = "".join(
        f'<tspan x="{x + 8}" dy="{14 if i else 0}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return (
        f'<g><title>{escape(text)}</title><rect x="{x}" y="{y}" width="{BOX_W}" '
        f'height="{BOX_H}" rx="4" fill="{fill}" stroke="#3d4451"/>'
        f'<text x="{x + 8}" y="{y + 18}" font-size="11" fill="#1b1f24">{spans}</text></g>'
    )


def render_driver_diagram(*, aim_text: str, primaries, ideas) -> SafeString:
    """`primaries`: drivers with `.children` prefetched; `ideas`: with `.drivers` prefetched."""
    secondaries = [s for p in primaries for s in p.children.all()]
    columns = [[("aim", aim_text)], primaries, secondaries, ideas]
    rows = max(len(c) for c in columns) or 1
    height = TOP + rows * (BOX_H + GAP) + 10
    width = COL_W * 4
    pos: dict[tuple[str, int], tuple[float, float]] = {}
    desc = _(
        "%(p)s primary drivers, %(s)s secondary drivers and %(c)s change ideas; "
        "the outline beside the diagram lists every link."
    ) % {"p": len(primaries), "s": len(secondaries), "c": len(ideas)}
    parts = [
        f'<svg class="driver-diagram" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-labelledby="dd-t dd-d" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="dd-t">{escape(_("Driver diagram"))}</title>',
        f'<desc id="dd-d">{escape(desc)}</desc>',
    ]
    for col, heading in enumerate(
        [_("Aim"), _("Primary drivers"), _("Secondary drivers"), _("Change ideas")]
    ):
        parts.append(
            f'<text x="{col * COL_W + 8}" y="18" font-size="13" font-weight="bold" '
            f'fill="#1b1f24">{escape(heading)}</text>'
        )
    boxes, lines = [], []
    for col, items in enumerate(columns):
        offset = (rows - len(items)) * (BOX_H + GAP) / 2
        for row, item in enumerate(items):
            x, y = col * COL_W + 4, TOP + offset + row * (BOX_H + GAP)
            key = ("aim", 0) if col == 0 else ("idea" if col == 3 else "driver", item.pk)
            pos[key] = (x, y)
            text = item[1] if col == 0 else item.text
            fill = ["#fff4d6", "#dcebff", "#e8f3ea", "#f3e8ff"][col]
            boxes.append(_box(x, y, text, fill))

    def link(a, b):
        if a in pos and b in pos:
            (x1, y1), (x2, y2) = pos[a], pos[b]
            lines.append(
                f'<line x1="{x1 + BOX_W}" y1="{y1 + BOX_H / 2}" x2="{x2}" y2="{y2 + BOX_H / 2}" '
                f'stroke="#6c737f" stroke-width="1.2"/>'
            )

    for p in primaries:
        link(("aim", 0), ("driver", p.pk))
        for s in p.children.all():
            link(("driver", p.pk), ("driver", s.pk))
    for idea in ideas:
        for d in idea.drivers.all():
            link(("driver", d.pk), ("idea", idea.pk))
    parts.extend(lines + boxes)
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308  (every text above is escaped)
