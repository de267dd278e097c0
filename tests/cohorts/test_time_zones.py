"""Every date and time on team and cohort pages is in the cohort's time zone (issue 15,
item 8); the dashboard no longer shows UTC dates beside local ones."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from cohorts.factories import CohortSessionFactory
from cohorts.models import Cohort
from norms.models import NormSet
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_cohorts_default_to_pacific_time(roles):
    assert roles["cohort"].time_zone == "America/Los_Angeles"


def test_an_unknown_time_zone_is_refused_with_a_message(roles):
    cohort = roles["cohort"]
    cohort.time_zone = "Mars/Olympus"
    with pytest.raises(ValidationError) as error:
        cohort.full_clean()
    assert "time zone" in str(error.value)


def test_dashboard_dates_are_local_not_utc(roles):
    # 03:00 UTC on October 2 is still the evening of October 1 in California.
    NormSet.objects.create(
        team=roles["team_a"],
        number=1,
        status=NormSet.Status.RATIFIED,
        ratified_at=datetime.datetime(2026, 10, 2, 3, 0, tzinfo=datetime.UTC),
    )
    page = client_for("facilitator", roles).get(reverse("cohorts:cohort", args=["demo-cohort"]))
    assert "ratified on 2026-10-01" in page.text
    assert "ratified on 2026-10-02" not in page.text


def test_team_space_shows_the_next_session_in_the_cohorts_zone(roles):
    Cohort.objects.filter(pk=roles["cohort"].pk).update(time_zone="America/New_York")
    day = timezone.now().date() + datetime.timedelta(days=30)
    starts = datetime.datetime(day.year, day.month, day.day, 17, 0, tzinfo=datetime.UTC)
    CohortSessionFactory(cohort=roles["cohort"], starts_at=starts)
    page = client_for("member_a", roles).get(reverse("cohorts:team", args=["team-a"]))
    new_york = starts.astimezone(ZoneInfo("America/New_York")).strftime("%-I:%M %p")
    california = starts.astimezone(ZoneInfo("America/Los_Angeles")).strftime("%-I:%M %p")
    assert new_york in page.text  # 12:00 PM or 1:00 PM, with daylight saving time
    assert california not in page.text
