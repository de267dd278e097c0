"""Coaching protocols, defined once: the form, the log and the demo read their steps here.

GROW (goal, reality, options, way forward; Whitmore, "Coaching for Performance") is the protocol
PSESD's leadership coaching uses; each step carries the questions a coach typically asks.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Step:
    key: str
    label: str
    prompts: tuple[str, ...]
    required: bool = False


@dataclass(frozen=True)
class CoachingProtocol:
    slug: str
    name: str
    description: str
    steps: tuple[Step, ...]


GROW = CoachingProtocol(
    "grow",
    _("GROW: goal, reality, options, way forward"),
    _(
        "A leader names what they want, looks honestly at where things stand, widens the options "
        "and commits to a next step with an owner and a date."
    ),
    (
        Step(
            "goal",
            _("Goal"),
            (
                _("What do you want to have happened by the end of this conversation?"),
                _("What would be different for students if this went well?"),
            ),
            required=True,
        ),
        Step(
            "reality",
            _("Reality"),
            (
                _(
                    "What is happening now, and how do you know? What do the data by student "
                    "group say?"
                ),
                _("What have you already tried? Whose voices are missing?"),
            ),
        ),
        Step(
            "options",
            _("Options"),
            (
                _("What could you do? What else?"),
                _("What would you do if you had no constraints? Who could help?"),
            ),
        ),
        Step(
            "way_forward",
            _("Way forward"),
            (
                _("What will you do, by when? What might get in the way?"),
                _("How will you know it worked? (Record the next steps below.)"),
            ),
            required=True,
        ),
    ),
)

PROTOCOLS: dict[str, CoachingProtocol] = {p.slug: p for p in (GROW,)}


def protocol_choices():
    return [("", _("None: free notes")), *((p.slug, p.name) for p in PROTOCOLS.values())]
