import datetime

import pytest
from icalendar import Calendar

from django.urls import reverse

from cohorts.calendar import feed_url
from cohorts.factories import CohortSessionFactory, MembershipFactory
from cohorts.services import team_summary_changed
from tests.conftest import client_for
from tests.workload import add_work, team_with_every_feature

pytestmark = pytest.mark.django_db


def test_calendar_feed_parses_and_lists_every_session(client, roles):
    start = datetime.datetime(2026, 10, 15, 16, 0, tzinfo=datetime.UTC)
    for n in range(3):
        CohortSessionFactory(
            cohort=roles["cohort"],
            title=f"Session {n + 1}",
            starts_at=start + datetime.timedelta(weeks=4 * n),
        )
    response = client.get(feed_url(roles["cohort"], roles["member_a"]))
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    assert [str(e["SUMMARY"]) for e in events] == ["Session 1", "Session 2", "Session 3"]
    assert events[0].decoded("DTSTART") == start


def _grow_team(team, n):
    for _ in range(n):
        MembershipFactory(team=team)


def _count_queries(django_assert_max_num_queries, client, url, limit):
    with django_assert_max_num_queries(limit) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


# Every panel of the team space with its data (tests/workload.py), as member and facilitator:
# the person's roles, group and unread count in one query (was four), the journal panel's
# entries with their count in one (was two), the module panel's modules with their release days
# in one (was two). That is when no panel is kept rendered; a repeat view reads the person,
# the team, their roles, the members, the next session and the coaching steps (rendered each
# time): 6 (was 16).
TEAM_SPACE_MAX_QUERIES = 17
TEAM_SPACE_KEPT_MAX_QUERIES = 6


@pytest.mark.parametrize("role", ["member_a", "facilitator"])
def test_team_space_queries_do_not_grow_with_members(roles, role, django_assert_max_num_queries):
    # Every panel has its kind of data, so a panel that reads per member or per item shows.
    team_with_every_feature(team=roles["team_a"], facilitator=roles["facilitator"])
    client = client_for(role, roles)
    url = reverse("cohorts:team", args=["team-a"])
    small = _count_queries(django_assert_max_num_queries, client, url, TEAM_SPACE_MAX_QUERIES)
    _grow_team(roles["team_a"], 30)
    add_work(roles["team_a"], 30)
    # The factories write around the services: move the team's version as they would, so
    # every kept panel reads its data again.
    team_summary_changed(roles["team_a"])
    large = _count_queries(django_assert_max_num_queries, client, url, TEAM_SPACE_MAX_QUERIES)
    assert small == large
    kept = _count_queries(django_assert_max_num_queries, client, url, TEAM_SPACE_KEPT_MAX_QUERIES)
    assert kept < small


# The cohort page is the facilitator's dashboard: every feature app adds a column or an alert,
# so its bound is the dashboard's (30), and it must not grow with the number of teams.
DASHBOARD_MAX_QUERIES = 30


def test_cohort_page_queries_do_not_grow_with_teams(roles, django_assert_max_num_queries):
    # Each team has every feature's data (journals, norms and check-ins, feedback, measures with
    # observations, PDSA cycles, coaching steps), so an N+1 in any column or alert hook shows.
    client = client_for("facilitator", roles)
    url = reverse("cohorts:cohort", args=["demo-cohort"])
    for team in ("team_a", "team_b"):
        team_with_every_feature(team=roles[team], facilitator=roles["facilitator"])
    small = _count_queries(django_assert_max_num_queries, client, url, DASHBOARD_MAX_QUERIES)
    for _ in range(48):
        team_with_every_feature(roles["cohort"], facilitator=roles["facilitator"])
    large = _count_queries(django_assert_max_num_queries, client, url, DASHBOARD_MAX_QUERIES)
    assert small == large


def test_facilitator_schedules_a_session_and_it_reaches_the_calendar(client, roles):
    facilitator = client_for("facilitator", roles)
    response = facilitator.post(
        reverse("cohorts:session_new", args=["demo-cohort"]),
        {
            "title": "Session 5: Root causes",
            "starts_at": "2027-01-21T15:30",
            "ends_at": "2027-01-21T18:30",
            "location": "Room 2",
        },
    )
    assert response.status_code == 302
    feed = Calendar.from_ical(client.get(feed_url(roles["cohort"], roles["member_a"])).content)
    assert [str(e["SUMMARY"]) for e in feed.walk("VEVENT")] == ["Session 5: Root causes"]


def test_a_session_that_ends_before_it_starts_keeps_what_was_typed(roles):
    response = client_for("facilitator", roles).post(
        reverse("cohorts:session_new", args=["demo-cohort"]),
        {
            "title": "Typed title",
            "starts_at": "2027-01-21T15:30",
            "ends_at": "2027-01-21T14:00",
            "location": "",
        },
    )
    body = response.content.decode()
    assert "must end after it starts" in body
    assert "Give a place or a video link" in body
    assert "Typed title" in body


def test_team_space_reads_the_committee_and_its_open_count_once(
    roles, django_assert_max_num_queries
):
    """1 or 30 open recommendations: the committee panel's queries stay the same, and the
    team is never read again for the committee's link."""
    from committees.factories import CommitteeFactory, RecommendationFactory

    committee = CommitteeFactory(team=roles["team_a"])
    RecommendationFactory(committee=committee, title="Recommendation 0")
    client = client_for("member_a", roles)
    url = reverse("cohorts:team", args=["team-a"])
    small = _count_queries(django_assert_max_num_queries, client, url, 20)
    for n in range(1, 30):
        RecommendationFactory(committee=committee, title=f"Recommendation {n}")
    team_summary_changed(roles["team_a"])  # as `recommendation_send` does
    with django_assert_max_num_queries(small) as captured:
        page = client.get(url).content.decode()
    assert "30 recommendations wait for an answer" in page
    assert reverse("committees:space", args=["team-a"]) in page
    queries = [q["sql"] for q in captured.captured_queries]
    team_reads = [sql for sql in queries if sql.startswith('SELECT "cohorts_team"')]
    assert len(team_reads) == 1


def test_a_calendar_feed_is_personal_and_stops_when_the_person_leaves(client, roles):
    """The feed carries session places and video links. Each person subscribes with their own
    address, which works only while they are on a team of the cohort (or facilitate it): a
    link kept by someone who left, or shared with another cohort, answers 404."""
    from django.core.signing import Signer

    from cohorts import calendar
    from cohorts.models import Membership

    CohortSessionFactory(cohort=roles["cohort"], video_url="https://meet.example.org/secret")
    member, outsider = roles["member_a"], roles["facilitator_other"]
    mine = feed_url(roles["cohort"], member)
    assert mine != feed_url(roles["cohort"], roles["lead_a"])
    response = client.get(mine)
    assert response.status_code == 200
    assert b"meet.example.org/secret" in response.content
    assert {"private", "no-store"} <= {
        part.strip() for part in response["Cache-Control"].split(",")
    }
    assert client.get(feed_url(roles["cohort"], roles["facilitator"])).status_code == 200
    assert client.get(feed_url(roles["cohort"], outsider)).status_code == 404
    # The old address, one for the whole cohort, no longer opens anything.
    cohort_wide = Signer(salt=calendar.SALT).sign(str(roles["cohort"].pk))
    assert client.get(reverse("cohorts:calendar", args=[cohort_wide])).status_code == 404

    Membership.objects.filter(user=member).update(left_on=datetime.date(2026, 11, 1))
    assert client.get(mine).status_code == 404
