"""Drawings with legs, as a child draws them, to show and test walking.

The card sketches (core/sample_drawings.py) are a house, a cat's face, a car and so on: none
of them stands on legs, so walk hops with all of them. The contact sheet, `icanvas bench` and
the tests also need something that walks. Coordinates are on a 1024 x 768 page.
"""

from __future__ import annotations

import math

from icanvas_desktop.core.strokes import Drawing, Point, Stroke


def _stroke(pts, width: float, wobble: float = 3.0) -> Stroke:
    """A pen line through `pts`, densified, with a slow sideways wobble like a small hand's."""
    out = []
    for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
        n = max(2, int(math.hypot(x1 - x0, y1 - y0) / 12))
        out += [(x0 + (x1 - x0) * k / n, y0 + (y1 - y0) * k / n) for k in range(n)]
    out.append(pts[-1])
    return Stroke([Point(x + wobble * math.sin(i * 0.4), y + wobble * math.cos(i * 0.3), 1.0, i * 0.02)
                   for i, (x, y) in enumerate(out)], width=width)


def _ellipse(cx: float, cy: float, rx: float, ry: float, n: int = 32) -> list[tuple[float, float]]:
    return [(cx + rx * math.cos(2 * math.pi * k / n), cy + ry * math.sin(2 * math.pi * k / n)) for k in range(n + 1)]


def dog(width: float = 10.0) -> Drawing:
    """A dog standing on four stick legs, with a round head, an eye and a wagging-ready tail."""
    d = Drawing(1024, 768)
    d.add_stroke(_stroke(_ellipse(480, 390, 175, 85), width))                     # body
    d.add_stroke(_stroke(_ellipse(690, 285, 70, 62), width))                      # head
    d.add_stroke(_stroke(_ellipse(710, 270, 9, 9, 12), width, 0.5))                # eye
    for x in (380, 440, 530, 590):                                                 # legs
        d.add_stroke(_stroke([(x, 462), (x + 4, 640)], width, 1.5))
    d.add_stroke(_stroke([(310, 370), (250, 290)], width, 1.5))                    # tail
    return d


def stick_child(width: float = 10.0) -> Drawing:
    """A stick child: a round head, a body line, arms out and two legs."""
    d = Drawing(1024, 768)
    d.add_stroke(_stroke(_ellipse(512, 200, 70, 70), width))                      # head
    d.add_stroke(_stroke([(512, 270), (512, 480)], width, 1.5))                    # body
    d.add_stroke(_stroke([(400, 330), (512, 360), (624, 330)], width, 1.5))        # arms
    d.add_stroke(_stroke([(440, 660), (512, 480), (584, 660)], width, 1.5))        # legs
    return d


EXAMPLES = {"dog": dog, "stick child": stick_child}
