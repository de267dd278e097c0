"""The cohort dashboard's columns are cached per team version: every write shows at once."""

import datetime

import pytest

from django.urls import reverse
from django.utils import timezone, translation

from cohorts import panels
from cohorts.factories import TeamFactory
from cohorts.services import membership_end
from feedback.factories import FeedbackRequestFactory
from feedback.models import Assignment
from norms.factories import NormSetFactory
from norms.models import NormSet
from tests.conftest import client_for
from tests.workload import team_with_every_feature

pytestmark = pytest.mark.django_db

URL = reverse("cohorts:cohort", args=["demo-cohort"])


def _cells(client) -> dict[str, dict[str, str]]:
    """{team name: {column label: cell text}} as the facilitator's page shows them."""
    response = client.get(URL)
    assert response.status_code == 200
    labels = [str(c.label) for c in response.context["columns"]]
    return {
        row.team.name: dict(zip(labels, [str(cell) for cell in row.cells], strict=True))
        for row in response.context["rows"]
    }


def test_reflections_written_and_deleted_show_right_after(roles):
    from journals import services as journals

    client = client_for("facilitator", roles)
    assert _cells(client)["Team A"]["Reflections written"] == "0"
    entry = journals.entry_create(
        author=roles["member_a"], team=roles["team_a"], title="Week 3", body="<p>We met.</p>",
        kind="learning", visibility="team",
    )  # fmt: skip
    assert _cells(client)["Team A"]["Reflections written"] == "1"
    journals.entry_delete(entry=entry, author=roles["member_a"])
    assert _cells(client)["Team A"]["Reflections written"] == "0"


def test_coaching_steps_recorded_and_done_show_right_after(roles):
    from coaching import services as coaching

    client = client_for("facilitator", roles)
    assert _cells(client)["Team A"]["Open coaching steps"] == "0"
    conversation = coaching.conversation_record(
        team=roles["team_a"], facilitator=roles["facilitator"],
        steps=[{"description": "Share the aim", "owner_id": roles["member_a"].pk,
                "due_on": timezone.localdate() + datetime.timedelta(days=7)}],
        participants=[roles["member_a"]], held_on=timezone.localdate(), kind="check_in", notes="",
    )  # fmt: skip
    assert _cells(client)["Team A"]["Open coaching steps"] == "1"
    coaching.next_step_done(step=conversation.next_steps.get(), by=roles["member_a"])
    assert _cells(client)["Team A"]["Open coaching steps"] == "0"


def test_a_vote_closed_or_a_member_leaving_shows_right_after(roles):
    from norms import services as norms

    norm_set = NormSetFactory(team=roles["team_a"], status=NormSet.Status.VOTING, ratified_at=None)
    client = client_for("facilitator", roles)
    assert _cells(client)["Team A"]["Norms"] == "voting (0 of 3)"
    membership_end(membership=roles["inactive"].memberships.get(), by=roles["facilitator"])
    assert _cells(client)["Team A"]["Norms"] == "voting (0 of 2)"
    norms.norm_set_close(norm_set=norm_set, user=roles["facilitator"], reason="Stalled")
    assert _cells(client)["Team A"]["Norms"].startswith("ratified on")


def test_a_feedback_request_falling_overdue_and_then_answered_shows_at_once(roles, monkeypatch):
    from feedback import services as feedback

    today = timezone.localdate()
    request = FeedbackRequestFactory(
        team=roles["team_a"], requested_by=roles["member_a"], due_on=today
    )
    Assignment.objects.create(
        request=request, reviewer=roles["member_b"], reviewer_team=roles["team_b"]
    )
    client = client_for("facilitator", roles)
    column = "Feedback given · received · overdue"
    assert _cells(client)["Team A"][column] == "0 given · 0 received · 0 overdue"
    tomorrow = today + datetime.timedelta(days=1)
    localdate = timezone.localdate
    monkeypatch.setattr(
        timezone, "localdate", lambda *a, **k: localdate(*a, **k) if a else tomorrow
    )
    assert _cells(client)["Team A"][column] == "0 given · 0 received · 1 overdue"
    feedback.response_save(
        request=request, giver=roles["member_b"], answers={"warm": "Clear aim"}, submit=True
    )
    cells = _cells(client)
    assert cells["Team A"][column] == "0 given · 1 received · 0 overdue"
    assert cells["Team B"][column] == "1 given · 0 received · 0 overdue"


