"""Reads for the change package: each entry's evidence in a fixed number of queries.

An entry's evidence is every team holding the idea: the team that tested it first and the
teams that took it up from the package (`ChangeIdea.package_entry`). A team "tested" it when a
PDSA cycle ran on its copy, and "adopted" it when it marked its copy adopted after an Adopt
decision. The queries here do not grow with the number of teams, entries or cycles.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch, Q

from cohorts.models import Team

from . import permissions
from .charts import build_measure_charts
from .models import (
    GROUP_LABELS,
    ChangeIdea,
    ChangePackageEntry,
    Driver,
    Measure,
    Observation,
    PDSACycle,
    StudentGroup,
)
from .queries import cycle_label

CYCLE_FIELDS = (
    "pk", "change_idea_id", "project_id", "ramp", "number", "title", "decision", "phase",
    "planned_start", "planned_on", "done_on", "decided_on",
)  # fmt: skip


@dataclass
class TeamEvidence:
    team: Team
    idea: ChangeIdea
    is_source: bool
    visible: bool  # the reader may open this team's cycles
    cycles: list = field(default_factory=list)

    @property
    def dates(self) -> list[date]:
        return sorted(d for c in self.cycles if (d := c.marker_date or c.decided_on))

    @property
    def first(self) -> date | None:
        return self.dates[0] if self.dates else None

    @property
    def last(self) -> date | None:
        return self.dates[-1] if self.dates else None


@dataclass
class EntryEvidence:
    entry: ChangePackageEntry
    teams: list[TeamEvidence]
    groups: list[str]

    @property
    def tested_at(self) -> int:
        return sum(1 for t in self.teams if t.cycles)

    @property
    def adopted_at(self) -> int:
        return sum(1 for t in self.teams if t.idea.adopted_on)

    @property
    def cycle_count(self) -> int:
        return sum(len(t.cycles) for t in self.teams)

    @property
    def group_labels(self) -> list[str]:
        return [str(GROUP_LABELS.get(code, code)) for code in self.groups]

    @property
    def drivers(self) -> list[tuple[str, str]]:
        """(primary driver, secondary driver or '') for each driver the idea serves."""
        pairs = []
        for driver in self.entry.idea.drivers.all():
            if driver.parent_id:
                pairs.append((driver.parent.text, driver.text))
            else:
                pairs.append((driver.text, ""))
        return pairs


GROUP_ORDER = {code: i for i, code in enumerate(StudentGroup.values)}


def entries_for(cohort, *, driver: str = "", goal=None):
    """The cohort's entries with what every page shows of them, filtered in the database."""
    entries = ChangePackageEntry.objects.filter(cohort=cohort)
    if driver:
        entries = entries.filter(
            Q(idea__drivers__text__icontains=driver)
            | Q(idea__drivers__parent__text__icontains=driver)
        ).distinct()
    if goal is not None:
        entries = entries.filter(cde_goal=goal)
    return entries.select_related("cohort", "idea__project__team", "cde_goal").prefetch_related(
        Prefetch("idea__drivers", queryset=Driver.objects.select_related("parent"))
    )


def package_evidence(entries, *, user, group: str = "") -> list[EntryEvidence]:
    """Each entry with its teams, cycles and student groups: four queries for any number."""
    entries = list(entries)
    if not entries:
        return []
    by_source = {e.idea_id: e.pk for e in entries}
    ideas = list(
        ChangeIdea.objects.filter(
            Q(pk__in=list(by_source)) | Q(package_entry__in=[e.pk for e in entries])
        ).select_related("project__team")
    )
    entry_of = {i.pk: by_source.get(i.pk, i.package_entry_id) for i in ideas}
    cycles = defaultdict(list)
    for cycle in PDSACycle.objects.filter(change_idea__in=list(entry_of)).only(*CYCLE_FIELDS):
        cycles[cycle.change_idea_id].append(cycle)
    groups = defaultdict(set)
    for idea_id, codes in PDSACycle.measures.through.objects.filter(
        pdsacycle__change_idea__in=list(entry_of)
    ).values_list("pdsacycle__change_idea_id", "measure__groups"):
        groups[entry_of[idea_id]].update(c for c in codes or () if c != StudentGroup.ALL)
    cohort_ids = {e.cohort_id for e in entries}
    visible = set(
        Team.objects.visible_to(user).filter(cohort__in=cohort_ids).values_list("pk", flat=True)
    )
    teams = defaultdict(list)
    for idea in sorted(ideas, key=lambda i: (i.package_entry_id is not None, i.pk)):
        team = idea.project.team
        teams[entry_of[idea.pk]].append(
            TeamEvidence(
                team=team,
                idea=idea,
                is_source=idea.pk in by_source,
                visible=team.pk in visible,
                cycles=cycles[idea.pk],
            )
        )
    result = []
    for entry in entries:
        served = groups[entry.pk] or {
            c for t in teams[entry.pk] for c in t.idea.project.focal_groups if c != "ALL"
        }
        codes = sorted(served, key=lambda c: GROUP_ORDER.get(c, 99))
        if group and group not in codes:
            continue
        result.append(EntryEvidence(entry=entry, teams=teams[entry.pk], groups=codes))
    return result


def entry_charts(entry: ChangePackageEntry, *, user, evidence: EntryEvidence) -> list[dict]:
    """The run charts of the measures the first team tested the idea with, suppressed for
    everyone outside that team (`permissions.sees_small_cells`): two queries."""
    source = entry.idea.project
    insider = permissions.sees_small_cells(user, source.team)
    measures = list(
        Measure.objects.filter(project=source, cycles__change_idea=entry.idea).distinct()
    )
    observations = defaultdict(list)
    for obs in Observation.objects.filter(measure__in=measures).order_by("date", "group"):
        observations[obs.measure_id].append(obs)
    aim = getattr(source, "aim", None)
    focal = aim.for_whom if aim else (source.focal_groups[0] if source.focal_groups else None)
    source_cycles = next((t.cycles for t in evidence.teams if t.is_source), [])
    markers = [(c.marker_date, cycle_label(c)) for c in source_cycles if c.marker_date]
    blocks = []
    for measure in measures:
        charts = build_measure_charts(
            measure, observations[measure.pk], insider=insider, focal=focal, markers=markers
        )
        preferred = {"gap", focal, "ALL"}
        charts = [c for c in charts if c.key in preferred] or charts[:1]
        blocks.append({"measure": measure, "charts": charts})
    return blocks


def adoptable_ideas(cohort):
    """Ideas a team of the cohort adopted that are not in its package yet (one query)."""
    return (
        ChangeIdea.objects.filter(
            project__team__cohort=cohort,
            project__school_year=cohort.school_year,
            adopted_on__isnull=False,
            package_entry__isnull=True,
        )
        .exclude(package_entries__cohort=cohort)
        .select_related("project__team")
        .order_by("project__team__name", "order", "pk")
    )
