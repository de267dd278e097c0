"""The team space keeps most panels rendered (`cohorts.panels.team_space_panels`).

Each test views the team space (the panel is kept), writes through the real service, views it
again and sees the change; and two readers whose roles differ never see each other's copy.
"""

import datetime

import pytest

from django.urls import reverse

from assessments.services import self_assessment_save
from cohorts.services import team_summary_changed
from committees.services import charter_save, recommendation_answer, recommendation_send
from improvement import services as improvement
from journals.models import Kind, Visibility
from journals.services import entry_create, entry_delete, entry_update
from norms import services as norms
from tests.cohorts.test_calendar_and_queries import TEAM_SPACE_KEPT_MAX_QUERIES
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def team_space(client) -> str:
    response = client.get(reverse("cohorts:team", args=["team-a"]))
    assert response.status_code == 200
    return response.content.decode()


def shared_entry(roles, title: str):
    return entry_create(
        author=roles["member_a"],
        team=roles["team_a"],
        title=title,
        body="<p>Notes</p>",
        kind=Kind.TEAM,
        visibility=Visibility.TEAM,
    )


def edit(entry, roles, **changes):
    entry_update(
        entry=entry, author=roles["member_a"], version=None, body="<p>Notes</p>", **changes
    )


def test_a_repeat_view_reads_no_kept_panel(roles, django_assert_max_num_queries):
    client = client_for("member_a", roles)
    team_space(client)
    with django_assert_max_num_queries(TEAM_SPACE_KEPT_MAX_QUERIES) as captured:
        team_space(client)
    tables = " ".join(q["sql"] for q in captured.captured_queries)
    kept_apps = ("norms_", "journals_", "improvement_", "feedback_", "assessments_", "committees_")
    for kept in kept_apps:
        assert f'"{kept}' not in tables, kept


def test_norms_ratified_and_a_new_statement_show_at_once(roles):
    client = client_for("member_a", roles)
    assert "The team has not ratified its norms yet." in team_space(client)
    team = roles["team_a"]
    draft = norms.draft_start(team=team, user=roles["member_a"])
    norms.norm_add(norm_set=draft, user=roles["member_a"], statement="We start on time")
    norms.norm_set_propose(norm_set=draft, user=roles["lead_a"])
    assert "A new version is open" in team_space(client)
    norms.norm_set_close(norm_set=draft, user=roles["facilitator"], reason="Nobody objected")
    page = team_space(client)
    assert "We start on time" in page
    assert "A new version is open" not in page
    norms.statement_save(
        team=team,
        user=roles["member_a"],
        who_we_are="Teachers who listen first",
        why_we_do_this_work="Our students",
        what_we_commit_to="Listening",
        based_on_number=0,
    )
    assert "Teachers who listen first" in team_space(client)


def test_shared_entries_show_when_written_renamed_and_deleted(roles):
    client = client_for("lead_a", roles)
    assert "0 entries shared with the team." in team_space(client)
    entry = shared_entry(roles, "What belonging looks like")
    page = team_space(client)
    assert "What belonging looks like" in page
    assert "1 entry shared with the team." in page
    edit(entry, roles, title="What belonging sounds like")
    assert "What belonging sounds like" in team_space(client)
    edit(entry, roles, title="What belonging sounds like", visibility=Visibility.PRIVATE)
    assert "What belonging sounds like" not in team_space(client)
    entry_delete(entry=entry, author=roles["member_a"])
    assert "0 entries shared with the team." in team_space(client)


def test_a_site_admin_never_reads_the_members_copy_of_the_journal_panel(roles):
    shared_entry(roles, "Only for the team")
    assert "Only for the team" in team_space(client_for("member_a", roles))
    assert "Only for the team" not in team_space(client_for("site_admin", roles))
    assert "Only for the team" in team_space(client_for("facilitator", roles))


def test_the_project_and_its_aim_show_when_saved(roles):
    client = client_for("member_a", roles)
    assert "Not started yet." in team_space(client)
    project = improvement.project_create(
        team=roles["team_a"],
        user=roles["lead_a"],
        problem_of_practice="Too many students miss school",
        focal_groups=["HI"],
        equity_area="climate",
    )
    assert "No aim yet." in team_space(client)
    improvement.aim_save(
        project=project,
        user=roles["member_a"],
        what="chronic absence",
        how_much="fall by a third",
        by_when=datetime.date(2027, 6, 1),
        for_whom="HI",
        baseline_value=30,
        baseline_date=datetime.date(2026, 9, 1),
        target_value=20,
    )
    page = team_space(client)
    assert "No aim yet." not in page
    assert "chronic absence" in page


