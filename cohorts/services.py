"""Writes about cohorts, teams and membership. Each re-checks the role and runs atomically.

Feature apps that must react when someone leaves a team (a vote counted again, say) register
a function for the `membership_ended` Wagtail hook: fn(membership=...), called in the same
transaction.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail import hooks

from . import access
from .models import Invitation, Membership, Team
from .notifications import send_invitation, send_invitations

MEMBERSHIP_ENDED = "membership_ended"
# Feature apps whose kept team space panels name another team register fn(team=...) returning
# the pks of the teams whose panels show `team` (feedback: the teams it reviews).
TEAM_NAMED_ON = "team_named_on"


def team_touch(team: Team) -> None:
    """Record activity on a team (feature apps call this when members write something).

    Activity changes what the cohort dashboard shows about the team, so this also counts as
    `team_summary_changed`."""
    Team.objects.filter(pk=team.pk).update(
        last_activity_at=timezone.now(), summary_version=F("summary_version") + 1
    )


def team_summary_changed(*teams) -> None:
    """Something the cohort dashboard shows about these teams (Team objects or pks) changed
    without being team activity (a facilitator's coaching step, an entry deleted, someone
    leaving): the dashboard's cached columns for their cohorts are read afresh. In the
    writer's transaction, so a reader never caches old figures under the new version."""
    pks = {getattr(team, "pk", team) for team in teams if team is not None}
    if pks:
        Team.objects.filter(pk__in=pks).update(summary_version=F("summary_version") + 1)


def team_edited(team: Team) -> None:
    """A team renamed, moved or about to be deleted (the admin): its version moves, and so do
    those of the teams whose pages name it (`TEAM_NAMED_ON`)."""
    pks = {team.pk}
    for fn in hooks.get_hooks(TEAM_NAMED_ON):
        pks.update(fn(team=team))
    team_summary_changed(*pks)


class InvitationAlreadyOpen(ValidationError):
    """The address already has an open invitation to the team: offer to resend it."""

    def __init__(self, invitation: Invitation):
        self.invitation = invitation
        super().__init__(
            {
                "email": _(
                    "%(email)s already has an open invitation to this team. "
                    "You can send it again with a fresh link."
                )
                % {"email": invitation.email}
            }
        )


def _mail_after_commit(invitation: Invitation, request) -> None:
    """The one place an invitation is mailed: queued in this transaction, so the email and
    the invitation are stored together; the outbox sends it after commit, with retries."""
    send_invitation(invitation, request)


@transaction.atomic
def invitation_create(
    *, team: Team, email: str, name: str = "", role: str, invited_by, request
) -> Invitation:
    """Invite someone to a team; the mail (with the link) leaves after commit."""
    if not access.can_manage_team(invited_by, team):
        raise PermissionDenied
    email = email.strip().lower()
    if Membership.objects.current().filter(team=team, user__email__iexact=email).exists():
        raise ValidationError({"email": _("%(email)s is already on this team.") % {"email": email}})
    open_invitation = (
        Invitation.objects.outstanding().filter(team=team, email__iexact=email).first()
    )
    if open_invitation is not None:
        raise InvitationAlreadyOpen(open_invitation)
    # An expired, unaccepted invitation would block the unique constraint: retire it first.
    Invitation.objects.filter(
        team=team, email__iexact=email, accepted_at__isnull=True, revoked_at__isnull=True
    ).update(revoked_at=timezone.now())
    invitation = Invitation(
        team=team, email=email, name=name.strip(), role=role, invited_by=invited_by
    )
    invitation.full_clean()
    invitation.save()
    _mail_after_commit(invitation, request)
    return invitation


def _addresses_among(queryset, field: str, emails) -> set[str]:
    """The addresses in `field` of `queryset` that are among `emails` (lower case; one query)."""
    return set(
        queryset.annotate(address=Lower(field))
        .filter(address__in=emails)
        .values_list("address", flat=True)
    )


@transaction.atomic
def invitations_create_many(
    *, team: Team, rows: list, invited_by, request, good_rows_only: bool = False
) -> list[Invitation]:
    """Invite the people of a bulk list (rows with `email`, `name`, `role`, `error`).

    Rows are checked against each other and against the team's members and open invitations
    with one query each, then every invitation and its email is inserted in bulk, so 500
    people take as many queries as 2. A row that cannot be invited gets its `error`; with any
    error nothing is stored unless `good_rows_only`. Returns the invitations made.
    """
    if not access.can_manage_team(invited_by, team):
        raise PermissionDenied
    emails = {row.email for row in rows if not row.error}
    members = Membership.objects.current().filter(team=team)
    on_team = _addresses_among(members, "user__email", emails)
    open_invitations = _addresses_among(
        Invitation.objects.outstanding().filter(team=team), "email", emails
    )
    seen = set()
    for row in rows:
        if row.error:
            continue
        if row.email in seen:
            row.error = _("This address appears twice in the list.")
        elif row.email in on_team:
            row.error = _("%(email)s is already on this team.") % {"email": row.email}
        elif row.email in open_invitations:
            row.error = _(
                "%(email)s already has an open invitation to this team. "
                "You can send it again with a fresh link."
            ) % {"email": row.email}
        seen.add(row.email)
    if any(row.error for row in rows) and not good_rows_only:
        return []
    good = [row for row in rows if not row.error]
    # Expired, unaccepted invitations would block the unique constraint: retire them first.
    Invitation.objects.filter(
        team=team, accepted_at__isnull=True, revoked_at__isnull=True
    ).annotate(address=Lower("email")).filter(address__in=[row.email for row in good]).update(
        revoked_at=timezone.now()
    )
    invitations = [
        Invitation(team=team, email=row.email, name=row.name.strip(), role=row.role,
                   invited_by=invited_by)
        for row in good
    ]  # fmt: skip
    for invitation, row in zip(invitations, good, strict=True):
        try:
            # Uniqueness was checked above for the whole list at once, and the team and the
            # inviter exist: validating them per row would query per row.
            invitation.full_clean(
                exclude=["team", "invited_by"], validate_unique=False, validate_constraints=False
            )
        except ValidationError as error:
            row.error = " ".join(error.messages)
    if any(row.error for row in good) and not good_rows_only:
        return []
    invitations = Invitation.objects.bulk_create(
        [i for i, row in zip(invitations, good, strict=True) if not row.error], batch_size=500
    )
    send_invitations(invitations, request)
    return invitations


