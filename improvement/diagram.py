"""The driver diagram as a server-drawn SVG: aim → primary → secondary drivers → change ideas.

Drivers and change ideas form a graph (an idea may serve several drivers), so the picture
draws one box per item and a line per link; the nested outline beside it says the same.
The geometry is computed here; the markup lives in an autoescaped template
(templates/improvement/_driver_diagram_svg.html).
"""

import textwrap

from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

COL_W, BOX_W, BOX_H, GAP, TOP = 230, 200, 52, 14, 36
FILLS = ["#fff4d6", "#dcebff", "#e8f3ea", "#f3e8ff"]  # aim, primary, secondary, idea


def _box(x: float, y: float, text: str, fill: str) -> dict:
    wrapped = textwrap.wrap(text, 30)
    lines = wrapped[:3] or [""]
    if len(wrapped) > 3:
        lines[-1] = lines[-1][:27] + "…"
    return {
        "x": x,
        "y": y,
        "text": text,
        "fill": fill,
        "text_x": x + 8,
        "text_y": y + 18,
        "lines": [{"dy": 14 if i else 0, "text": line} for i, line in enumerate(lines)],
    }


def driver_diagram_geometry(*, aim_text: str, primaries, ideas) -> dict:
    """Boxes, links and headings; `primaries` with `.children`, `ideas` with `.drivers`."""
    secondaries = [s for p in primaries for s in p.children.all()]
    columns = [[("aim", aim_text)], primaries, secondaries, ideas]
    rows = max(len(c) for c in columns) or 1
    pos: dict[tuple[str, int], tuple[float, float]] = {}
    boxes = []
    for col, items in enumerate(columns):
        offset = (rows - len(items)) * (BOX_H + GAP) / 2
        for row, item in enumerate(items):
            x, y = col * COL_W + 4, TOP + offset + row * (BOX_H + GAP)
            key = ("aim", 0) if col == 0 else ("idea" if col == 3 else "driver", item.pk)
            pos[key] = (x, y)
            boxes.append(_box(x, y, item[1] if col == 0 else item.text, FILLS[col]))
    links = []

    def link(a, b):
        if a in pos and b in pos:
            (x1, y1), (x2, y2) = pos[a], pos[b]
            links.append({"x1": x1 + BOX_W, "y1": y1 + BOX_H / 2, "x2": x2, "y2": y2 + BOX_H / 2})

    for p in primaries:
        link(("aim", 0), ("driver", p.pk))
        for s in p.children.all():
            link(("driver", p.pk), ("driver", s.pk))
    for idea in ideas:
        for d in idea.drivers.all():
            link(("driver", d.pk), ("idea", idea.pk))
    headings = [_("Aim"), _("Primary drivers"), _("Secondary drivers"), _("Change ideas")]
    return {
        "width": COL_W * 4,
        "height": TOP + rows * (BOX_H + GAP) + 10,
        "box_w": BOX_W,
        "box_h": BOX_H,
        "headings": [{"x": col * COL_W + 8, "text": text} for col, text in enumerate(headings)],
        "links": links,
        "boxes": boxes,
        "desc": _(
            "%(p)s primary drivers, %(s)s secondary drivers and %(c)s change ideas; "
            "the outline beside the diagram lists every link."
        )
        % {"p": len(primaries), "s": len(secondaries), "c": len(ideas)},
    }


def render_driver_diagram(*, aim_text: str, primaries, ideas) -> SafeString:
    """`primaries`: drivers with `.children` prefetched; `ideas`: with `.drivers` prefetched."""
    geometry = driver_diagram_geometry(aim_text=aim_text, primaries=primaries, ideas=ideas)
    return render_to_string("improvement/_driver_diagram_svg.html", {"g": geometry})
