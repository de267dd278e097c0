"""Writes about feedback. Each function re-checks the role through cohorts.access and runs in
one transaction; emails go out only after the transaction commits."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cohorts import access
from cohorts.artifacts import artifact_snapshot
from cohorts.models import Cohort, CohortSession, Membership, Team
from cohorts.services import team_summary_changed, team_touch

from . import anonymity, notifications, protocols
from .models import (
    Assignment,
    FeedbackRequest,
    FeedbackResponse,
    SessionFeedback,
    SessionFeedbackMarker,
    can_answer_session,
    in_cohort,
)

# Rounds and the daily jobs live in their own modules; their names stay importable from here.
from .reminders import REMINDER_WINDOW_DAYS, releases_announce, reminders_due, reminders_send
from .rounds import current_pairing, current_pairing_queryset, rotation, round_create

__all__ = [  # the app's writes, wherever they live
    "REMINDER_WINDOW_DAYS",
    "assignment_reassign",
    "can_close",
    "clean_answers",
    "current_pairing",
    "current_pairing_queryset",
    "releases_announce",
    "reminders_due",
    "reminders_send",
    "request_close",
    "request_create",
    "request_take",
    "response_mark_helpful",
    "response_save",
    "response_write_back",
    "rotation",
    "round_create",
    "session_feedback_submit",
]

ANSWER_MAX_CHARS = 4000


def _team_of_in_cohort(user, cohort: Cohort) -> Team | None:
    membership = (
        access.current_memberships(user).filter(team__cohort=cohort).select_related("team").first()
    )
    return membership.team if membership else None


# --- asking ---------------------------------------------------------------------------------


@transaction.atomic
def request_create(
    *,
    team: Team,
    requested_by,
    artifact_title: str,
    focusing_question: str,
    protocol: str,
    due_on: datetime.date,
    anonymous: bool = False,
    artifact_url: str = "",
    artifact_file=None,
    artifact_key: str = "",
    reviewers: Iterable = (),
    reviewer_team: Team | None = None,
) -> FeedbackRequest:
    if not access.is_team_member(requested_by, team):
        raise PermissionDenied
    if protocol not in protocols.PROTOCOLS:
        raise ValidationError({"protocol": _("Choose one of the listed protocols.")})
    reviewers = list(reviewers)
    errors = {}
    if any(r.pk == requested_by.pk for r in reviewers):
        errors["reviewers"] = _("You cannot ask yourself for feedback. Choose someone else.")
    if reviewer_team is not None:
        if reviewer_team.pk == team.pk:
            errors["reviewer_team"] = _(
                "Your own team cannot be the reviewing team: choose teammates instead."
            )
        elif reviewer_team.cohort_id != team.cohort_id:
            errors["reviewer_team"] = _("Choose a team of your cohort.")
    for reviewer in reviewers:
        if not (reviewer.is_active and in_cohort(reviewer, team.cohort)):
            errors["reviewers"] = _(
                "%(name)s is not in your cohort. Choose reviewers from your cohort."
            ) % {"name": reviewer.name}
    if not reviewers and reviewer_team is None:
        errors["reviewers"] = _("Choose teammates or another team of your cohort to review.")
    if due_on < timezone.localdate():
        errors["due_on"] = _("The due date is in the past.")
    # The snapshot is taken now, as the request is sent: later edits do not change it.
    snapshot = (
        artifact_snapshot(team=team, user=requested_by, key=artifact_key) if artifact_key else None
    )
    if artifact_key and snapshot is None:
        errors["artifact"] = _("Choose one of your team's project pages listed.")
    if errors:
        raise ValidationError(errors)

    # The team each chosen reviewer gives feedback for: their own team in this cohort.
    their_team: dict[int, Team] = {}
    for membership in (
        Membership.objects.current()
        .filter(user__in=reviewers, team__cohort=team.cohort)
        .select_related("team")
        .order_by("pk")
    ):
        if their_team.get(membership.user_id) != team:
            their_team[membership.user_id] = membership.team
    people: dict[int, tuple] = {r.pk: (r, their_team.get(r.pk)) for r in reviewers}
    if reviewer_team is not None:
        for membership in (
            Membership.objects.current().filter(team=reviewer_team).select_related("user")
        ):
            if membership.user_id != requested_by.pk and membership.user.is_active:
                people.setdefault(membership.user_id, (membership.user, reviewer_team))
        if len(people) == len(reviewers):
            raise ValidationError({"reviewer_team": _("That team has nobody on it yet.")})
    if anonymous and len(people) < anonymity.RELEASE_THRESHOLD:
        raise ValidationError(
            {
                "anonymous": _(
                    "An anonymous request needs at least %(n)s reviewers, or the one answer "
                    "would give its writer away."
                )
                % {"n": anonymity.RELEASE_THRESHOLD}
            }
        )
    request = FeedbackRequest(
        team=team,
        requested_by=requested_by,
        artifact_title=artifact_title.strip(),
        artifact_url=artifact_url.strip(),
        artifact_key=artifact_key,
        artifact_snapshot=snapshot,
        focusing_question=focusing_question.strip(),
        protocol=protocol,
        anonymous=anonymous,
        due_on=due_on,
        reviewer_team=reviewer_team,
    )
    if artifact_file:
        request.artifact_file = artifact_file
    if reviewer_team is not None:
        pairing = current_pairing(team)
        if pairing and pairing.reviewer_team_id == reviewer_team.pk:
            request.round = pairing.round
    request.full_clean()
    request.save()
    assigned = [
        Assignment(request=request, reviewer=person, reviewer_team=person_team)
        for person, person_team in people.values()
    ]
    assignments = Assignment.objects.bulk_create(assigned)
    team_touch(team)
    notifications.request_created(request, [a.reviewer for a in assignments])
    return request


@transaction.atomic
def can_close(*, request: FeedbackRequest, by) -> bool:
    """The requester, while still on the team, and the cohort's managers may close a request."""
    return (
        request.requested_by_id == by.pk and access.is_team_member(by, request.team)
    ) or access.can_manage_cohort(by, request.team.cohort)


