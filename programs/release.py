"""When a module opens for a person.

A module opens to a cohort's members on that cohort's release date for it (a ModuleRelease),
or by default on the first day of the module's month. Facilitators and site admins see every
module at any time; anonymous visitors see titles only. A person on teams in several cohorts
sees a module once any of their cohorts has opened it.

The person's schedule is read once and kept on the user object, so the program timeline stays
at a fixed number of queries however many modules it shows.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from accounts.roles import is_facilitator, is_site_admin
from cohorts.access import member_cohort_ids, person_roles

UPCOMING = "upcoming"
OPEN = "open"
DONE = "done"


def default_opening(module) -> datetime.date:
    return module.month.replace(day=1)


def _release_dates(user) -> dict[int, datetime.date]:
    """Module pk -> earliest release date among the person's current cohorts (read once)."""
    cached = getattr(user, "_module_release_dates", None)
    if cached is None:
        from .models import ModuleRelease

        cohorts = member_cohort_ids(user)
        cached = {}
        for module_id, opens_on in ModuleRelease.objects.filter(cohort_id__in=cohorts).values_list(
            "module_id", "opens_on"
        ):
            cached[module_id] = min(opens_on, cached.get(module_id, opens_on))
        user._module_release_dates = cached
    return cached


def release_date_for(user):
    """For annotating modules: the earliest release date among the person's current cohorts
    (None: none of them set one). The module page reads it with the page (`ProgramPage.route`)
    and keeps it as `module.person_release = (user pk, date)`."""
    from django.db.models import OuterRef, Subquery

    from .models import ModuleRelease

    return Subquery(
        ModuleRelease.objects.filter(module=OuterRef("pk"), cohort_id__in=member_cohort_ids(user))
        .order_by("opens_on")
        .values("opens_on")[:1]
    )


def opening_date(module, user) -> datetime.date:
    """When the module opens for this person (their cohorts' earliest release, or its month)."""
    read_with_page = getattr(module, "person_release", None)
    if read_with_page is not None and read_with_page[0] == user.pk:
        return read_with_page[1] or default_opening(module)
    return _release_dates(user).get(module.pk, default_opening(module))


def module_is_open(module, user, *, today: datetime.date | None = None) -> bool:
    """May `user` read `module`'s body and mark it done?"""
    if not (user.is_authenticated and user.is_active):
        return False
    # The person's roles and group in the one query every logged-in page makes for its header
    # (kept on the user): `is_facilitator` then asks nothing of its own.
    person_roles(user)
    if is_facilitator(user) or is_site_admin(user):
        return True
    return opening_date(module, user) <= (today or timezone.localdate())


@dataclass(frozen=True)
class ModuleState:
    module: object  # the curriculum's (English) page: its URL, progress and release
    state: str  # UPCOMING, OPEN or DONE
    translation: object = None  # the reader's translation, when there is one (localized.py)

    @property
    def shown(self):
        """The page whose title and summary the reader sees."""
        return self.translation or self.module


def module_states(modules, user) -> list[ModuleState]:
    """Each module with its state for `user`, in one query for the user's completions."""
    from .models import ModuleCompletion

    done_ids = set()
    if user.is_authenticated:
        done_ids = set(
            ModuleCompletion.objects.filter(
                user=user, module_id__in=[m.pk for m in modules]
            ).values_list("module_id", flat=True)
        )
    states = []
    for module in modules:
        if module.pk in done_ids:
            state = DONE
        elif module_is_open(module, user):
            state = OPEN
        else:
            state = UPCOMING
        states.append(ModuleState(module=module, state=state))
    return states


def cohort_modules(cohort) -> list:
    """The cohort's program modules in order, read once per cohort object (the dashboard's
    panels and alerts share it)."""
    cached = getattr(cohort, "_curriculum_modules", None)
    if cached is None:
        cached = cohort._curriculum_modules = list(_curriculum_queryset(cohort))
    return cached


def _curriculum_queryset(cohort):
    from .localized import in_source_locale
    from .models import ModulePage

    modules = in_source_locale(ModulePage.objects.live()).order_by("number")
    if cohort.program_id:
        modules = modules.descendant_of(cohort.program)
    return modules


def cohort_schedule(cohort) -> list[tuple[object, datetime.date]]:
    """Each of the cohort's modules with the day it opens for that cohort (read once)."""
    cached = getattr(cohort, "_module_schedule", None)
    if cached is None:
        from django.db.models import OuterRef, Subquery

        from .models import ModuleRelease

        if getattr(cohort, "_curriculum_modules", None) is None:
            # The modules with the cohort's release day in one query (a release is unique
            # per cohort and module).
            release = ModuleRelease.objects.filter(cohort=cohort, module=OuterRef("pk"))
            cohort._curriculum_modules = list(
                _curriculum_queryset(cohort).annotate(
                    cohort_opens_on=Subquery(release.values("opens_on")[:1])
                )
            )
            releases = {
                m.pk: m.cohort_opens_on
                for m in cohort._curriculum_modules
                if m.cohort_opens_on is not None
            }
        else:
            releases = dict(
                ModuleRelease.objects.filter(cohort=cohort).values_list("module_id", "opens_on")
            )
        cached = cohort._module_schedule = [
            (module, releases.get(module.pk, default_opening(module)))
            for module in cohort._curriculum_modules
        ]
    return cached


def cohort_module_opening(cohort, number: int) -> datetime.date | None:
    """When module `number` of the cohort's program opens for that cohort (None: no such module)."""
    return next(
        (opens for module, opens in cohort_schedule(cohort) if module.number == number), None
    )


def cohort_schedules_prefetch(cohorts) -> None:
    """Read every cohort's modules and release dates in two queries, for pages that show many
    cohorts (the program overview); `cohorts` should have `program` selected."""
    from .localized import in_source_locale
    from .models import ModulePage, ModuleRelease

    modules = list(in_source_locale(ModulePage.objects.live()).order_by("number"))
    releases: dict[int, dict[int, datetime.date]] = {cohort.pk: {} for cohort in cohorts}
    for cohort_id, module_id, opens_on in ModuleRelease.objects.filter(
        cohort__in=cohorts
    ).values_list("cohort_id", "module_id", "opens_on"):
        releases[cohort_id][module_id] = opens_on
    for cohort in cohorts:
        program = cohort.program if cohort.program_id else None
        cohort._curriculum_modules = [
            m
            for m in modules
            if program is None or (m.path.startswith(program.path) and m.depth > program.depth)
        ]
        cohort._module_schedule = [
            (module, releases[cohort.pk].get(module.pk, default_opening(module)))
            for module in cohort._curriculum_modules
        ]
