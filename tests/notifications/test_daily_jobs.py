"""The daily reminder jobs: each day is the cohort's own day, and each event is told once.

The jobs run on the server's clock (Los Angeles here); a cohort in New York lives three hours
ahead, so at 10 PM in Los Angeles its "tomorrow" is already the day after.
"""

import datetime
from zoneinfo import ZoneInfo

import pytest

from coaching.management.commands.send_coaching_reminders import remind as remind_coaching
from coaching.models import Conversation, NextStep
from improvement.factories import ImprovementProjectFactory, PDSACycleFactory
from improvement.management.commands.send_pdsa_reminders import remind as remind_pdsa
from notifications.models import Kind, Notification
from programs.factories import ModulePageFactory, ProgramPageFactory
from programs.management.commands.send_module_release_notices import announce
from programs.services import home_page_ensure

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 12, 1, 22, 0, tzinfo=ZoneInfo("America/Los_Angeles"))
NEW_YORK_TODAY = datetime.date(2026, 12, 2)
NEW_YORK_TOMORROW = datetime.date(2026, 12, 3)
DECEMBER_1 = datetime.date(2026, 12, 1)


@pytest.fixture
def cohort(roles):
    cohort = roles["cohort"]
    cohort.time_zone = "America/New_York"
    cohort.save()
    return cohort


def told(kind, email="member@example.org"):
    return sorted(
        Notification.objects.filter(kind=kind, user__email=email).values_list("title", flat=True)
    )


def test_a_pdsa_cycle_is_announced_the_day_before_by_the_cohorts_clock_and_once(cohort, roles):
    project = ImprovementProjectFactory(team=roles["team_a"])
    PDSACycleFactory(project=project, title="Tomorrow in New York", planned_start=NEW_YORK_TOMORROW)
    # Tomorrow in Los Angeles, but already today in New York: too late for "tomorrow".
    PDSACycleFactory(project=project, title="Today in New York", planned_start=NEW_YORK_TODAY)
    remind_pdsa(now=NOW)
    remind_pdsa(now=NOW + datetime.timedelta(hours=1))
    assert told(Kind.PDSA_CYCLE_DUE) == ["PDSA cycle starts tomorrow: Tomorrow in New York"]


def test_a_coaching_step_is_announced_the_day_before_by_the_cohorts_clock_and_once(cohort, roles):
    conversation = Conversation.objects.create(
        team=roles["team_a"], facilitator=roles["facilitator"]
    )
    for description, due_on in (("Due tomorrow", NEW_YORK_TOMORROW), ("Due today", NEW_YORK_TODAY)):
        NextStep.objects.create(
            conversation=conversation,
            description=description,
            owner=roles["member_a"],
            due_on=due_on,
        )
    remind_coaching(now=NOW)
    remind_coaching(now=NOW + datetime.timedelta(hours=1))
    assert told(Kind.COACHING_STEP_DUE) == ["Coaching next step due tomorrow: Due tomorrow"]


def test_a_module_opening_is_announced_on_the_cohorts_day_and_once(cohort, roles):
    program = ProgramPageFactory(parent=home_page_ensure(), slug="eip")
    ModulePageFactory(parent=program, number=4, title="Systems", month=DECEMBER_1, slug="m4")
    cohort.program = program
    cohort.save()
    # 10 PM on 30 November in Los Angeles is 1 December in New York: the module opens there.
    late_november = datetime.datetime(2026, 11, 30, 22, 0, tzinfo=ZoneInfo("America/Los_Angeles"))
    announce(now=late_november)
    announce(now=late_november + datetime.timedelta(minutes=30))
    assert told(Kind.MODULE_RELEASED) == ["Module 4 is open: Systems"]
