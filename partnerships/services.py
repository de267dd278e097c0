"""Turning a partnership proposal into a partner organization, a team and invitations."""

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cohorts import access
from cohorts.models import Organization, Team
from cohorts.services import invitation_create

from .models import Conversion, Proposal

EMAIL = re.compile(r"[^\s,;<>]+@[^\s,;<>]+\.[^\s,;<>]+")


def proposal_people(proposal: Proposal) -> tuple[list[str], list[str]]:
    """The people a proposal names, as `email, name, role` lines ready to invite, and the
    lines that name someone without an email address (the facilitator asks for it).

    The contact person comes first, as the team's lead; the team list follows, one person a
    line ("name, email, role" in any order; "lead" marks a lead, anything else a member).
    """
    lines, without_email, seen = [], [], set()
    if proposal.contact_email:
        seen.add(proposal.contact_email.lower())
        lines.append(f"{proposal.contact_email.lower()}, {proposal.contact_name}, lead")
    for raw in proposal.team_members.splitlines():
        parts = [part.strip() for part in raw.split(",") if part.strip()]
        if not parts:
            continue
        email = next((p for p in parts if EMAIL.fullmatch(p)), "")
        if not email:
            without_email.append(raw.strip())
            continue
        if email.lower() in seen:
            continue
        seen.add(email.lower())
        name = next((p for p in parts if p != email), "")
        role = "lead" if any(p.lower() == "lead" for p in parts) else "member"
        lines.append(f"{email.lower()}, {name}, {role}")
    return lines, without_email


@transaction.atomic
def proposal_convert(
    *,
    proposal: Proposal,
    cohort,
    organization: Organization | None,
    new_organization: dict | None,
    team_name: str,
    team_slug: str,
    team_kind: str,
    people: list,
    by,
    request,
) -> Conversion:
    """In one transaction: the partner organization (chosen or new), the team in the cohort,
    an invitation to each person (the same rules and email as any invitation) and the record
    of what the proposal became. Anything refused leaves nothing behind.

    `new_organization` is {"name", "cds_code", "kind", "parent"}; `people` are rows with
    `email`, `name` and `role`.
    """
    if not access.can_manage_cohort(by, cohort):
        raise PermissionDenied
    # Two facilitators confirming the same proposal at once: the second waits, then is told.
    locked = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if Conversion.objects.filter(proposal_id=locked.pk).exists():
        raise ValidationError(_("This proposal has already been turned into a team."))
    created = organization is None
    if created:
        organization = Organization(**new_organization)
        organization.full_clean()
        organization.save()
    team = Team(
        cohort=cohort,
        organization=organization,
        name=team_name,
        slug=team_slug,
        kind=team_kind,
    )
    team.full_clean()
    team.save()
    invitations = [
        invitation_create(
            team=team,
            email=person.email,
            name=person.name,
            role=person.role,
            invited_by=by,
            request=request,
        )
        for person in people
    ]
    conversion = Conversion.objects.create(
        proposal_id=locked.pk,
        organization=organization,
        organization_created=created,
        team=team,
        converted_by=by,
    )
    conversion.invitations.set(invitations)
    return conversion