def _lock_open_invitation(invitation: Invitation, by) -> Invitation:
    invitation = Invitation.objects.select_for_update().select_related("team").get(pk=invitation.pk)
    if not access.can_manage_team(by, invitation.team):
        raise PermissionDenied
    if invitation.accepted_at or invitation.revoked_at:
        raise ValidationError(
            _("The invitation to %(email)s can no longer be changed: it was used or revoked.")
            % {"email": invitation.email}
        )
    return invitation


@transaction.atomic
def invitation_resend(*, invitation: Invitation, by, request) -> Invitation:
    """Send an open (or expired) invitation again with a fresh link and a new expiry date.

    The old invitation is revoked, so its link stops working; the new one keeps the team,
    address, name and role.
    """
    old = _lock_open_invitation(invitation, by)
    old.revoked_at = timezone.now()
    old.save(update_fields=["revoked_at"])
    fresh = Invitation(team=old.team, email=old.email, name=old.name, role=old.role, invited_by=by)
    fresh.full_clean()
    fresh.save()
    _mail_after_commit(fresh, request)
    return fresh


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, by) -> Invitation:
    """Withdraw an invitation: its link stops working and it opens signup no more."""
    invitation = _lock_open_invitation(invitation, by)
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    return invitation


def invitation_for_signup(request) -> Invitation | None:
    """The invitation this browser opened, if it can still be used (it then opens signup)."""
    token = request.session.get("invitation_token")
    if not token:
        return None
    return Invitation.objects.outstanding().filter(token=token).first()


def invitation_check(*, invitation: Invitation, user) -> None:
    """Why `user` cannot take this invitation (a ValidationError), or nothing: it is theirs."""
    if invitation.accepted_at:
        raise ValidationError(_("This invitation has already been used."))
    if invitation.revoked_at:
        raise ValidationError(
            _("This invitation was withdrawn. Ask your facilitator for a new one.")
        )
    if invitation.is_expired:
        raise ValidationError(_("This invitation has expired. Ask your facilitator for a new one."))
    if user.email.lower() != invitation.email.lower():
        raise ValidationError(
            _("This invitation was sent to %(email)s. Log in with that address to accept it.")
            % {"email": invitation.email}
        )


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user) -> Membership:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    invitation_check(invitation=invitation, user=user)
    membership, created = Membership.objects.current().get_or_create(
        team=invitation.team, user=user, defaults={"role": invitation.role}
    )
    if user.name == user.email and invitation.name:
        user.display_name = invitation.name
        user.save(update_fields=["display_name"])
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    team_touch(invitation.team)
    access.forget_roles(user)
    return membership


def _check_lead_remains(membership: Membership, new_lead: Membership | None) -> None:
    if membership.role != Membership.Role.LEAD:
        return
    other_leads = (
        Membership.objects.current().leads().filter(team=membership.team).exclude(pk=membership.pk)
    )
    if not other_leads.exists() and new_lead is None:
        raise ValidationError(
            {"new_lead": _("This person is the team's only lead. Choose a new lead first.")}
        )


@transaction.atomic
def membership_end(*, membership: Membership, by, new_lead: Membership | None = None) -> None:
    """Remove someone from a team (their past contributions stay with the team)."""
    if not access.can_manage_team(by, membership.team):
        raise PermissionDenied
    _check_lead_remains(membership, new_lead)
    if new_lead is not None:
        new_lead.role = Membership.Role.LEAD
        new_lead.save(update_fields=["role"])
    membership.left_on = timezone.localdate()
    membership.save(update_fields=["left_on"])
    for fn in hooks.get_hooks(MEMBERSHIP_ENDED):
        fn(membership=membership)
    team_summary_changed(membership.team_id)


@transaction.atomic
def membership_move(
    *, membership: Membership, to_team: Team, by, new_lead: Membership | None = None
) -> Membership:
    if not (access.can_manage_team(by, membership.team) and access.can_manage_team(by, to_team)):
        raise PermissionDenied
    if to_team.pk == membership.team_id:
        raise ValidationError({"to_team": _("Choose a different team.")})
    if Membership.objects.current().filter(team=to_team, user=membership.user).exists():
        raise ValidationError({"to_team": _("This person is already on that team.")})
    membership_end(membership=membership, by=by, new_lead=new_lead)
    team_summary_changed(to_team)
    return Membership.objects.create(
        user=membership.user, team=to_team, role=Membership.Role.MEMBER
    )


@transaction.atomic
def session_delete(*, session, by) -> None:
    """A facilitator removes a session (a duplicate, say); its session feedback goes with it."""
    if not access.can_manage_cohort(by, session.cohort):
        raise PermissionDenied
    session.delete()