def request_close(*, request: FeedbackRequest, by) -> None:
    request = (
        FeedbackRequest.objects.select_for_update()
        .select_related("team__cohort")
        .get(pk=request.pk)
    )
    if not can_close(request=request, by=by):
        raise PermissionDenied
    if request.is_closed:
        return
    request.closed_on = timezone.localdate()
    count = _submitted_count(request)
    if request.anonymous and count and not request.release_announced:
        request.release_announced = True
        notifications.responses_released(request, count)
    request.save(update_fields=["closed_on", "release_announced"])
    team_summary_changed(request.team)  # no longer overdue


def _submitted_count(request: FeedbackRequest) -> int:
    return request.responses.filter(status=FeedbackResponse.Status.SUBMITTED).count()


# --- giving ---------------------------------------------------------------------------------


def clean_answers(request: FeedbackRequest, answers: dict) -> dict:
    keys = [s.key for s in request.protocol_def.reviewer_sections]
    cleaned = {key: (answers.get(key) or "").strip() for key in keys}
    for key, text in cleaned.items():
        if len(text) > ANSWER_MAX_CHARS:
            raise ValidationError(
                {key: _("At most %(n)s characters in each section.") % {"n": ANSWER_MAX_CHARS}}
            )
    return cleaned


@transaction.atomic
def response_save(
    *, request: FeedbackRequest, giver, answers: dict, submit: bool
) -> FeedbackResponse:
    """Save the giver's draft, or submit it. Refused (with the text left untouched in the
    form) when the request is closed, was reassigned, or was already answered."""
    request = (
        FeedbackRequest.objects.select_for_update()
        .select_related("team__cohort")
        .get(pk=request.pk)
    )
    assignment = Assignment.objects.filter(request=request, reviewer=giver).order_by("-pk").first()
    if assignment is None or not giver.is_active:
        raise PermissionDenied
    if assignment.status != Assignment.Status.ACTIVE:
        raise ValidationError(
            _(
                "This request was passed to another reviewer, so your answer cannot be sent. "
                "Your text is still below: copy it if you want to keep it."
            )
        )
    if request.is_closed:
        raise ValidationError(
            _(
                "This request was closed, so answers are no longer accepted. Your text is "
                "still below: copy it if you want to keep it."
            )
        )
    cleaned = clean_answers(request, answers)
    response = FeedbackResponse.objects.filter(request=request, giver=giver).first()
    if response is not None and response.is_submitted:
        raise ValidationError(
            _("You have already answered this request; a second answer is not possible.")
        )
    if submit and not any(cleaned.values()):
        raise ValidationError(
            _("Write something in at least one section before you send your feedback.")
        )
    submitted_before = _submitted_count(request) if submit else 0
    if response is None:
        response = FeedbackResponse(request=request, giver=giver)
    response.answers = cleaned
    if submit:
        response.status = FeedbackResponse.Status.SUBMITTED
        response.submitted_on = timezone.localdate()
    try:
        with transaction.atomic():
            response.save()
    except IntegrityError as error:  # a second tab saved first
        raise ValidationError(
            _("You have already answered this request; a second answer is not possible.")
        ) from error
    if submit:
        counts = anonymity.answer_counts_as_activity(request, submitted_before=submitted_before)
        if assignment.reviewer_team_id and counts:
            team_touch(assignment.reviewer_team)
        # Given, received and overdue on the cohort dashboard.
        team_summary_changed(request.team_id, assignment.reviewer_team_id)
        if not request.anonymous:
            notifications.response_received(request, response)
        # Anonymous: the daily run announces the release (see notifications.py).
    return response


