"""The demo change package (idempotent; called by `seed_improvement` after both teams' projects).

Mesa Linda (team A) adopted its morning check-in after an Adopt cycle, the cohort's facilitator
added it to the change package with a write-up, and Juniper Hills (team B) took it into its own
driver diagram and tested it in a cycle that decided Adopt too: the package shows
"tested at 2 schools, adopted at 2".
"""

import datetime

from programs.models import CdeEquityGoal

from .factories import ChangeIdeaFactory, ChangePackageEntryFactory, PDSACycleFactory
from .models import ChangeIdea, ChangePackageEntry, PDSACycle

IDEA = "Morning check-in and greet"
WRITE_UP = (
    "A trusted adult greets each focal student by name at the gate every morning and checks in "
    "with anyone who missed the day before. Mesa Linda tested it in two cycles: ten students "
    "first, then every Hispanic student on the chronic-absence list. Students began waiting for "
    "their adult; what mattered was being greeted by name, not where. Adopted in January."
)


def seed_change_package(team_a, team_b) -> None:
    idea = ChangeIdea.objects.filter(project__team=team_a, text=IDEA).first()
    project_b = team_b.improvement_projects.filter(school_year=team_b.cohort.school_year).first()
    if idea is None or project_b is None or ChangePackageEntry.objects.filter(idea=idea).exists():
        return
    adopt = PDSACycle.objects.filter(change_idea=idea, decision="adopt").first()
    idea.adopted_on = adopt.decided_on if adopt else datetime.date(2026, 1, 22)
    idea.save(update_fields=["adopted_on"])
    entry = ChangePackageEntryFactory(
        cohort=team_a.cohort,
        idea=idea,
        write_up=WRITE_UP,
        cde_goal=CdeEquityGoal.objects.filter(slug="equitable-treatment").first(),
        in_program=True,
    )
    driver = project_b.drivers.filter(level=1).first()
    taken = ChangeIdeaFactory(
        project=project_b,
        text=IDEA,
        drivers=[driver] if driver else [],
        package_entry=entry,
        adopted_on=datetime.date(2026, 11, 20),
    )
    PDSACycleFactory(
        project=project_b,
        change_idea=taken,
        ramp="Morning check-in",
        number=1,
        title="Greet our EL newcomers by name",
        purpose="test",
        phase="done",
        objective="Learn whether a named greeting helps our EL newcomers feel they belong.",
        test_who="Front-office clerk and the EL coordinator",
        test_what="Greet each EL newcomer by name at drop-off",
        test_where="Drop-off loop",
        test_when="7:50-8:10, two weeks",
        planned_start=datetime.date(2026, 10, 19),
        planned_on=datetime.date(2026, 10, 15),
        done_on=datetime.date(2026, 10, 30),
        studied_on=datetime.date(2026, 11, 6),
        learned="Newcomers looked for the clerk each morning; two families asked to join.",
        decision="adopt",
        decided_on=datetime.date(2026, 11, 20),
    )
