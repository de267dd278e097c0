"""Session reminders: "tomorrow" is the cohort's tomorrow, and each session is announced once."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from cohorts.factories import (
    CohortFactory,
    CohortSessionFactory,
    MembershipFactory,
    TeamFactory,
)
from cohorts.notifications import remind_sessions_tomorrow
from notifications.models import Kind, Notification

pytestmark = pytest.mark.django_db

NEW_YORK = ZoneInfo("America/New_York")
# 10 PM on 1 December in Los Angeles (the server's zone) is already 1 AM on 2 December in
# New York, the cohort's: its "tomorrow" is 3 December.
NOW = datetime.datetime(2026, 12, 1, 22, 0, tzinfo=ZoneInfo("America/Los_Angeles"))


def at_new_york(day, hour, minute=0):
    return datetime.datetime(2026, 12, day, hour, minute, tzinfo=NEW_YORK)


@pytest.fixture
def cohort(roles):
    cohort = roles["cohort"]
    cohort.time_zone = "America/New_York"
    cohort.save()
    return cohort


def session(cohort, title, starts_at):
    return CohortSessionFactory(
        cohort=cohort,
        title=title,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=2),
    )


def reminded_titles(email="member@example.org"):
    return sorted(
        Notification.objects.filter(kind=Kind.SESSION_TOMORROW, user__email=email).values_list(
            "title", flat=True
        )
    )


def test_tomorrow_is_the_cohorts_tomorrow_not_the_servers(cohort):
    # 11 PM on 2 December in New York: today there, though tomorrow in Los Angeles.
    session(cohort, "Tonight", at_new_york(2, 23))
    # 11:30 PM on 3 December in New York: tomorrow there, the day after in Los Angeles.
    session(cohort, "Late tomorrow", at_new_york(3, 23, 30))
    remind_sessions_tomorrow(now=NOW)
    assert reminded_titles() == ["Tomorrow: Late tomorrow"]
    assert reminded_titles("facilitator@example.org") == ["Tomorrow: Late tomorrow"]


def test_running_the_daily_job_twice_reminds_once(cohort):
    session(cohort, "Session 4", at_new_york(3, 16))
    remind_sessions_tomorrow(now=NOW)
    remind_sessions_tomorrow(now=NOW + datetime.timedelta(minutes=5))
    assert reminded_titles() == ["Tomorrow: Session 4"]


def test_a_session_moved_after_its_reminder_is_announced_again_for_its_new_day(cohort):
    moved = session(cohort, "Session 5", at_new_york(3, 16))
    remind_sessions_tomorrow(now=NOW)
    moved.starts_at = at_new_york(4, 16)
    moved.ends_at = at_new_york(4, 18)
    moved.save()
    remind_sessions_tomorrow(now=NOW + datetime.timedelta(days=1))
    assert reminded_titles() == ["Tomorrow: Session 5", "Tomorrow: Session 5"]


def test_reminders_read_people_in_one_query_however_many_cohorts_meet_tomorrow(cohort):
    for index in range(12):
        other = CohortFactory(time_zone="America/New_York")
        MembershipFactory(team=TeamFactory(cohort=other))
        session(other, f"Session {index}", at_new_york(3, 10))
    with CaptureQueriesContext(connection) as queries:
        remind_sessions_tomorrow(now=NOW)
    reads = [q["sql"] for q in queries if q["sql"].startswith("SELECT")]
    assert len([sql for sql in reads if 'FROM "cohorts_membership"' in sql]) == 1
    assert len([sql for sql in reads if 'FROM "cohorts_cohortsession"' in sql]) == 1
    assert Notification.objects.filter(kind=Kind.SESSION_TOMORROW).count() == 12
