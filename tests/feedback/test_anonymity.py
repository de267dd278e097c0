"""An anonymous response never reveals its giver to anyone but the giver.

Every page the receiver, a teammate, the cohort's facilitator and a site admin can open is
rendered, and the givers' names and emails must appear nowhere; nor in what is mailed to the
receiver.
"""

import datetime
import re

import pytest

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from feedback import anonymity, services
from feedback.models import FeedbackResponse
from notifications.models import Notification, OutgoingEmail
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

GIVER_MARKS = ["Priya Shahzadeh", "Quinn Zephyrine", "peer@example.org", "peer2@example.org"]


def _answer_both(world):
    req = world["anonymous_request"]
    for giver, text in [(world["member_b"], "First warm thought"), (world["peer2"], "Second one")]:
        services.response_save(
            request=req, giver=giver, answers={"warm": text, "cool": "A gap."}, submit=True
        )
    return req


def _pages(world, req):
    return [
        reverse("feedback:inbox"),
        req.get_absolute_url(),
        reverse("feedback:cohort", args=["demo-cohort"]),
        reverse("cohorts:cohort", args=["demo-cohort"]),
        reverse("cohorts:team", args=["team-a"]),
        reverse("notifications:list"),
    ]


@pytest.mark.parametrize("role", ["member_a", "lead_a", "facilitator", "site_admin"])
def test_no_page_names_the_givers_of_an_anonymous_request(role, world):
    # The named request from the fixture has member_b as a named giver: drop it, so any
    # appearance of their name would be a leak from the anonymous one.
    world["named"].delete()
    Notification.objects.all().delete()
    req = _answer_both(world)
    call_command("send_feedback_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    client = client_for(role, world)
    opened = 0
    for url in _pages(world, req):
        response = client.get(url)
        if response.status_code != 200:
            continue
        opened += 1
        html = response.content.decode()
        for mark in GIVER_MARKS:
            assert mark not in html, (role, url, mark)
    assert opened >= 3
    if role in ("member_a", "lead_a"):
        page = client.get(req.get_absolute_url()).content.decode()
        assert "First warm thought" in page and "Second one" in page


def test_facilitators_and_admins_do_not_read_anonymous_answers(world):
    req = _answer_both(world)
    for role in ("facilitator", "site_admin"):
        page = client_for(role, world).get(req.get_absolute_url()).content.decode()
        assert "First warm thought" not in page


def test_mail_to_the_receiver_never_names_the_givers(world, django_capture_on_commit_callbacks):
    world["named"].delete()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        req = _answer_both(world)
    assert not [m for m in mail.outbox if "member@example.org" in m.to], "no per-answer mail"
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_feedback_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    to_receiver = [m for m in mail.outbox if "member@example.org" in m.to]
    assert len(to_receiver) == 1
    text = to_receiver[0].subject + to_receiver[0].body
    assert req.artifact_title in text
    for mark in GIVER_MARKS:
        assert mark not in text


def test_only_the_giver_sees_their_own_name(world):
    req = _answer_both(world)
    response = FeedbackResponse.objects.get(request=req, giver=world["member_b"])
    for role in ("member_a", "lead_a", "facilitator", "site_admin", "peer2"):
        assert not anonymity.can_see_giver(world[role], response, req), role
    assert anonymity.can_see_giver(world["member_b"], response, req)
    views = anonymity.visible_responses(world["member_a"], req, list(req.responses.all()))
    assert all(v.giver_name is None and v.submitted_on is None for v in views)


def test_anonymous_answers_are_ordered_by_random_token_not_by_time(world):
    req = _answer_both(world)
    first, second = FeedbackResponse.objects.filter(request=req).order_by("pk")
    FeedbackResponse.objects.filter(pk=first.pk).update(token="zzz-last")
    FeedbackResponse.objects.filter(pk=second.pk).update(token="aaa-first")
    views = anonymity.visible_responses(world["member_a"], req, list(req.responses.all()))
    assert [v.token for v in views] == ["aaa-first", "zzz-last"]
    page = client_for("member_a", world).get(req.get_absolute_url()).content.decode()
    assert page.index("Second one") < page.index("First warm thought")
    assert f"r-{first.pk}" not in page  # pages address answers by token, never by id


def test_release_waits_for_two_answers_or_closing(world):
    req = world["anonymous_request"]
    services.response_save(
        request=req, giver=world["member_b"], answers={"warm": "Lonely answer"}, submit=True
    )
    client = client_for("member_a", world)
    page = client.get(req.get_absolute_url()).content.decode()
    assert "Lonely answer" not in page
    assert "appear once at least 2 have arrived" in page
    assert "1 of" not in page  # no live count before release
    services.request_close(request=req, by=world["member_a"])
    assert "Lonely answer" in client.get(req.get_absolute_url()).content.decode()


def test_release_at_two_answers(world):
    req = _answer_both(world)
    assert anonymity.is_released(req, 2)
    page = client_for("lead_a", world).get(req.get_absolute_url()).content.decode()
    assert "First warm thought" in page


def test_named_requests_show_the_giver_to_the_receiver(world):
    page = client_for("member_a", world).get(world["named"].get_absolute_url()).content.decode()
    assert "Priya Shahzadeh" in page
    assert "Define engaged." in page


def test_the_giver_sees_their_answer_and_the_back_feedback(world):
    req = _answer_both(world)
    response = FeedbackResponse.objects.get(request=req, giver=world["member_b"])
    services.response_mark_helpful(response=response, by=world["member_a"])
    services.response_write_back(response=response, by=world["member_a"], text="We will act.")
    page = client_for("member_b", world).get(reverse("feedback:give", args=[req.pk]))
    html = page.content.decode()
    assert "We will act." in html and "marked helpful" in html
    other = client_for("peer2", world).get(reverse("feedback:give", args=[req.pk]))
    assert "We will act." not in other.content.decode()
    assert "First warm thought" not in other.content.decode()


def _unzip(response) -> str:
    import io
    import zipfile

    content = b"".join(response.streaming_content) if response.streaming else response.content
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return " ".join(archive.read(name).decode() for name in archive.namelist())


def test_exports_never_name_the_givers(world):
    world["named"].delete()
    # The named request's notices and their email named its giver, rightly; clear them.
    Notification.objects.all().delete()
    OutgoingEmail.objects.all().delete()
    _answer_both(world)
    mine = client_for("member_a", world, reauthenticated=True).post(reverse("privacy:my_data"))
    portfolio = client_for("facilitator", world, reauthenticated=True).get(
        reverse("privacy:team_portfolio", args=["team-a"])
    )
    for response in (mine, portfolio):
        assert response.status_code == 200
        text = _unzip(response)
        assert "Anonymous fishbone" in text
        for mark in GIVER_MARKS:
            assert mark not in text


def test_site_admins_read_no_answers_even_named_ones(world):
    named = world["named"]
    admin_page = client_for("site_admin", world).get(named.get_absolute_url()).content.decode()
    assert "Define engaged." not in admin_page
    facilitator_page = client_for("facilitator", world).get(named.get_absolute_url())
    assert "Define engaged." in facilitator_page.content.decode()


def test_a_teammates_anonymous_answer_moves_nothing_before_the_release(world):
    """The team space's "last activity" would tell the asker when a teammate answered."""
    from cohorts.factories import MembershipFactory
    from cohorts.models import Team

    team = world["team_a"]
    teammate = MembershipFactory(team=team, user__email="teammate@example.org").user
    req = services.request_create(
        team=team,
        requested_by=world["member_a"],
        artifact_title="Anonymous draft aim",
        focusing_question="Is it clear?",
        protocol="warm-and-cool-feedback",
        due_on=world["anonymous_request"].due_on,
        anonymous=True,
        reviewers=[world["lead_a"], teammate],
    )
    long_ago = timezone.now() - datetime.timedelta(days=40)
    Team.objects.filter(pk=team.pk).update(last_activity_at=long_ago)
    asker, facilitator = client_for("member_a", world), client_for("facilitator", world)
    space_url = reverse("cohorts:team", args=["team-a"])
    dashboard_url = reverse("cohorts:cohort", args=["demo-cohort"])

    def last_activity():
        return re.findall(r"Last activity [^<]*", asker.get(space_url).content.decode())

    before = last_activity()
    assert before and before[0].startswith("Last activity 1\xa0month")

    services.response_save(
        request=req, giver=world["lead_a"], answers={"warm": "Clear."}, submit=True
    )

    assert last_activity() == before
    assert Team.objects.get(pk=team.pk).last_activity_at == long_ago
    alerts = facilitator.get(dashboard_url, {"alerts": "1"}).content.decode()
    assert ">Team A<" in alerts, "still inactive for 30 days on the dashboard"
