"""Writes for norms, votes, check-ins and identity statements.

Each function is keyword-only, re-checks the person's role through `cohorts.access` and runs
inside `transaction.atomic()`.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from cohorts import access
from cohorts.models import Membership, Team
from cohorts.services import team_summary_changed, team_touch

from .models import (
    CheckIn,
    Condition,
    Endorsement,
    IdentityStatement,
    Norm,
    NormSet,
    Rating,
    StatementComment,
    Vote,
)
from .templates_data import norm_template


class StaleEdit(Exception):  # noqa: N818  (not an error: a conflict to show the user)
    """Someone saved this text since the person opened it; nothing was written."""

    def __init__(self, current):
        super().__init__("stale edit")
        self.current = current


def _require_member(user, team: Team) -> None:
    if not access.is_team_member(user, team):
        raise PermissionDenied


def _require_draft(norm_set: NormSet) -> None:
    """Re-read the set's status under a row lock: the caller's copy may be out of date."""
    status = (
        NormSet.objects.select_for_update().filter(pk=norm_set.pk).values_list("status", flat=True)
    )
    if list(status) != [NormSet.Status.DRAFT]:
        raise ValidationError(_("This version is no longer a draft; start a revision instead."))


def _clean_text(value: str, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: message})
    return value


def current_member_ids(team: Team) -> set[int]:
    return set(Membership.objects.current().filter(team=team).values_list("user_id", flat=True))


# ---------------------------------------------------------------------------
# Drafting: conditions and norms
# ---------------------------------------------------------------------------


@transaction.atomic
def condition_add(*, team: Team, user, text: str) -> Condition:
    _require_member(user, team)
    text = _clean_text(text, "text", _("Write the condition you need, or leave this page."))
    condition = Condition(team=team, author=user, text=text)
    condition.full_clean()
    condition.save()
    team_touch(team)
    return condition


@transaction.atomic
def condition_group(*, condition: Condition, user, group_label: str) -> Condition:
    _require_member(user, condition.team)
    condition.group_label = (group_label or "").strip()
    condition.full_clean()
    condition.save(update_fields=["group_label"])
    return condition


@transaction.atomic
def draft_start(*, team: Team, user) -> NormSet:
    """Start a draft; a revision copies the norms of the ratified version."""
    _require_member(user, team)
    # Lock the team row so two people starting a draft at once make one draft.
    Team.objects.select_for_update().filter(pk=team.pk).first()
    existing = NormSet.objects.open().filter(team=team).first()
    if existing is not None:
        return existing
    current = NormSet.objects.filter(team=team, status=NormSet.Status.RATIFIED).first()
    number = (NormSet.objects.filter(team=team).aggregate(n=Max("number"))["n"] or 0) + 1
    draft = NormSet.objects.create(team=team, number=number, based_on=current, created_by=user)
    if current is not None:
        Norm.objects.bulk_create(
            Norm(
                norm_set=draft,
                statement=norm.statement,
                in_practice=norm.in_practice,
                position=norm.position,
                lineage=norm.lineage,
            )
            for norm in current.norms.all()
        )
    team_touch(team)
    return draft


def _next_position(norm_set: NormSet) -> int:
    return (norm_set.norms.aggregate(p=Max("position"))["p"] or 0) + 1


@transaction.atomic
def template_apply(*, norm_set: NormSet, user, slug: str) -> list[Norm]:
    _require_member(user, norm_set.team)
    _require_draft(norm_set)
    template = norm_template(slug)
    if template is None:
        raise ValidationError({"template": _("Choose one of the starting templates.")})
    existing = set(norm_set.norms.values_list("statement", flat=True))
    position = _next_position(norm_set)
    added = []
    for statement, in_practice in template["norms"]:
        if statement in existing:
            continue
        added.append(
            Norm(norm_set=norm_set, statement=statement, in_practice=in_practice, position=position)
        )
        position += 1
    Norm.objects.bulk_create(added)
    team_touch(norm_set.team)
    return added


@transaction.atomic
def norm_add(*, norm_set: NormSet, user, statement: str, in_practice: str = "") -> Norm:
    _require_member(user, norm_set.team)
    _require_draft(norm_set)
    statement = _clean_text(statement, "statement", _("Write the norm in a few words."))
    norm = Norm(
        norm_set=norm_set,
        statement=statement,
        in_practice=(in_practice or "").strip(),
        position=_next_position(norm_set),
    )
    norm.full_clean()
    norm.save()
    team_touch(norm_set.team)
    return norm


@transaction.atomic
def norm_update(*, norm: Norm, user, statement: str, in_practice: str, revision: int) -> Norm:
    """Save only if nobody saved since `revision`; otherwise raise StaleEdit with their text."""
    _require_member(user, norm.norm_set.team)
    _require_draft(norm.norm_set)
    statement = _clean_text(statement, "statement", _("Write the norm in a few words."))
    if len(statement) > 200:
        raise ValidationError({"statement": _("Keep the norm under 200 characters.")})
    updated = Norm.objects.filter(pk=norm.pk, revision=revision).update(
        statement=statement, in_practice=(in_practice or "").strip(), revision=revision + 1
    )
    fresh = Norm.objects.filter(pk=norm.pk).first()
    if fresh is None:
        raise ValidationError(_("Someone removed this norm from the draft."))
    if not updated:
        raise StaleEdit(fresh)
    team_touch(norm.norm_set.team)
    return fresh


@transaction.atomic
def norm_delete(*, norm: Norm, user) -> None:
    _require_member(user, norm.norm_set.team)
    _require_draft(norm.norm_set)
    norm.delete()


# ---------------------------------------------------------------------------
# Ratification
# ---------------------------------------------------------------------------


@transaction.atomic
def norm_set_propose(*, norm_set: NormSet, user) -> NormSet:
    if not access.is_team_lead(user, norm_set.team):
        raise PermissionDenied
    norm_set = NormSet.objects.select_for_update().get(pk=norm_set.pk)
    _require_draft(norm_set)
    if not norm_set.norms.exists():
        raise ValidationError(_("Write at least one norm before proposing the set."))
    norm_set.status = NormSet.Status.VOTING
    norm_set.proposed_by = user
    norm_set.proposed_at = timezone.now()
    norm_set.save(update_fields=["status", "proposed_by", "proposed_at"])
    team_touch(norm_set.team)
    _notify_vote_opened(norm_set, proposer=user)
    return norm_set


def _notify_vote_opened(norm_set: NormSet, *, proposer) -> None:
    from django.urls import reverse

    from notifications.emails import recipient_locale
    from notifications.models import Kind
    from notifications.services import notify

    url = reverse("norms:index", args=[norm_set.team.slug])
    for membership in (
        Membership.objects.current()
        .filter(team=norm_set.team)
        .exclude(user=proposer)
        .select_related("user")
    ):
        zone = norm_set.team.cohort.time_zone
        with recipient_locale(membership.user, time_zone=zone):
            notify(
                user=membership.user,
                kind=Kind.NORMS_PROPOSED,
                title=_("%(name)s proposed norms for %(team)s: please vote")
                % {"name": proposer.name, "team": norm_set.team.name},
                url=url,
                actor=proposer,
                time_zone=zone,
            )


def _ratify(norm_set: NormSet) -> None:
    now = timezone.now()
    NormSet.objects.filter(team_id=norm_set.team_id, status=NormSet.Status.RATIFIED).update(
        status=NormSet.Status.SUPERSEDED, superseded_at=now
    )
    norm_set.status = NormSet.Status.RATIFIED
    norm_set.ratified_at = now
    norm_set.save(update_fields=["status", "ratified_at", "closed_by", "close_reason"])
    team_summary_changed(norm_set.team_id)


@transaction.atomic
def norm_set_evaluate(norm_set: NormSet) -> bool:
    """Ratify a set under vote once every current member agrees or can live with it."""
    norm_set = NormSet.objects.select_for_update().get(pk=norm_set.pk)
    if norm_set.status != NormSet.Status.VOTING:
        return norm_set.status == NormSet.Status.RATIFIED
    tally = norm_set.tally(norm_set.votes.all(), current_member_ids(norm_set.team))
    if tally["ratifies"]:
        _ratify(norm_set)
        return True
    return False


@transaction.atomic
def vote_cast(*, norm_set: NormSet, user, choice: str, reason: str = "") -> tuple[Vote, bool]:
    """Record or change a vote; returns (vote, changed) where changed means it replaced one."""
    if not access.is_team_member(user, norm_set.team):
        raise PermissionDenied
    norm_set = NormSet.objects.select_for_update().get(pk=norm_set.pk)
    if norm_set.status == NormSet.Status.SUPERSEDED:
        raise ValidationError(
            _("This version has been replaced by a newer one; it takes no votes.")
        )
    if norm_set.status != NormSet.Status.VOTING:
        raise ValidationError(_("This version is not open for votes."))
    if choice not in Vote.Choice.values:
        raise ValidationError({"choice": _("Choose one of the three answers.")})
    reason = (reason or "").strip()
    if choice == Vote.Choice.CANNOT and not reason:
        raise ValidationError(
            {"reason": _("Say why you cannot agree, so the team can talk about it.")}
        )
    existing = Vote.objects.filter(norm_set=norm_set, user=user).first()
    if existing is not None:
        existing.choice, existing.reason, existing.updated_at = choice, reason, timezone.now()
        existing.save(update_fields=["choice", "reason", "updated_at"])
        vote, changed = existing, True
    else:
        try:
            with transaction.atomic():
                vote = Vote.objects.create(
                    norm_set=norm_set, user=user, choice=choice, reason=reason
                )
        except IntegrityError as error:
            raise ValidationError(_("You have already voted on this version.")) from error
        changed = False
    norm_set_evaluate(norm_set)
    team_touch(norm_set.team)
    return vote, changed


@transaction.atomic
def norm_set_close(*, norm_set: NormSet, user, reason: str) -> NormSet:
    """A facilitator closes a stalled vote: ratified if nobody objects, otherwise back to draft."""
    if not access.can_manage_team(user, norm_set.team):
        raise PermissionDenied
    reason = _clean_text(reason, "reason", _("Record why you are closing the vote."))
    norm_set = NormSet.objects.select_for_update().get(pk=norm_set.pk)
    if norm_set.status != NormSet.Status.VOTING:
        raise ValidationError(_("This version is not open for votes."))
    tally = norm_set.tally(norm_set.votes.all(), current_member_ids(norm_set.team))
    norm_set.closed_by = user
    norm_set.close_reason = reason
    if tally["objections"]:
        norm_set.status = NormSet.Status.DRAFT
        norm_set.save(update_fields=["status", "closed_by", "close_reason"])
        team_summary_changed(norm_set.team_id)
    else:
        _ratify(norm_set)
    return norm_set


# ---------------------------------------------------------------------------
# Check-ins
# ---------------------------------------------------------------------------


@transaction.atomic
def check_in_record(
    *,
    team: Team,
    user,
    met_on: datetime.date,
    ratings: dict[int, int],
    hard_norm_id: int | None = None,
) -> CheckIn:
    """Rate each ratified norm 1-4 for one meeting; a second check-in for the date replaces it."""
    _require_member(user, team)
    norm_set = NormSet.objects.filter(team=team, status=NormSet.Status.RATIFIED).first()
    if norm_set is None:
        raise ValidationError(_("Check-ins start once the team has ratified its norms."))
    if met_on > timezone.localdate():
        raise ValidationError({"met_on": _("The meeting date cannot be in the future.")})
    norm_ids = list(norm_set.norms.values_list("pk", flat=True))
    errors = {}
    for norm_id in norm_ids:
        value = ratings.get(norm_id)
        if value not in (1, 2, 3, 4):
            errors[f"norm_{norm_id}"] = _("Rate this norm from 1 to 4.")
    if set(ratings) - set(norm_ids):
        errors["__all__"] = _("Rate only the norms of the current version.")
    if hard_norm_id is not None and hard_norm_id not in norm_ids:
        errors["hard_norm"] = _("Choose one of the current norms.")
    if errors:
        raise ValidationError(errors)
    check_in, _created = CheckIn.objects.update_or_create(
        norm_set=norm_set,
        user=user,
        met_on=met_on,
        defaults={"team": team, "hard_norm_id": hard_norm_id},
    )
    check_in.ratings.all().delete()
    Rating.objects.bulk_create(
        Rating(check_in=check_in, norm_id=norm_id, value=ratings[norm_id]) for norm_id in norm_ids
    )
    team_touch(team)
    return check_in


# ---------------------------------------------------------------------------
# Collective identity statement
# ---------------------------------------------------------------------------


@transaction.atomic
def statement_save(
    *,
    team: Team,
    user,
    who_we_are: str,
    why_we_do_this_work: str,
    what_we_commit_to: str,
    based_on_number: int,
) -> IdentityStatement:
    """Save a new version; raise StaleEdit if someone saved a newer one since `based_on_number`."""
    _require_member(user, team)
    Team.objects.select_for_update().filter(pk=team.pk).first()
    latest = IdentityStatement.objects.filter(team=team).first()
    latest_number = latest.number if latest else 0
    if based_on_number != latest_number:
        raise StaleEdit(latest)
    statement = IdentityStatement(
        team=team,
        number=latest_number + 1,
        who_we_are=(who_we_are or "").strip(),
        why_we_do_this_work=(why_we_do_this_work or "").strip(),
        what_we_commit_to=(what_we_commit_to or "").strip(),
        author=user,
    )
    statement.full_clean()
    statement.save()
    team_touch(team)
    return statement


@transaction.atomic
def statement_endorse(*, statement: IdentityStatement, user) -> Endorsement:
    _require_member(user, statement.team)
    latest = IdentityStatement.objects.filter(team_id=statement.team_id).first()
    if latest is None or latest.pk != statement.pk:
        raise ValidationError(_("Only the current version can be endorsed."))
    endorsement, created = Endorsement.objects.get_or_create(statement=statement, user=user)
    if created:
        team_summary_changed(statement.team_id)
    return endorsement


@transaction.atomic
def statement_comment(*, statement: IdentityStatement, user, body: str) -> StatementComment:
    _require_member(user, statement.team)
    body = _clean_text(body, "body", _("Write your comment first."))
    comment = StatementComment(statement=statement, author=user, body=body)
    comment.full_clean()
    comment.save()
    team_touch(statement.team)
    return comment
