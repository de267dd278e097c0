"""Writes for the change package: mark an idea adopted, add it to the package, take it up."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cohorts import access
from cohorts.services import team_touch

from .. import permissions
from ..models import ChangeIdea, ChangePackageEntry, PDSACycle
from .base import _require, _save
from .diagram import change_idea_add
from .project import project_content_changed


@transaction.atomic
def change_idea_mark_adopted(*, idea: ChangeIdea, user) -> ChangeIdea:
    """The team adopts its change idea; allowed once a cycle testing it decided Adopt."""
    _require(permissions.can_write(user, idea.project.team))
    idea = ChangeIdea.objects.select_for_update().get(pk=idea.pk)
    if idea.adopted_on:
        return idea  # a second click changes nothing
    if not PDSACycle.objects.filter(change_idea=idea, decision=PDSACycle.Decision.ADOPT).exists():
        raise ValidationError(_("Adopt a change idea after a cycle that tested it decided Adopt."))
    idea.adopted_on = timezone.localdate()
    idea.save(update_fields=["adopted_on"])
    project_content_changed(idea.project)
    team_touch(idea.project.team)
    return idea


def _check_entry(entry: ChangePackageEntry) -> ChangePackageEntry:
    entry.write_up = entry.write_up.strip()
    return _save(entry)


def package_entry_add(
    *, cohort, idea: ChangeIdea, user, write_up: str, cde_goal=None, in_program: bool = False
) -> ChangePackageEntry:
    """The cohort's facilitator (or a site admin) adds a team's adopted idea to the package.

    Adding the same idea twice (a double submit) returns the entry already there.
    """
    _require(access.can_manage_cohort(user, cohort))
    if idea.project.team.cohort_id != cohort.pk:
        raise ValidationError({"idea": _("Choose a change idea of one of this cohort's teams.")})
    if not idea.adopted_on:
        raise ValidationError({"idea": _("Only a change idea its team adopted can be added.")})
    if idea.package_entry_id:
        raise ValidationError({"idea": _("This idea was taken from the package already.")})
    existing = ChangePackageEntry.objects.filter(cohort=cohort, idea=idea).first()
    if existing:
        return existing
    entry = ChangePackageEntry(
        cohort=cohort, idea=idea, write_up=write_up, cde_goal=cde_goal, in_program=in_program
    )
    try:
        with transaction.atomic():
            return _check_entry(entry)
    except IntegrityError:
        return ChangePackageEntry.objects.get(cohort=cohort, idea=idea)


@transaction.atomic
def package_entry_update(
    *, entry: ChangePackageEntry, user, write_up: str, cde_goal=None, in_program: bool = False
) -> ChangePackageEntry:
    """Only the cohort's facilitators (and site admins) edit the write-up."""
    _require(access.can_manage_cohort(user, entry.cohort))
    entry.write_up, entry.cde_goal, entry.in_program = write_up, cde_goal, in_program
    return _check_entry(entry)


def package_entry_adopt(*, entry: ChangePackageEntry, project, user, drivers) -> ChangeIdea:
    """Another team of the cohort takes the entry into its driver diagram, linked to it.

    Taking it twice (a double submit) returns the idea already taken.
    """
    _require(permissions.can_write(user, project.team))
    if project.team.cohort_id != entry.cohort_id:
        raise ValidationError(_("Only teams of this cohort can take up its change package."))
    if entry.idea.project_id == project.pk:
        raise ValidationError(_("This change idea is your team's own."))
    existing = ChangeIdea.objects.filter(project=project, package_entry=entry).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            idea = change_idea_add(
                project=project, user=user, text=entry.idea.text, drivers=drivers
            )
            idea.package_entry = entry
            idea.save(update_fields=["package_entry"])
            project_content_changed(project)
            return idea
    except IntegrityError:
        return ChangeIdea.objects.get(project=project, package_entry=entry)
