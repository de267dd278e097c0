"""The feedback protocols, defined once. Forms, pages and emails all read their sections here.

Sources: the tuning protocol and warm/cool feedback (McDonald & Allen, NSRF); I like / I wish /
I wonder (d.school); the ladder of feedback (Perkins, Project Zero). See
/work/shared/reference/domain.md section 4.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Section:
    key: str
    label: str
    prompt: str
    by_presenter: bool = False  # written by the person who asked, never by a reviewer


@dataclass(frozen=True)
class Protocol:
    slug: str
    name: str
    description: str
    sections: tuple[Section, ...]

    @property
    def reviewer_sections(self) -> tuple[Section, ...]:
        return tuple(s for s in self.sections if not s.by_presenter)

    @property
    def presenter_section(self) -> Section | None:
        return next((s for s in self.sections if s.by_presenter), None)


WARM = Section("warm", _("Warm feedback"), _("What is strong here? What will work?"))
COOL = Section(
    "cool",
    _("Cool feedback"),
    _("What gaps or questions do you see? What might not work, and for whom?"),
)

PROTOCOLS: dict[str, Protocol] = {
    p.slug: p
    for p in (
        Protocol(
            "warm-and-cool-feedback",
            _("Warm and cool feedback"),
            _("Strengths first, then the gaps, offered as a critical friend."),
            (WARM, COOL),
        ),
        Protocol(
            "i-like-i-wish-i-wonder",
            _("I like / I wish / I wonder"),
            _("Short headline statements; the presenter need not reply to each one."),
            (
                Section("like", _("I like"), _("Start with “I like…”")),
                Section("wish", _("I wish"), _("Start with “I wish…”")),
                Section("wonder", _("I wonder"), _("Start with “I wonder…” or “What if…”")),
            ),
        ),
        Protocol(
            "tuning-protocol",
            _("Tuning protocol"),
            _(
                "Clarifying and probing questions, warm and cool feedback on the focusing "
                "question, then the presenter reflects."
            ),
            (
                Section(
                    "clarifying",
                    _("Clarifying questions"),
                    _("Quick questions of fact the presenter can answer briefly."),
                ),
                Section(
                    "probing",
                    _("Probing questions"),
                    _("Questions that help the presenter think more deeply."),
                ),
                WARM,
                COOL,
                Section(
                    "reflection",
                    _("Presenter's reflection"),
                    _("What will I do with this feedback?"),
                    by_presenter=True,
                ),
            ),
        ),
        Protocol(
            "ladder-of-feedback",
            _("Ladder of feedback"),
            _("Clarify, value, raise concerns, then suggest: one rung at a time."),
            (
                Section("clarify", _("Clarify"), _("What do you need to understand better?")),
                Section("value", _("Value"), _("What is strong, or new to you?")),
                Section("concerns", _("Concerns"), _("What worries or puzzles you?")),
                Section("suggest", _("Suggest"), _("What might make it stronger?")),
            ),
        ),
    )
}

CHOICES = [(p.slug, p.name) for p in PROTOCOLS.values()]


def get(slug: str) -> Protocol:
    return PROTOCOLS[slug]
