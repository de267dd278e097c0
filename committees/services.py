"""Writes about equity advisory committees; each re-checks the role and runs atomically."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from cohorts.services import team_summary_changed
from notifications.outbox import queue_email

from .models import Committee, CommitteeInvitation, CommitteeMember, Meeting, Recommendation


@transaction.atomic
def charter_save(
    *, team, by, name: str, purpose: str, decision_making: str, meeting_norms: str
) -> Committee:
    """Create the team's committee or change its charter (team leads and facilitators)."""
    committee = Committee.objects.filter(team=team).first() or Committee(team=team)
    if not committee.can_steward(by):
        raise PermissionDenied
    committee.name, committee.purpose = name, purpose
    committee.decision_making, committee.meeting_norms = decision_making, meeting_norms
    committee.save()
    team_summary_changed(team)  # the team space's committee panel names it
    return committee


@transaction.atomic
def meeting_record(
    *, committee, by, held_on, agenda: str, attendees, notes: str, decisions: str
) -> Meeting:
    if not committee.can_contribute(by):
        raise PermissionDenied
    meeting = Meeting.objects.create(
        committee=committee,
        held_on=held_on,
        agenda=agenda,
        notes=notes,
        decisions=decisions,
        recorded_by=by,
    )
    meeting.attendees.set(attendees)
    return meeting


@transaction.atomic
def recommendation_send(*, committee, by, title: str, rationale: str) -> Recommendation:
    if not committee.can_contribute(by):
        raise PermissionDenied
    recommendation = Recommendation.objects.create(
        committee=committee, title=title, rationale=rationale, sent_by=by
    )
    team_summary_changed(committee.team_id)  # one more waits for an answer (team space)
    return recommendation


@transaction.atomic
def recommendation_answer(*, recommendation, by, status: str, response: str) -> Recommendation:
    """The equity team's answer, which the whole committee reads."""
    if not recommendation.committee.can_steward(by):
        raise PermissionDenied
    recommendation.status, recommendation.response = status, response
    recommendation.responded_by, recommendation.responded_at = by, timezone.now()
    recommendation.save()
    team_summary_changed(recommendation.committee.team_id)  # the team space's open count
    return recommendation


@transaction.atomic
def committee_invite(*, committee, by, email: str, name: str, seat: str, request):
    """Invite a family, student, community or staff member; the link is mailed after commit."""
    if not committee.can_steward(by):
        raise PermissionDenied
    email = email.strip().lower()
    if committee.members.filter(user__email__iexact=email, left_on__isnull=True).exists():
        raise ValidationError({"email": _("%(email)s already has a seat.") % {"email": email}})
    invitation = CommitteeInvitation.objects.create(
        committee=committee, email=email, name=name.strip(), seat=seat, invited_by=by
    )
    link = request.build_absolute_uri(invitation_url(invitation))
    queue_email(
        to=email,
        subject=_("You are invited to join %(name)s") % {"name": committee.name},
        body=render_to_string(
            "committees/email/invitation.txt", {"committee": committee, "link": link}
        ),
        key=f"committee-invitation-{invitation.pk}",
        topic=f"committee-invitation:{invitation.pk}",
    )
    return invitation


SESSION_KEY = "committee_invitation_token"


def invitation_for_signup(request) -> CommitteeInvitation | None:
    """The committee invitation this browser opened, if it can still be used."""
    token = request.session.get(SESSION_KEY)
    if not token:
        return None
    invitation = CommitteeInvitation.objects.filter(token=token).first()
    return invitation if invitation is not None and invitation.is_usable else None


def invitation_url(invitation) -> str:
    from django.urls import reverse

    return reverse("committees:join", args=[invitation.token])


@transaction.atomic
def committee_join(*, invitation, user) -> CommitteeMember:
    invitation = CommitteeInvitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_usable:
        raise ValidationError(_("This invitation has been used or has expired."))
    if user.email.lower() != invitation.email.lower():
        raise ValidationError(
            _("This invitation was sent to %(email)s. Log in with that address to accept it.")
            % {"email": invitation.email}
        )
    member, _created = CommitteeMember.objects.get_or_create(
        committee=invitation.committee,
        user=user,
        left_on=None,
        defaults={"seat": invitation.seat},
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return member
