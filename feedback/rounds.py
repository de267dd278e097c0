"""Critical-friend rounds: which team reviews which, by rotation or by hand (writes re-check
the role through cohorts.access)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cohorts import access
from cohorts.models import Cohort, Team
from cohorts.services import team_summary_changed

from .models import Pairing, PairingRound


def rotation(teams: list[Team], offset: int = 1) -> list[tuple[Team, Team]]:
    """(reviewed, reviewer) pairs: team i is reviewed by team i+offset (mod n).

    Every team reviews exactly one other and is reviewed by exactly one other, and never by
    itself, for any offset from 1 to n-1.
    """
    n = len(teams)
    if n < 2:
        raise ValidationError(_("Pairing needs at least two teams in the cohort."))
    offset = (offset - 1) % (n - 1) + 1
    return [(teams[i], teams[(i + offset) % n]) for i in range(n)]


@transaction.atomic
def round_create(
    *, cohort: Cohort, by, name: str, pairs: dict[int, int] | None = None
) -> PairingRound:
    """Pair the cohort's teams for a round: by rotation (pairs=None) or by hand
    (pairs maps reviewed team pk → reviewer team pk)."""
    if not access.can_manage_cohort(by, cohort):
        raise PermissionDenied
    teams = list(Team.objects.filter(cohort=cohort).order_by("name", "pk"))
    by_pk = {t.pk: t for t in teams}
    if pairs is None:
        previous = PairingRound.objects.filter(cohort=cohort).count()
        chosen = rotation(teams, offset=previous + 1)
    else:
        chosen = []
        for reviewed_pk, reviewer_pk in pairs.items():
            if not reviewer_pk:
                continue
            if reviewed_pk not in by_pk or reviewer_pk not in by_pk:
                raise ValidationError(_("Choose teams of this cohort only."))
            if reviewed_pk == reviewer_pk:
                raise ValidationError(
                    _("%(team)s cannot review itself.") % {"team": by_pk[reviewed_pk].name}
                )
            chosen.append((by_pk[reviewed_pk], by_pk[reviewer_pk]))
        if not chosen:
            raise ValidationError(_("Choose a reviewing team for at least one team."))
    round_ = PairingRound.objects.create(cohort=cohort, name=name.strip(), created_by=by)
    Pairing.objects.bulk_create(
        Pairing(round=round_, reviewed_team=reviewed, reviewer_team=reviewer)
        for reviewed, reviewer in chosen
    )
    team_summary_changed(*(reviewed for reviewed, _reviewer in chosen))  # their team spaces
    return round_


def current_pairing_queryset(team: Team):
    """The team's pairings, the current one (latest round that paired it) first."""
    return (
        Pairing.objects.filter(reviewed_team=team)
        .select_related("reviewer_team", "round")
        .order_by("-round__created_on", "-round__pk")
    )


def current_pairing(team: Team) -> Pairing | None:
    """The team reviewing `team` in the cohort's latest round that paired it."""
    return current_pairing_queryset(team).first()
