"""Demo improvement projects for `seed_demo` (idempotent; a no-op without the demo teams)."""

import datetime
import random

from django.db import transaction

from cohorts.demo import TEAM_A_SLUG, TEAM_B_SLUG
from cohorts.models import Team

from .models import (
    Aim,
    ChangeIdea,
    Driver,
    ImprovementProject,
    Measure,
    Observation,
    PDSACycle,
)
from .package_demo import seed_change_package
from .services import measure_signals_refresh, project_content_changed

MONTHS = [(2024 + (8 + i) // 12, (8 + i) % 12 + 1) for i in range(27)]  # Sep 2024 - Nov 2026


@transaction.atomic
def seed_improvement() -> None:
    teams = {t.slug: t for t in Team.objects.filter(slug__in=[TEAM_A_SLUG, TEAM_B_SLUG])}
    if TEAM_A_SLUG in teams:
        _seed_team_a(teams[TEAM_A_SLUG])
        _seed_dialogue(teams[TEAM_A_SLUG])
    if TEAM_B_SLUG in teams:
        _seed_team_b(teams[TEAM_B_SLUG])
    if len(teams) == 2:
        seed_change_package(teams[TEAM_A_SLUG], teams[TEAM_B_SLUG])
    # Written here without the services: the pages' kept markup is drawn again.
    project_content_changed(
        *ImprovementProject.objects.filter(team__in=teams.values()).values_list("pk", flat=True)
    )


def _project(team, **fields):
    project, _created = ImprovementProject.objects.get_or_create(
        team=team, school_year=team.cohort.school_year, defaults=fields
    )
    return project


def _points(measure, rng, groups: dict[str, tuple[int, float, float, float, int]]):
    """groups: code -> (n, level before, level after, noise, month index of the change)."""
    rows = []
    for index, (year, month) in enumerate(MONTHS):
        day = datetime.date(year, month, 1)
        for group, (n, before, after, noise, change_at) in groups.items():
            size = max(1, n + rng.randint(-n // 20 - 1, n // 20 + 1))
            level = before if index < change_at else after
            rate = min(99.0, max(0.5, rng.gauss(level, noise)))
            numerator = round(rate * size / 100)
            rows.append(
                Observation(
                    measure=measure,
                    date=day,
                    group=group,
                    numerator=numerator,
                    denominator=size,
                    n=size,
                    value=round(100 * numerator / size, 4),
                )
            )
    Observation.objects.bulk_create(rows)
    measure_signals_refresh([measure])


def _seed_team_a(team) -> None:
    project = _project(
        team,
        problem_of_practice=(
            "Hispanic students and English learners at Mesa Linda are chronically absent far "
            "more often than their classmates, and families tell us school does not feel like "
            "it is for them."
        ),
        focal_groups=["HI", "EL", "SED"],
        equity_area="climate",
        data_from=datetime.date(2024, 8, 1),
        progress_score="3.0",
    )
    if project.measures.exists():
        return
    rng = random.Random(2026)  # noqa: S311  (demo data, not security)
    absent = Measure.objects.create(
        project=project,
        name="Chronic absenteeism (monthly)",
        kind="outcome",
        unit="percent",
        direction="down",
        numerator="Students absent 10% or more of the days they were enrolled so far",
        denominator="Students enrolled 10 days or more this school year",
        inclusions="Excludes independent-study students.",
        data_source="Student information system attendance report",
        frequency="Monthly",
        owner="Attendance clerk",
        groups=["ALL", "HI", "EL", "FOS"],
        rules="ihi",
        baseline_points=12,
        charts="both",
        order=1,
    )
    _points(
        absent,
        rng,
        {
            "ALL": (640, 19.0, 16.5, 1.2, 18),
            "HI": (380, 24.0, 16.0, 1.4, 18),  # a real shift after the check-in is adopted
            # English learners: a sustained shift after the Spanish texts home (Feb 2026), the
            # demo dashboard's bright spot for this focal group.
            "EL": (140, 26.0, 20.0, 2.0, 18),
            "FOS": (8, 30.0, 28.0, 8.0, 99),  # a small group: hidden outside the team
        },
    )
    checkin = Measure.objects.create(
        project=project,
        name="Students greeted at morning check-in",
        kind="process",
        unit="percent",
        direction="up",
        numerator="Focal students greeted by name by an adult before first period",
        denominator="Focal students present that day (sampled one day a week)",
        data_source="Check-in sheet",
        frequency="Weekly sample, reported monthly",
        owner="Counselor",
        groups=["ALL", "HI"],
        order=2,
    )
    _points(checkin, rng, {"ALL": (120, 35.0, 78.0, 4.0, 17), "HI": (70, 32.0, 80.0, 5.0, 17)})
    suspensions = Measure.objects.create(
        project=project,
        name="Suspensions per 100 students",
        kind="balancing",
        unit="rate",
        direction="down",
        numerator="Suspension incidents this month",
        denominator="Students enrolled",
        data_source="Discipline log",
        frequency="Monthly",
        owner="Assistant principal",
        groups=["ALL", "AA"],
        rules="anhoej",
        order=3,
    )
    _points(suspensions, rng, {"ALL": (640, 1.6, 1.5, 0.4, 99), "AA": (24, 4.0, 4.0, 2.0, 99)})

    belong = Driver.objects.create(project=project, level=1, text="Students feel they belong")
    families = Driver.objects.create(
        project=project, level=1, text="Families are partners in attendance"
    )
    systems = Driver.objects.create(
        project=project, level=1, text="Early warning systems catch absences"
    )
    adult = Driver.objects.create(
        project=project, level=2, parent=belong, text="Every student has an adult who notices"
    )
    language = Driver.objects.create(
        project=project, level=2, parent=families, text="Messages in the family's language"
    )
    Driver.objects.create(
        project=project, level=2, parent=systems, text="Weekly attendance review by the team"
    )
    idea_checkin = ChangeIdea.objects.create(project=project, text="Morning check-in and greet")
    idea_checkin.drivers.set([adult])
    idea_texts = ChangeIdea.objects.create(
        project=project, text="Positive text messages home in Spanish"
    )
    idea_texts.drivers.set([language, families])

    Aim.objects.create(
        project=project,
        what="chronic absenteeism",
        how_much="from 24% to 15%",
        by_when=datetime.date(2027, 6, 1),
        for_whom="HI",
        baseline_value=24.0,
        baseline_date=datetime.date(2025, 8, 1),
        target_value=15.0,
        outcome_measure=absent,
    )

    def cycle(idea, ramp, number, title, decision, done, **extra):
        c = PDSACycle.objects.create(
            project=project,
            change_idea=idea,
            ramp=ramp,
            number=number,
            title=title,
            purpose="test",
            phase="done",
            objective=f"Learn whether {idea.text.lower()} works for our focal students.",
            questions=[
                {
                    "question": "Will focal students be greeted every day?",
                    "prediction": "80% of them on most days",
                    "result": "Yes for most; Mondays were hard",
                }
            ],
            tasks="Counselor: greet at the gate, 7:45-8:05, every school day",
            test_who="Counselor",
            test_what="Greet each focal student by name",
            test_where="Front gate",
            test_when="7:45-8:05, every school day",
            data_plan="Tally sheet each morning; counselor enters the weekly sample.",
            who_benefits="Students who arrive feeling unseen",
            who_burdened="Staff on morning duty",
            whose_voice="Empathy interviews with six Hispanic students and two parents",
            planned_start=done - datetime.timedelta(days=14),
            planned_on=done - datetime.timedelta(days=14),
            as_planned=True,
            observations="Students started waiting for their adult.",
            done_on=done,
            studied_on=done + datetime.timedelta(days=7),
            learned="Greeting by name matters more than where the greeting happens.",
            decision=decision,
            decided_on=done + datetime.timedelta(days=10),
            **extra,
        )
        c.measures.set([absent, checkin])
        return c

    first = cycle(
        idea_checkin,
        "Morning check-in",
        1,
        "Greet 10 students",
        "adapt",
        datetime.date(2025, 11, 3),
    )
    cycle(
        idea_checkin,
        "Morning check-in",
        2,
        "Greet every focal student",
        "adopt",
        datetime.date(2026, 1, 12),
        previous=first,
    )
    texts = cycle(
        idea_texts, "Texts home", 1, "Texts to five families", "adapt", datetime.date(2026, 2, 9)
    )
    cycle(
        idea_texts,
        "Texts home",
        2,
        "Automated texts",
        "abandon",
        datetime.date(2026, 4, 13),
        previous=texts,
    )


DIALOGUE_NOTES = [
    ("predict", "We expect the gap for Hispanic students to be smaller than last year."),
    ("predict", "Winter months will be worst for everyone."),
    ("look", "Monthly rates since September 2024, by group, with our PDSA cycles marked."),
    ("observe", "Hispanic students' rate is about 6 points above all students every month."),
    ("observe", "The rate for English learners rose in December and January both years."),
    ("infer", "Do families know who to call when a child is sick or the bus is missed?"),
    ("infer", "Why do absences rise after winter break for English learners?"),
    ("next", "Call each family after a second absence, in the family's language"),
]


def _seed_dialogue(team) -> None:
    """Team A's data dialogue on chronic absenteeism, whose next step became a PDSA cycle."""
    from cohorts.models import Membership

    from .factories import DataDialogueFactory, DialogueNoteFactory
    from .services import note_to_cycle

    project = ImprovementProject.objects.filter(team=team).first()
    absent = Measure.objects.filter(project=project, name__startswith="Chronic").first()
    if absent is None or project.dialogues.exists():
        return
    people = [m.user for m in Membership.objects.current().filter(team=team).select_related("user")]
    if not people:  # a team without members (the curriculum-only demo) holds no dialogue
        return
    dialogue = DataDialogueFactory(project=project, measure=absent, started_by=people[0])
    for i, (step, text) in enumerate(DIALOGUE_NOTES):
        note = DialogueNoteFactory(
            dialogue=dialogue, step=step, text=text, author=people[i % len(people)]
        )
    idea = ChangeIdea.objects.filter(project=project, text__startswith="Positive text").first()
    note_to_cycle(note=note, user=people[0], change_idea=idea)


def _seed_team_b(team) -> None:
    project = _project(
        team,
        problem_of_practice="English learners are rarely recommended for enrichment.",
        focal_groups=["EL"],
        equity_area="programs",
    )
    if hasattr(project, "aim") or Aim.objects.filter(project=project).exists():
        return
    Aim.objects.create(
        project=project,
        what="English learners in after-school enrichment",
        how_much="from 8% to 20% of enrolled EL students",
        by_when=datetime.date(2027, 5, 1),
        for_whom="EL",
        baseline_value=8.0,
        baseline_date=datetime.date(2026, 9, 1),
        target_value=20.0,
    )
    driver = Driver.objects.create(
        project=project, level=1, text="Teachers see EL students' strengths"
    )
    idea = ChangeIdea.objects.create(project=project, text="Strength-based referral form")
    idea.drivers.set([driver])
    PDSACycle.objects.create(
        project=project,
        change_idea=idea,
        ramp="Referral form",
        number=1,
        title="Try the form with two teachers",
        purpose="test",
        phase="plan",
        objective="Learn whether the form changes who gets referred.",
        questions=[{"question": "Will referrals include EL students?", "prediction": "3 of 10"}],
    )
