"""The cohort dashboard keeps its alerts and its heavier panels (module completion, bright
spots) in the cache: every write through a service or a view shows on the next view, a change
of date, hour or release dates too, and no facilitator ever gets another cohort's copy."""

import datetime
import re

import pytest

from django.urls import reverse
from django.utils import timezone

from accounts.factories import UserFactory
from cohorts.models import Invitation
from feedback.factories import FeedbackRequestFactory
from feedback.models import Assignment
from improvement.factories import ChangeIdeaFactory, PDSACycleFactory
from norms.factories import NormSetFactory
from norms.models import NormSet
from programs.factories import ModulePageFactory, ProgramPageFactory
from programs.services import home_page_ensure
from tests.conftest import client_for
from tests.improvement.test_bright_spots import LOWER, measured

pytestmark = pytest.mark.django_db

URL = reverse("cohorts:cohort", args=["demo-cohort"])
OTHER_URL = reverse("cohorts:cohort", args=["other-cohort"])
TODAY = timezone.localdate()
NORMS_ALERT = "No ratified norms by the third module"
INACTIVE_ALERT = "No activity for 30 days"


def _alerts(client) -> dict[str, list[str]]:
    response = client.get(URL)
    assert response.status_code == 200
    return {row.team.name: row.alerts for row in response.context["rows"]}


def _heat_row(html: str, team_name: str) -> list[str]:
    """The completion shares shown for a team ("50%" ...), from the page's heat map."""
    heat_map = html[html.index('class="heat-map"') :]
    row = re.search(rf'<th scope="row">{team_name}</th>(.*?)</tr>', heat_map, re.S)
    return re.findall(r">(\d+)%<", row.group(1))


def _program(roles, third_opens: datetime.date):
    """Three live modules, the first two open since September; the cohorts follow them."""
    program = ProgramPageFactory(parent=home_page_ensure(), slug="eip")
    modules = [
        ModulePageFactory(
            parent=program,
            number=number,
            month=third_opens if number == 3 else datetime.date(TODAY.year - 1, 9, 1),
            slug=f"m{number}",
            title=f"Module {number}",
        )
        for number in (1, 2, 3)
    ]
    for cohort in (roles["cohort"], roles["other_cohort"]):
        cohort.program = program
        cohort.save()
    return modules


def test_norms_alert_follows_a_ratified_vote_and_new_release_dates(roles):
    from norms import services as norms

    modules = _program(roles, TODAY.replace(day=1) - datetime.timedelta(days=31))
    norm_set = NormSetFactory(team=roles["team_a"], status=NormSet.Status.VOTING, ratified_at=None)
    client = client_for("facilitator", roles)
    alerts = _alerts(client)
    assert NORMS_ALERT in alerts["Team A"] and NORMS_ALERT in alerts["Team B"]
    norms.norm_set_close(norm_set=norm_set, user=roles["facilitator"], reason="Stalled")
    alerts = _alerts(client)
    assert NORMS_ALERT not in alerts["Team A"] and NORMS_ALERT in alerts["Team B"]
    # The facilitator moves the third module to next year (the release dates page).
    later = {f"module_{m.pk}": m.month.isoformat() for m in modules}
    later[f"module_{modules[2].pk}"] = TODAY.replace(year=TODAY.year + 1).isoformat()
    saved = client.post(reverse("programs:release_dates", args=["demo-cohort"]), later)
    assert saved.status_code == 302
    assert not any(NORMS_ALERT in found for found in _alerts(client).values())


def test_overdue_alert_follows_the_date_and_the_answer(roles, monkeypatch):
    from feedback import services as feedback

    request = FeedbackRequestFactory(
        team=roles["team_a"], requested_by=roles["member_a"], due_on=TODAY
    )
    Assignment.objects.create(
        request=request, reviewer=roles["member_b"], reviewer_team=roles["team_b"]
    )
    client = client_for("facilitator", roles)
    assert not any("overdue" in alert for alert in _alerts(client)["Team A"])
    tomorrow = TODAY + datetime.timedelta(days=1)
    localdate = timezone.localdate
    monkeypatch.setattr(
        timezone, "localdate", lambda *a, **k: localdate(*a, **k) if a else tomorrow
    )
    assert "1 feedback request is overdue" in _alerts(client)["Team A"]
    feedback.response_save(
        request=request, giver=roles["member_b"], answers={"warm": "Clear aim"}, submit=True
    )
    assert not any("overdue" in alert for alert in _alerts(client)["Team A"])


def test_inactivity_alert_follows_activity_and_the_hour(roles, monkeypatch):
    from journals import services as journals

    client = client_for("facilitator", roles)
    assert INACTIVE_ALERT in _alerts(client)["Team A"]
    journals.entry_create(
        author=roles["member_a"], team=roles["team_a"], title="Week 3", body="<p>We met.</p>",
        kind="learning", visibility="team",
    )  # fmt: skip
    assert INACTIVE_ALERT not in _alerts(client)["Team A"]
    later = timezone.now() + datetime.timedelta(days=31)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert INACTIVE_ALERT in _alerts(client)["Team A"]


