"""The one place that decides what of a feedback response a viewer may see.

Who can ever see the giver of a response to an ANONYMOUS request?
  - The giver themself (their own draft, their submitted answer, the receiver's thanks).
  - Nobody else, in any page, email, notification, export or ordering: not the person who
    asked, not their teammates, not the cohort's facilitators, not site admins.
The database row keeps `giver` so the giver can edit their own draft and get reminders; the
only way to read it is direct database access, which is outside the product.

What holds the line (each has a test in tests/feedback/test_anonymity.py):
  - Receivers, teammates, facilitators and admins get `ResponseView` objects without a name.
  - Facilitators and site admins do not read anonymous answers at all: they chase and reassign
    overdue reviewers by name, so seeing the answers as well would let them tell who wrote what.
    (Site admins read no one's answers, named or not: running the site is not a reason to.)
  - Answers are released to the receiving team only once RELEASE_THRESHOLD have arrived or the
    request is closed, and then listed by a random token, never by time or by id.
  - No date is shown for anonymous answers; named answers show the day only.
  - The asker is emailed when answers are released, not each time one arrives.
  - Who was asked and who answered is never listed for an anonymous request
    (`shows_reviewers`); the live count of answers stays hidden from the receiving team until
    the release (`shows_answer_count`).
  - Session feedback is summarised for facilitators only from SESSION_RESULTS_MINIMUM answers
    on (`session_results`).
  - Before the release nothing the asking team (or anyone else) can see moves when an answer
    arrives: not even the reviewing team's "last activity" (`answer_counts_as_activity`).
"""

from collections import Counter
from dataclasses import dataclass, field

from cohorts import access

from .models import FeedbackRequest, FeedbackResponse

RELEASE_THRESHOLD = 2
# Facilitators see a session's ratings only once this many people answered, so that no single
# answer can be picked out.
SESSION_RESULTS_MINIMUM = 5


@dataclass
class ResponseView:
    token: str
    answers: dict
    giver_name: str | None  # None: the viewer may not know who wrote it
    submitted_on: object | None  # a date, never a time; None when it could identify the giver
    helpful: bool
    back_feedback: str
    is_own: bool
    sections: list = field(default_factory=list)  # [(Section, text)] in protocol order


def is_receiver(viewer, request: FeedbackRequest) -> bool:
    """The asking team: the person who asked and their current teammates."""
    return access.is_team_member(viewer, request.team)


def can_read_answers(viewer, request: FeedbackRequest) -> bool:
    """May the viewer read the answers others gave to this request (once released)?"""
    if is_receiver(viewer, request):
        return True
    if request.anonymous:
        return False
    # Facilitators of the cohort read named answers; being a site admin adds nothing.
    return access.is_cohort_facilitator(viewer, request.team.cohort)


def is_released(request: FeedbackRequest, submitted_count: int) -> bool:
    if not request.anonymous:
        return True
    return request.is_closed or submitted_count >= RELEASE_THRESHOLD


def shows_reviewers(request: FeedbackRequest, *, is_receiver: bool, can_manage: bool) -> bool:
    """Is the list of reviewers (and which of them answered) shown to this viewer?

    Never for anonymous requests: a list of who answered would name the givers. For named
    requests: the receiving team and the cohort's managers.
    """
    return not request.anonymous and (can_manage or is_receiver)


def shows_answer_count(*, released: bool, is_receiver: bool, can_manage: bool) -> bool:
    """Is the live count of answers shown to this viewer?

    A live count before the release would tell the receiving team when each answer came in; the
    cohort's managers chase reviewers, so they follow it when they are not on the team.
    """
    return released or (can_manage and not is_receiver)


def session_results(answers) -> dict:
    """What a facilitator may see of a session's feedback (`answers`: rating, comment).

    Below SESSION_RESULTS_MINIMUM answers only the count: no average, spread or comment.
    """
    answers = list(answers)
    shown = len(answers) >= SESSION_RESULTS_MINIMUM
    counts = Counter(a.rating for a in answers)
    return {
        "count": len(answers),
        "shown": shown,
        "minimum": SESSION_RESULTS_MINIMUM,
        "average": (sum(a.rating for a in answers) / len(answers)) if shown else None,
        "distribution": [(n, counts[n]) for n in range(5, 0, -1)] if shown else [],
        "comments": [a.comment for a in answers if a.comment] if shown else [],
    }


def answer_counts_as_activity(request: FeedbackRequest, *, submitted_before: int) -> bool:
    """Does an answer arriving now move the reviewing team's "last activity"?

    Not for an anonymous request whose answers were not yet released when it arrived: the
    asking team (whose teammates may be the reviewers) would see its team space move at the
    moment a reviewer answered. After the release each new answer is listed at once anyway.
    """
    return is_released(request, submitted_before)


def can_see_giver(viewer, response: FeedbackResponse, request: FeedbackRequest) -> bool:
    if viewer.is_authenticated and response.giver_id == viewer.pk:
        return True
    return not request.anonymous and can_read_answers(viewer, request)


def giver_label(response: FeedbackResponse, request: FeedbackRequest) -> str | None:
    """The name to put in an email to the receiving side, or None for anonymous requests."""
    return None if request.anonymous else response.giver.name


def view(viewer, response: FeedbackResponse, request: FeedbackRequest) -> ResponseView:
    named = can_see_giver(viewer, response, request)
    own = viewer.is_authenticated and response.giver_id == viewer.pk
    protocol = request.protocol_def
    sections = [(s, response.answers.get(s.key, "")) for s in protocol.reviewer_sections]
    return ResponseView(
        token=response.token,
        answers=dict(response.answers),
        giver_name=response.giver.name if named else None,
        submitted_on=response.submitted_on if (named or own) else None,
        helpful=response.helpful,
        back_feedback=response.back_feedback,
        is_own=own,
        sections=sections,
    )


def visible_responses(viewer, request: FeedbackRequest, responses) -> list[ResponseView]:
    """The submitted responses of `request` the viewer may read, in a non-temporal order.

    `responses` are the request's submitted responses (with `giver` selected), so a page can
    fetch them for many requests in one query.
    """
    submitted = [r for r in responses if r.is_submitted]
    if not can_read_answers(viewer, request):
        own = [r for r in submitted if r.giver_id == viewer.pk]
        return [view(viewer, r, request) for r in own]
    if not is_released(request, len(submitted)):
        return []
    return [view(viewer, r, request) for r in sorted(submitted, key=lambda r: r.token)]


def grouped_by_section(request: FeedbackRequest, views: list[ResponseView]) -> list[dict]:
    """[{section, items: [(ResponseView, text)]}] in protocol order; empty answers skipped."""
    groups = []
    for section in request.protocol_def.reviewer_sections:
        items = [(v, v.answers.get(section.key, "")) for v in views]
        items = [(v, text) for v, text in items if text.strip()]
        groups.append({"section": section, "items": items})
    return groups