def test_a_self_assessment_shows_when_taken(roles):
    client = client_for("member_a", roles)
    assert "Not taken yet this year." in team_space(client)
    self_assessment_save(team=roles["team_a"], moment="start", ratings={}, by=roles["member_a"])
    assert "Taken at the start of the year" in team_space(client)


def test_the_committee_charter_and_recommendations_show_when_written(roles):
    client = client_for("member_a", roles)
    committee = roles["committee_a"]
    assert "Mesa Linda advisory committee" in team_space(client)
    charter_save(
        team=roles["team_a"],
        by=roles["lead_a"],
        name="Familias unidas",
        purpose="Listen",
        decision_making="Consensus",
        meeting_norms="Respect",
    )
    page = team_space(client)
    assert "Familias unidas" in page
    assert "waits for an answer" not in page
    recommendation = recommendation_send(
        committee=committee, by=roles["family_a"], title="Translate the newsletter", rationale="."
    )
    assert "1 recommendation waits for an answer" in team_space(client)
    recommendation_answer(
        recommendation=recommendation, by=roles["lead_a"], status="adopted", response="Yes"
    )
    assert "waits for an answer" not in team_space(client)


@pytest.mark.parametrize("first", ["member_a", "lead_a"])
def test_readers_with_different_roles_never_share_a_panel(roles, first):
    """The lead may start a committee, a member may not: whoever views first, each sees
    their own."""
    roles["committee_a"].delete()
    team_summary_changed(roles["team_a"])
    second = "member_a" if first == "lead_a" else "lead_a"
    pages = {who: team_space(client_for(who, roles)) for who in (first, second)}
    assert "Start one with a charter" in pages["lead_a"]
    assert "Start one with a charter" not in pages["member_a"]


def test_a_kept_panel_holds_no_csrf_token_and_a_live_form_has_one(roles, monkeypatch):
    """Panels with a form (coaching steps) are rendered each time: a token in the cache would
    be someone else's."""
    from coaching.factories import NextStepFactory
    from cohort_site import fragments

    stored = {}
    real = fragments.cache

    class Spy:
        def __getattr__(self, name):
            return getattr(real, name)

        def set_many(self, data, timeout=None):
            stored.update(data)
            return real.set_many(data, timeout)

    monkeypatch.setattr(fragments, "cache", Spy())
    step = NextStepFactory(conversation__team=roles["team_a"], owner=roles["member_a"])
    page = team_space(client_for("member_a", roles))
    assert reverse("coaching:step_done", args=["team-a", step.pk]) in page
    assert 'name="csrfmiddlewaretoken"' in page
    # Seven kept: the module panel (empty: no curriculum here), norms, journal, project,
    # feedback, self-assessment, committee.
    assert len(stored) == 7
    assert not any("csrfmiddlewaretoken" in html for html in stored.values())


def test_readers_in_two_languages_each_get_their_own(roles):
    roles["lead_a"].preferred_language = "es"
    roles["lead_a"].save()
    english = team_space(client_for("member_a", roles))
    spanish = team_space(client_for("lead_a", roles))
    assert "Not taken yet this year." in english
    assert "Not taken yet this year." not in spanish


def test_feedback_requests_a_round_and_a_renamed_critical_friend_show_at_once(roles):
    from feedback import services as feedback
    from feedback.rounds import round_create

    client = client_for("member_a", roles)
    assert "0 open requests from this team." in team_space(client)
    request = feedback.request_create(
        team=roles["team_a"],
        requested_by=roles["member_a"],
        artifact_title="Aim statement",
        focusing_question="Can someone else measure this?",
        protocol="warm-and-cool-feedback",
        due_on=datetime.date.today() + datetime.timedelta(days=7),
        reviewers=[roles["member_b"]],
    )
    assert "1 open request from this team." in team_space(client)
    round_create(
        cohort=roles["cohort"],
        by=roles["facilitator"],
        name="Autumn round",
        pairs={roles["team_a"].pk: roles["team_b"].pk},
    )
    assert "Team B is your critical-friend team (Autumn round)." in team_space(client)
    admin = client_for("site_admin", roles)
    team_b = roles["team_b"]
    response = admin.post(
        reverse("team:edit", args=[team_b.pk]),
        {
            "name": "Team Bravo",
            "slug": team_b.slug,
            "cohort": team_b.cohort_id,
            "organization": team_b.organization_id,
            "kind": team_b.kind,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert "Team Bravo is your critical-friend team" in team_space(client)
    feedback.request_close(request=request, by=roles["member_a"])
    assert "0 open requests from this team." in team_space(client)
    admin.post(reverse("team:delete", args=[team_b.pk]))
    assert "critical-friend team" not in team_space(client)