# --- receiving ------------------------------------------------------------------------------


def _check_receiver(by, response: FeedbackResponse) -> FeedbackRequest:
    request = response.request
    if request.requested_by_id != by.pk or not access.is_team_member(by, request.team):
        raise PermissionDenied
    if not response.is_submitted:
        raise PermissionDenied
    count = _submitted_count(request)
    if not anonymity.is_released(request, count):
        raise PermissionDenied
    return request


@transaction.atomic
def response_mark_helpful(*, response: FeedbackResponse, by, helpful: bool = True) -> None:
    response = (
        FeedbackResponse.objects.select_for_update()
        .select_related("request__team")
        .get(pk=response.pk)
    )
    _check_receiver(by, response)
    response.helpful = helpful
    response.save(update_fields=["helpful"])


@transaction.atomic
def response_write_back(*, response: FeedbackResponse, by, text: str) -> None:
    response = (
        FeedbackResponse.objects.select_for_update()
        .select_related("request__team")
        .get(pk=response.pk)
    )
    _check_receiver(by, response)
    text = text.strip()
    if not text:
        raise ValidationError({"back_feedback": _("Write what you will do with this feedback.")})
    if len(text) > ANSWER_MAX_CHARS:
        raise ValidationError(
            {"back_feedback": _("At most %(n)s characters.") % {"n": ANSWER_MAX_CHARS}}
        )
    response.back_feedback = text
    response.back_feedback_on = timezone.localdate()
    response.save(update_fields=["back_feedback", "back_feedback_on"])
    notifications.back_feedback_written(response)


# --- facilitators ---------------------------------------------------------------------------


@transaction.atomic
def assignment_reassign(*, assignment: Assignment, by, reviewer) -> Assignment:
    assignment = (
        Assignment.objects.select_for_update()
        .select_related("request__team__cohort")
        .get(pk=assignment.pk)
    )
    request = assignment.request
    cohort = request.team.cohort
    if not access.can_manage_cohort(by, cohort):
        raise PermissionDenied
    if assignment.status != Assignment.Status.ACTIVE:
        raise ValidationError(_("This reviewer was already replaced."))
    if request.is_closed:
        raise ValidationError(_("This request is closed."))
    if reviewer.pk == request.requested_by_id:
        raise ValidationError({"reviewer": _("The person who asked cannot review their own work.")})
    if not (reviewer.is_active and in_cohort(reviewer, cohort)):
        raise ValidationError({"reviewer": _("Choose someone in this cohort.")})
    if Assignment.objects.active().filter(request=request, reviewer=reviewer).exists():
        raise ValidationError({"reviewer": _("That person is already reviewing this request.")})
    assignment.status = Assignment.Status.REASSIGNED
    assignment.save(update_fields=["status"])
    new = Assignment.objects.create(
        request=request, reviewer=reviewer, reviewer_team=_team_of_in_cohort(reviewer, cohort)
    )
    notifications.request_created(request, [reviewer])
    team_summary_changed(request.team_id, assignment.reviewer_team_id, new.reviewer_team_id)
    return new


@transaction.atomic
def request_take(*, request: FeedbackRequest, by) -> Assignment:
    """A facilitator answers an overdue request themself."""
    request = (
        FeedbackRequest.objects.select_for_update()
        .select_related("team__cohort")
        .get(pk=request.pk)
    )
    if not access.can_manage_cohort(by, request.team.cohort):
        raise PermissionDenied
    if request.is_closed:
        raise ValidationError(_("This request is closed."))
    if request.requested_by_id == by.pk:
        raise ValidationError(_("You cannot review your own request."))
    existing = Assignment.objects.active().filter(request=request, reviewer=by).first()
    if existing:
        return existing
    team_summary_changed(request.team_id)  # a reviewer more to wait for
    return Assignment.objects.create(request=request, reviewer=by)


# --- session feedback -----------------------------------------------------------------------


@transaction.atomic
def session_feedback_submit(*, session: CohortSession, user, rating: int, comment: str = ""):
    if not can_answer_session(user, session):
        raise PermissionDenied
    try:
        with transaction.atomic():
            SessionFeedbackMarker.objects.create(session=session, user=user)
    except IntegrityError as error:
        raise ValidationError(_("You have already given feedback on this session.")) from error
    feedback = SessionFeedback(session=session, rating=rating, comment=comment.strip())
    feedback.full_clean()
    feedback.save()
    return feedback