def test_heat_map_follows_a_module_marked_done_and_a_member_joining(roles):
    from cohorts import services as cohorts
    from programs.services import module_mark_done

    modules = _program(roles, TODAY.replace(day=1) - datetime.timedelta(days=31))
    client = client_for("facilitator", roles)
    assert _heat_row(client.get(URL).content.decode(), "Team A") == ["0", "0", "0"]
    module_mark_done(user=roles["member_a"], module=modules[0])
    first = _heat_row(client.get(URL).content.decode(), "Team A")
    assert first[0] != "0" and first[1:] == ["0", "0"]
    newcomer = UserFactory(email="new@example.org")
    invitation = Invitation.objects.create(
        team=roles["team_a"], email=newcomer.email, role="member", invited_by=roles["lead_a"],
        expires_at=timezone.now() + datetime.timedelta(days=7),
    )  # fmt: skip
    cohorts.invitation_accept(invitation=invitation, user=newcomer)
    second = _heat_row(client.get(URL).content.decode(), "Team A")
    assert int(second[0]) < int(first[0])  # one more member, the same completions


def test_bright_spots_follow_a_new_point_and_a_cycle_linked_to_the_measure(roles):
    from improvement.services import cycle_update, observation_add

    measure = measured(roles["team_a"], LOWER[:-1], name="Chronic absenteeism")
    cycle = PDSACycleFactory(
        project=measure.project, change_idea=ChangeIdeaFactory(project=measure.project),
        ramp="Texts", number=1, title="Texts home", planned_start=datetime.date(2026, 2, 2),
    )  # fmt: skip
    client = client_for("facilitator", roles)
    html = client.get(URL).content.decode()
    assert "7 points below the median" in html and cycle.get_absolute_url() not in html
    observation_add(
        measure=measure, user=roles["member_a"], day=datetime.date(2026, 11, 1), group="EL",
        value=13, n=40,
    )  # fmt: skip
    html = client.get(URL).content.decode()
    assert "8 points below the median" in html and "7 points below" not in html
    cycle_update(cycle=cycle, user=roles["member_a"], measures=[measure])
    assert cycle.get_absolute_url() in client.get(URL).content.decode()


def test_another_cohorts_facilitator_never_gets_this_cohorts_panels_or_alerts(roles):
    _program(roles, TODAY.replace(day=1) - datetime.timedelta(days=31))
    measured(roles["team_a"], LOWER, name="Chronic absenteeism")
    mine = client_for("facilitator", roles).get(URL).content.decode()
    assert "Chronic absenteeism" in mine and '<th scope="row">Team A</th>' in mine
    other = client_for("facilitator_other", roles)
    assert other.get(URL).status_code == 404
    response = other.get(OTHER_URL)
    theirs = response.content.decode()
    assert response.status_code == 200
    assert '<th scope="row">Team Other</th>' in theirs
    assert "Team A" not in theirs and "Team B" not in theirs
    assert "Chronic absenteeism" not in theirs
    assert [row.team.name for row in response.context["rows"]] == ["Team Other"]


def test_a_filtered_dashboard_keeps_its_own_panels(roles):
    _program(roles, TODAY.replace(day=1) - datetime.timedelta(days=31))
    client = client_for("facilitator", roles)
    assert '<th scope="row">Team B</th>' in client.get(URL).content.decode()
    filtered = client.get(URL, {"q": "Team A"}).content.decode()
    assert '<th scope="row">Team A</th>' in filtered
    assert '<th scope="row">Team B</th>' not in filtered


def test_without_a_cache_the_panels_and_alerts_are_the_same(roles, settings):
    _program(roles, TODAY.replace(day=1) - datetime.timedelta(days=31))
    measured(roles["team_a"], LOWER, name="Chronic absenteeism")
    client = client_for("facilitator", roles)
    client.get(URL)
    cached = client.get(URL)
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    fresh = client.get(URL)
    assert _alerts(client) == {r.team.name: r.alerts for r in cached.context["rows"]}
    for html in (cached.content.decode(), fresh.content.decode()):
        assert _heat_row(html, "Team A") == ["0", "0", "0"]
        assert "8 points below the median" in html


def test_sessions_show_their_modules_title(roles):
    from cohorts.factories import CohortSessionFactory

    modules = _program(roles, TODAY.replace(day=1) - datetime.timedelta(days=31))
    CohortSessionFactory(cohort=roles["cohort"], title="Kickoff", module=modules[1])
    CohortSessionFactory(cohort=roles["cohort"], title="Open hours", location="")
    html = client_for("facilitator", roles).get(URL).content.decode()
    assert "Kickoff, County Office of Education, Room 204 (Module 2)" in html
    assert re.search(r"Open hours\s*<a ", html)  # no module, no parentheses


def test_only_the_cohorts_managers_save_its_release_dates(roles):
    from django.core.exceptions import PermissionDenied

    from programs.models import ModuleRelease
    from programs.services import release_dates_save

    modules = _program(roles, TODAY)
    for role in ("facilitator_other", "lead_a"):
        with pytest.raises(PermissionDenied):
            release_dates_save(cohort=roles["cohort"], dates={modules[2]: TODAY}, by=roles[role])
    assert not ModuleRelease.objects.exists()
    release_dates_save(cohort=roles["cohort"], dates={modules[2]: TODAY}, by=roles["facilitator"])
    assert ModuleRelease.objects.get().opens_on == TODAY
