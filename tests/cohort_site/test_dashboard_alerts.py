"""Alerts that feature apps add to the cohort dashboard, and the reflections column."""

import datetime

import pytest

from django.urls import reverse
from django.utils import timezone

from improvement.factories import ImprovementProjectFactory, PDSACycleFactory
from journals.factories import JournalEntryFactory
from norms.models import NormSet
from programs.factories import ModulePageFactory, ProgramPageFactory
from programs.services import home_page_ensure
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def dashboard(roles):
    response = client_for("facilitator", roles).get(reverse("cohorts:cohort", args=["demo-cohort"]))
    rows = {row.team.slug: row for row in response.context["rows"]}
    return rows, response.content.decode(), [column.label for column in response.context["columns"]]


def with_program(roles, third_module_month):
    program = ProgramPageFactory(parent=home_page_ensure(), slug="eip")
    for number in (1, 2, 3):
        month = third_module_month if number == 3 else datetime.date(2026, 9, 1)
        ModulePageFactory(parent=program, number=number, month=month, slug=f"m{number}")
    roles["cohort"].program = program
    roles["cohort"].save()


def test_teams_without_ratified_norms_are_flagged_once_the_third_module_opened(roles):
    with_program(roles, TODAY.replace(day=1) - datetime.timedelta(days=31))
    NormSet.objects.create(
        team=roles["team_a"], number=1, status=NormSet.Status.RATIFIED, ratified_at=timezone.now()
    )
    rows, _body, _labels = dashboard(roles)
    assert "No ratified norms by the third module" not in rows["team-a"].alerts
    assert "No ratified norms by the third module" in rows["team-b"].alerts


def test_no_norms_alert_before_the_third_module(roles):
    with_program(roles, TODAY.replace(day=1) + datetime.timedelta(days=62))
    rows, _body, _labels = dashboard(roles)
    assert not any("norms" in alert for row in rows.values() for alert in row.alerts)


def test_teams_without_a_cycle_are_flagged_from_april(roles):
    roles["cohort"].ends_on = TODAY.replace(year=TODAY.year - 1) if TODAY.month < 4 else TODAY
    roles["cohort"].save()
    PDSACycleFactory(project=ImprovementProjectFactory(team=roles["team_a"]))
    rows, _body, _labels = dashboard(roles)
    assert "No PDSA cycle by April" not in rows["team-a"].alerts
    assert "No PDSA cycle by April" in rows["team-b"].alerts


def test_reflections_are_counted_per_team_and_their_text_never_shown(roles):
    JournalEntryFactory(
        author=roles["member_a"],
        team=roles["team_a"],
        visibility="private",
        body="<p>secret words</p>",
    )
    JournalEntryFactory(author=roles["lead_a"], team=roles["team_a"], visibility="team")
    rows, body, labels = dashboard(roles)
    column = labels.index("Reflections written")
    assert rows["team-a"].cells[column] == 2
    assert rows["team-b"].cells[column] == 0
    assert "secret words" not in body
