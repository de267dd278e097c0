"""Events that reach people through notifications: who hears, and when."""

import datetime

import pytest

from django.core.management import call_command
from django.utils import timezone

from cohorts.factories import CohortSessionFactory
from improvement.factories import PDSACycleFactory
from notifications.models import Kind, Notification
from programs.factories import ModulePageFactory, ProgramPageFactory
from programs.services import home_page_ensure
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

TOMORROW = timezone.localdate() + datetime.timedelta(days=1)


def titles(kind):
    return sorted(Notification.objects.filter(kind=kind).values_list("user__email", flat=True))


def test_session_tomorrow_reaches_the_cohort_and_its_facilitators(
    roles, django_capture_on_commit_callbacks
):
    start = timezone.make_aware(datetime.datetime.combine(TOMORROW, datetime.time(15, 30)))
    CohortSessionFactory(
        cohort=roles["cohort"], starts_at=start, ends_at=start + datetime.timedelta(hours=3)
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_session_reminders", verbosity=0)
    people = titles(Kind.SESSION_TOMORROW)
    assert "member@example.org" in people and "facilitator@example.org" in people
    assert "other-team@example.org" not in people


def test_module_release_notice_goes_to_members_on_the_day(roles):
    program = ProgramPageFactory(parent=home_page_ensure(), slug="eip")
    ModulePageFactory(
        parent=program, number=1, month=timezone.localdate().replace(day=1), slug="m1"
    )
    roles["cohort"].starts_on = timezone.localdate() - datetime.timedelta(days=60)
    roles["cohort"].ends_on = timezone.localdate() + datetime.timedelta(days=200)
    roles["cohort"].program = program
    roles["cohort"].save()
    call_command("send_module_release_notices", verbosity=0)
    expected = ["member@example.org", "lead@example.org", "peer@example.org"]
    if timezone.localdate().day == 1:
        assert set(expected) <= set(titles(Kind.MODULE_RELEASED))
    else:
        assert titles(Kind.MODULE_RELEASED) == []


def test_pdsa_reminder_goes_to_the_team_the_day_before(roles):
    from improvement.factories import ImprovementProjectFactory

    PDSACycleFactory(
        project=ImprovementProjectFactory(team=roles["team_a"]),
        planned_start=TOMORROW,
        phase="plan",
    )
    call_command("send_pdsa_reminders", verbosity=0)
    assert "member@example.org" in titles(Kind.PDSA_CYCLE_DUE)
    assert "peer@example.org" not in titles(Kind.PDSA_CYCLE_DUE)


def test_inviting_someone_with_an_account_shows_it_on_the_site_without_a_second_email(
    roles, mailoutbox, django_capture_on_commit_callbacks
):
    client = client_for("facilitator", roles)
    with django_capture_on_commit_callbacks(execute=True):  # the invitation leaves after commit
        client.post(
            "/cohorts/demo-cohort/invite/",
            {
                "team": roles["team_b"].pk,
                "email": "member@example.org",
                "name": "",
                "role": "member",
            },
        )
    assert titles(Kind.INVITED) == ["member@example.org"]
    assert len(mailoutbox) == 1
