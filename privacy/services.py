"""Exports and erasures driven by the registry; every one writes an audit record."""

import json
import tempfile
import zipfile
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from accounts.roles import is_site_admin
from cohorts import access
from cohorts.models import Membership
from cohorts.services import team_summary_changed

from .models import AuditRecord, pseudonym
from .registry import Erase, registry

FORMER_MEMBER = "Former member"


class _Encoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, Decimal):
            return float(o)
        return super().default(o)


def person_data(user) -> dict:
    """Everything the registry knows about this person, and nothing about anyone else."""
    sections = {
        "profile": {
            "email": user.email,
            "display_name": user.display_name,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "pronouns": user.pronouns,
            "preferred_language": user.preferred_language,
            "date_joined": user.date_joined,
        }
    }
    for declaration in registry.personal():
        rows = list(declaration.rows_for(user).values(*declaration.export_fields))
        if rows:
            sections[declaration.label] = rows
    return sections


def _zip_of(files: dict[str, str]):
    """A zip on disk (spooled), so a large export is not held in memory."""
    spool = tempfile.SpooledTemporaryFile(max_size=5 * 1024 * 1024)  # noqa: SIM115 (returned open)
    with zipfile.ZipFile(spool, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    spool.seek(0)
    return spool


def _audit(action, actor, subject, counts, *, actor_label=""):
    AuditRecord.objects.create(
        action=action,
        actor=actor,
        actor_label=actor_label or (pseudonym(actor) if actor else "system"),
        subject=subject,
        counts=counts,
    )


def person_export(*, user, actor):
    """A zip with data.json and a readable data.html; returns an open file.

    Only the person takes their own data: nobody, not even a site admin, downloads it for them.
    """
    if not (actor.is_authenticated and actor.is_active and actor.pk == user.pk):
        raise PermissionDenied
    data = person_data(user)
    counts = {label: (len(rows) if isinstance(rows, list) else 1) for label, rows in data.items()}
    _audit(AuditRecord.Action.EXPORT_PERSON, user, pseudonym(user), counts)
    return _zip_of(
        {
            "data.json": json.dumps(data, cls=_Encoder, indent=2, ensure_ascii=False),
            "data.html": render_to_string("privacy/export.html", {"data": data, "user": user}),
        }
    )


def _detach_other_links(declaration, user) -> None:
    model = declaration.model
    for name in declaration.other_user_fields:
        field = model._meta.get_field(name)
        if field.many_to_many:
            getattr(model, name).through.objects.filter(
                **{f"{field.m2m_reverse_field_name()}": user.pk}
            ).delete()
        elif field.null:
            model._default_manager.filter(**{name: user}).update(**{name: None})


def _erased_email(user) -> str:
    return f"former-member-{user.pk}@invalid.example"


@transaction.atomic
def person_erase(*, user, actor) -> dict:
    """Erase or pseudonymise per the registry; any failure rolls the whole erasure back.

    The person erases their own account; a site admin may erase anyone's on request. The
    person's row is locked first, so two identical requests (a double click on "Delete my
    account") run one after the other, and the second finds the account already erased: it
    writes no second audit record and returns no counts.
    """
    if not (actor.is_active and (actor.pk == user.pk or is_site_admin(actor))):
        raise PermissionDenied
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    user = get_user_model()._default_manager.select_for_update().get(pk=user.pk)
    if user.email == _erased_email(user):
        return {}
    counts = {}
    subject = pseudonym(user)
    # Their reflections, votes and endorsements leave their teams' dashboard figures.
    team_summary_changed(*Membership.objects.filter(user=user).values_list("team_id", flat=True))
    for label, step in registry.erasure_steps():
        counts[label] = step(user=user)
    for declaration in registry.personal():
        rows = declaration.model._default_manager.filter(**{declaration.user_field: user})
        if declaration.erase == Erase.DELETE and declaration.keep_filter:
            rows = rows.exclude(**declaration.keep_filter)
        if declaration.erase == Erase.DELETE:
            counts[declaration.label] = rows.count()
            rows.delete()
        elif declaration.erase == Erase.NULLIFY:
            counts[declaration.label] = rows.update(**{declaration.user_field: None})
        else:
            counts[declaration.label] = rows.count()
        _detach_other_links(declaration, user)
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    # Team artifacts stay with the team, attributed to a former member.
    user.email = _erased_email(user)
    user.display_name = FORMER_MEMBER
    user.first_name = user.last_name = user.pronouns = ""
    user.is_active = user.is_staff = user.is_superuser = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    _audit(
        AuditRecord.Action.ERASE_PERSON,
        actor if actor.pk != user.pk else None,  # the erased account keeps no audit link
        subject,
        counts,
        actor_label=pseudonym(actor),
    )
    return counts


def team_portfolio(*, team, actor):
    """The team's shared work as a zip (JSON per declared team-owned model), for the facilitators
    of the team's cohort."""
    if not access.is_cohort_facilitator(actor, team.cohort):
        raise PermissionDenied
    files = {}
    counts = {}
    for declaration in registry:
        if declaration.portfolio_filter is None:
            continue
        queryset = declaration.model._default_manager.filter(
            **{declaration.team_field: team}, **declaration.portfolio_filter
        )
        if declaration.portfolio_rows is not None:
            rows = declaration.portfolio_rows(queryset, team=team, reader=actor)
        else:
            rows = list(queryset.values(*declaration.export_fields).iterator(chunk_size=500))
        counts[declaration.label] = len(rows)
        files[f"{declaration.label}.json"] = json.dumps(
            rows, cls=_Encoder, indent=2, ensure_ascii=False
        )
    files["README.txt"] = f"Portfolio of {team.name}, exported {timezone.now():%Y-%m-%d}.\n"
    _audit(AuditRecord.Action.EXPORT_TEAM, actor, team.name, counts)
    return _zip_of(files)


@transaction.atomic
def organization_erase(*, organization, actor) -> dict:
    """Erase every team of a partner school or district (and its schools), on its request.

    Site admins only."""
    if not is_site_admin(actor):
        raise PermissionDenied
    from cohorts.models import Organization, Team

    organizations = Organization.objects.filter(pk=organization.pk) | Organization.objects.filter(
        parent=organization
    )
    teams = Team.objects.filter(organization__in=organizations)
    counts = {"teams": teams.count()}
    _deleted, per_model = teams.delete()
    counts.update({label: n for label, n in per_model.items() if n})
    name = organization.name
    organizations.filter(parent__isnull=False).delete()
    Organization.objects.filter(pk=organization.pk).delete()
    _audit(AuditRecord.Action.ERASE_ORGANIZATION, actor, name, counts)
    return counts
