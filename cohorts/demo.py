"""Demo cohorts, partner schools, teams and sessions for `seed_demo` (idempotent)."""

import datetime
import re
import unicodedata
from zoneinfo import ZoneInfo

from django.apps import apps
from django.conf import settings

from accounts.factories import UserFactory
from accounts.roles import facilitators_group
from programs import demo_content

from .factories import (
    CohortFactory,
    CohortSessionFactory,
    DistrictFactory,
    SchoolFactory,
    TeamFactory,
)
from .models import CohortSession, Membership

TEAM_A_CDS = "57990019900037"  # Mesa Linda Middle School
TEAM_B_CDS = "57990019900011"  # Juniper Hills Elementary School
TEAM_A_SLUG, TEAM_B_SLUG = "mesa-linda-ms", "juniper-hills-es"
DEMO_COHORT_SLUG = "cohort-a-2026-27"
DEMO_TEAM_SLUGS = {TEAM_A_CDS: TEAM_A_SLUG, TEAM_B_CDS: TEAM_B_SLUG}


def _slugify_school(name: str) -> str:
    from django.utils.text import slugify

    return slugify(
        name.replace(" School", "")
        .replace("Elementary", "es")
        .replace("Middle", "ms")
        .replace("High", "hs")
    )


def _modules_by_number():
    try:
        module_model = apps.get_model("programs", "ModulePage")
    except LookupError:
        return {}, None
    modules = {m.number: m for m in module_model.objects.live().order_by("path")}
    program = modules and next(iter(modules.values())).get_parent()
    return modules, program


def seed_cohorts(users: dict[str, object], *, password: str) -> dict:
    """Build both demo cohorts; `users` maps the demo account emails to their users."""
    tz = ZoneInfo(settings.TIME_ZONE)
    modules, program = _modules_by_number()
    cohorts = {}
    for spec in demo_content.DEMO_COHORTS:
        cohort = CohortFactory(
            slug=spec["slug"],
            name=spec["name"],
            starts_on=datetime.date.fromisoformat(str(spec["start_date"])),
            ends_on=datetime.date.fromisoformat(str(spec["end_date"])),
        )
        if program and cohort.program_id != program.pk:
            cohort.program = program
            cohort.save(update_fields=["program"])
        cohorts[spec["slug"]] = cohort
    cohort_a, cohort_b = cohorts["cohort-a-2026-27"], cohorts["cohort-b-2026-27"]
    cohort_a.facilitators.add(users["facilitator@example.org"])
    cohort_b.facilitators.add(users["facilitator2@example.org"])

    teams = {}
    for district_spec in demo_content.DEMO_DISTRICTS:
        district = DistrictFactory(
            cds_code=district_spec["cds_code"],
            name=district_spec["name"],
            city=district_spec["city"],
            county=demo_content.DEMO_COUNTY["name"].replace(" County Office of Education", ""),
        )
        for school_spec in district_spec["schools"]:
            school = SchoolFactory(
                cds_code=school_spec["cds_code"],
                name=school_spec["name"],
                city=school_spec["city"],
                parent=district,
                county=district.county,
            )
            slug = DEMO_TEAM_SLUGS.get(school.cds_code) or _slugify_school(school.name)
            teams[school.cds_code] = TeamFactory(
                slug=slug,
                name=f"{school.name} equity team",
                cohort=cohorts[district_spec["cohort"]],
                organization=school,
                kind="school",
            )

    group = facilitators_group()
    for index, person in enumerate(demo_content.DEMO_PEOPLE):
        email = _demo_email(person["first_name"], person["last_name"])
        user = UserFactory(
            email=email,
            first_name=person["first_name"],
            last_name=person["last_name"],
            display_name=f"{person['first_name']} {person['last_name']}",
            pronouns=person.get("pronouns", ""),
            password=password,
        )
        if person["is_facilitator"]:
            user.groups.add(group)
            (cohort_a if index % 2 == 0 else cohort_b).facilitators.add(user)
            continue
        team = teams[person["school_cds"]]
        # The first person listed at each school leads its team, except where a demo account does.
        is_first = not Membership.objects.filter(team=team).exclude(user__email__in=users).exists()
        role = "lead" if is_first and team.organization.cds_code != TEAM_A_CDS else "member"
        Membership.objects.get_or_create(
            team=team, user=user, left_on=None, defaults={"role": role}
        )

    for email, cds, role in [
        ("lead@example.org", TEAM_A_CDS, "lead"),
        ("member@example.org", TEAM_A_CDS, "member"),
        ("peer@example.org", TEAM_B_CDS, "member"),
    ]:
        Membership.objects.get_or_create(
            team=teams[cds], user=users[email], left_on=None, defaults={"role": role}
        )

    _seed_sessions(cohort_a, modules, tz)
    _seed_sessions(cohort_b, modules, tz)
    _seed_last_year(users, teams)
    return {
        "cohorts": cohorts,
        "teams": teams,
        "team_a": teams[TEAM_A_CDS],
        "team_b": teams[TEAM_B_CDS],
    }


def _seed_last_year(users, teams) -> None:
    """Last year's cohort, still open to its facilitator: two teams whose members continue this
    year. Neither ran a PDSA cycle, so the dashboard shows the 'no cycle by April' alert."""
    past = CohortFactory(
        slug="cohort-2025-26",
        name="2025-26 Cohort",
        school_year="2025-26",
        starts_on=datetime.date(2025, 9, 1),
        ends_on=datetime.date(2026, 5, 29),
    )
    past.facilitators.add(users["facilitator@example.org"])
    for cds in ("57990019900029", "57990019900045"):
        this_year = teams[cds]
        team = TeamFactory(
            slug=f"{this_year.slug}-2025-26",
            name=f"{this_year.organization.name} equity team (2025-26)",
            cohort=past,
            organization=this_year.organization,
        )
        for membership in Membership.objects.current().filter(team=this_year).order_by("pk")[:4]:
            Membership.objects.get_or_create(
                team=team,
                user=membership.user,
                left_on=None,
                defaults={"role": membership.role, "joined_on": datetime.date(2025, 9, 1)},
            )


def _demo_email(first: str, last: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", f"{first}.{last}").encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9.]+", "-", ascii_name.lower()).strip("-") + "@example.org"


def _third_thursday(year: int, month: int) -> datetime.date:
    first = datetime.date(year, month, 1)
    offset = (3 - first.weekday()) % 7
    return first + datetime.timedelta(days=offset + 14)


def _seed_sessions(cohort, modules, tz) -> None:
    if CohortSession.objects.filter(cohort=cohort).exists():
        return
    for number, (year, month) in enumerate(
        [
            (2026, 9),
            (2026, 10),
            (2026, 11),
            (2026, 12),
            (2027, 1),
            (2027, 2),
            (2027, 3),
            (2027, 4),
            (2027, 5),
        ],
        start=1,
    ):
        day = _third_thursday(year, month)
        starts_at = datetime.datetime.combine(day, datetime.time(15, 30), tzinfo=tz)
        module = modules.get(number)
        CohortSessionFactory(
            cohort=cohort,
            title=f"Session {number}" + (f": {module.title}" if module else ""),
            starts_at=starts_at,
            ends_at=starts_at + datetime.timedelta(hours=3),
            location="Manzanita County Office of Education, Learning Center Room 2",
            video_url="https://meet.example.org/equity-cohort" if number % 3 == 0 else "",
            module=module,
        )