def test_another_cohorts_facilitator_still_gets_404_once_the_page_is_cached(roles):
    team_with_every_feature(team=roles["team_a"], facilitator=roles["facilitator"])
    assert client_for("facilitator", roles).get(URL).status_code == 200
    for role in ("facilitator_other", "member_a", "lead_a"):
        assert client_for(role, roles).get(URL).status_code == 404


def test_cached_columns_follow_the_readers_language(roles):
    def labels():
        teams = list(roles["cohort"].teams.order_by("name"))
        columns = panels.cohort_team_columns(cohort=roles["cohort"], teams=teams, user=None)
        return [str(c.label) for c in columns]

    english = labels()
    with translation.override("es"):
        spanish, spanish_cached = labels(), labels()
    assert english == labels()  # cached in English
    assert "Reflections written" in english and "Norms" in english
    assert spanish == spanish_cached
    assert "Reflexiones escritas" in spanish and "Normas" in spanish


def test_without_a_cache_the_dashboard_shows_the_same_figures(roles, settings):
    team_with_every_feature(team=roles["team_a"], facilitator=roles["facilitator"])
    client = client_for("facilitator", roles)
    cached = _cells(client)
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    assert _cells(client) == cached


def _warm_queries(client, django_assert_max_num_queries, limit) -> int:
    client.get(URL)
    with django_assert_max_num_queries(limit) as captured:
        assert client.get(URL).status_code == 200
    return len(captured.captured_queries)


# Cached columns, alerts, completion heat map and bright spots: no column, alert or heat map
# query, only the person, the cohort, its teams, the invitations, sessions, proposals and the
# change package's two counts.
DASHBOARD_CACHED_MAX_QUERIES = 11


def test_a_cached_dashboard_costs_the_same_for_1_and_30_teams(roles, django_assert_max_num_queries):
    client = client_for("facilitator", roles)
    team_with_every_feature(team=roles["team_a"], facilitator=roles["facilitator"])
    small = _warm_queries(client, django_assert_max_num_queries, DASHBOARD_CACHED_MAX_QUERIES)
    for n in range(29):
        team = TeamFactory(cohort=roles["cohort"], slug=f"more-{n}", name=f"More {n}")
        team_with_every_feature(team=team, facilitator=roles["facilitator"])
    large = _warm_queries(client, django_assert_max_num_queries, DASHBOARD_CACHED_MAX_QUERIES)
    assert small == large


def test_dashboard_cells_are_escaped_like_template_variables(roles):
    from cohorts.dashboard import TeamRow

    row = TeamRow(team=roles["team_a"], cells=['<img src=x onerror="alert(1)">', 12])
    assert str(row.cells_html) == (
        "<td>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</td><td>12</td>"
    )


def test_the_cached_table_shows_a_renamed_team_and_a_new_reflection(roles):
    from cohorts.models import Team
    from journals import services as journals

    client = client_for("facilitator", roles)
    assert ">Team A<" in client.get(URL).content.decode()
    Team.objects.filter(pk=roles["team_a"].pk).update(name="Team Alpha")
    page = client.get(URL).content.decode()
    assert ">Team Alpha<" in page and ">Team A<" not in page
    before = page.count("<td>1</td>")
    journals.entry_create(
        author=roles["member_a"], team=roles["team_a"], title="Week 4", body="<p>We met.</p>",
        kind="learning", visibility="team",
    )  # fmt: skip
    assert client.get(URL).content.decode().count("<td>1</td>") == before + 1


def test_a_site_admin_never_gets_the_facilitators_portfolio_links_from_the_cache(roles):
    facilitator, admin = client_for("facilitator", roles), client_for("site_admin", roles)
    assert "Download portfolio" in facilitator.get(URL).content.decode()
    admin_page = admin.get(URL)
    assert admin_page.status_code == 200
    assert ">Team A<" in admin_page.content.decode()
    assert "Download portfolio" not in admin_page.content.decode()
    assert "Download portfolio" in facilitator.get(URL).content.decode()
