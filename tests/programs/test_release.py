import datetime

import pytest

from django.urls import reverse
from django.utils import timezone

from accounts.factories import UserFactory
from cohorts.factories import MembershipFactory
from programs.factories import ModulePageFactory
from programs.models import ModuleCompletion, ModuleRelease
from programs.release import module_is_open
from tests.conftest import client_for
from tests.matrix import assert_access, expect

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def later_module(program):
    next_month = (TODAY.replace(day=1) + datetime.timedelta(days=40)).replace(day=1)
    return ModulePageFactory(
        parent=program, title="Later module", slug="later", number=2, month=next_month
    )


def fresh(user):
    """Release dates are read once per user object; tests that change them re-read the user."""
    from accounts.models import User

    return User.objects.get(pk=user.pk)


def test_a_module_opens_on_the_first_day_of_its_month_by_default(roles, module, later_module):
    member = roles["member_a"]
    assert module_is_open(module, member)
    assert not module_is_open(later_module, member)
    assert module_is_open(later_module, member, today=later_module.month)


def test_a_cohort_release_date_opens_a_module_early_for_that_cohort_only(roles, later_module):
    ModuleRelease.objects.create(cohort=roles["cohort"], module=later_module, opens_on=TODAY)
    assert module_is_open(later_module, fresh(roles["member_a"]))
    other_cohort_member = MembershipFactory(team=roles["team_other"]).user
    assert not module_is_open(later_module, other_cohort_member)


def test_a_cohort_release_date_can_hold_a_module_back(roles, module):
    ModuleRelease.objects.create(
        cohort=roles["cohort"], module=module, opens_on=TODAY + datetime.timedelta(days=3)
    )
    assert not module_is_open(module, fresh(roles["member_a"]))


def test_facilitators_see_every_module_at_any_time(roles, later_module):
    assert module_is_open(later_module, roles["facilitator"])
    assert not module_is_open(later_module, UserFactory(email="someone@example.org"))


def test_an_unreleased_module_hides_its_body_and_cannot_be_marked_done(roles, later_module):
    client = client_for("member_a", roles)
    page = client.get(later_module.url)
    assert page.status_code == 200
    assert (
        "This module opens" in page.content.decode()
        or "not open yet" in page.content.decode().lower()
    )
    client.post(reverse("programs:module_done", args=[later_module.pk]))
    assert not ModuleCompletion.objects.filter(module=later_module).exists()


def _is_closed(page) -> bool:
    text = page.content.decode()
    return "This module opens" in text or "not open yet" in text.lower()


def test_the_module_page_reads_the_readers_own_release_date(roles, module, later_module):
    """The page reads the reader's release date with the module: their cohort's date, never
    another cohort's."""
    ModuleRelease.objects.create(cohort=roles["cohort"], module=later_module, opens_on=TODAY)
    ModuleRelease.objects.create(
        cohort=roles["cohort"], module=module, opens_on=TODAY + datetime.timedelta(days=3)
    )
    member = client_for("member_a", roles)
    assert not _is_closed(member.get(later_module.url))
    assert _is_closed(member.get(module.url))
    other = MembershipFactory(team=roles["team_other"]).user
    other_client = client_for("other", {"other": other})
    assert _is_closed(other_client.get(later_module.url))
    assert not _is_closed(other_client.get(module.url))


def test_facilitator_sets_release_dates_for_their_cohort(roles, module, later_module):
    roles["cohort"].program = module.get_parent()
    roles["cohort"].save()
    url = reverse("programs:release_dates", args=["demo-cohort"])
    client = client_for("facilitator", roles)
    assert f'value="{later_module.month.isoformat()}"' in client.get(url).content.decode()
    response = client.post(
        url, {f"module_{module.pk}": "2026-09-10", f"module_{later_module.pk}": TODAY.isoformat()}
    )
    assert response.status_code == 302
    assert module_is_open(later_module, fresh(roles["member_a"]))
    bad = client.post(url, {f"module_{module.pk}": "not a date", f"module_{later_module.pk}": ""})
    assert "Enter a valid date" in bad.content.decode()


def test_the_team_space_module_panel_follows_release_dates_and_publishing(
    roles, module, later_module
):
    """The panel is kept rendered: saving release dates moves the cohort's teams' versions and
    publishing moves the curriculum's, so the next view shows the change."""
    roles["cohort"].program = module.get_parent()
    roles["cohort"].save()
    member = client_for("member_a", roles)
    team_space = reverse("cohorts:team", args=["team-a"])
    assert "Module 1: Launch" in member.get(team_space).content.decode()
    client_for("facilitator", roles).post(
        reverse("programs:release_dates", args=["demo-cohort"]),
        {f"module_{module.pk}": "2026-09-10", f"module_{later_module.pk}": TODAY.isoformat()},
    )
    assert "Module 2: Later module" in member.get(team_space).content.decode()
    later_module.title = "Later, renamed"
    later_module.save_revision().publish()
    assert "Module 2: Later, renamed" in member.get(team_space).content.decode()


MATRIX = {"release_dates": expect(404, facilitator=200, site_admin=200)}
COVERS = {f"programs:{key}" for key in MATRIX}


@pytest.mark.parametrize(("role", "expected"), list(MATRIX["release_dates"].items()))
def test_release_dates_access(roles, module, role, expected):
    response = client_for(role, roles).get(reverse("programs:release_dates", args=["demo-cohort"]))
    assert_access(response, expected)


def test_cohort_page_shows_the_completion_heat_map(roles, module):
    roles["cohort"].program = module.get_parent()
    roles["cohort"].save()
    ModuleCompletion.objects.create(user=roles["member_a"], module=module)
    body = (
        client_for("facilitator", roles)
        .get(reverse("cohorts:cohort", args=["demo-cohort"]))
        .content.decode()
    )
    assert "Module completion" in body
    assert "33%" in body  # one of team A's three current members


def test_team_space_shows_this_months_module_and_its_team_task(roles, program, later_module):
    roles["cohort"].program = program
    roles["cohort"].save()
    ModulePageFactory(
        parent=program,
        title="Norms month",
        slug="norms-month",
        number=3,
        month=TODAY.replace(day=1),
        body=[
            (
                "team_task",
                {"kind": "norms", "title": "Agree on norms", "description": "Four to seven."},
            )
        ],
    )
    body = (
        client_for("member_a", roles).get(reverse("cohorts:team", args=["team-a"])).content.decode()
    )
    assert "Module 3: Norms month" in body
    assert "Team task: Agree on norms" in body
    assert reverse("norms:index", args=["team-a"]) in body
    assert "Later module" not in body
