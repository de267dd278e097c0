"""Every kind of email a person can act on: absolute links from SITE_BASE_URL, an HTML part
with the text alternative, a link to the notification settings, one-click List-Unsubscribe,
and the recipient's language and time zone (never the sender's).

The sender's side is simulated with German active (Django ships German month names), so a
message rendered in the sender's language would say "Dezember" where the recipient, whose
preferred language is English, must read "December".
"""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest

from django.core import mail
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone, translation
from django.utils.formats import date_format

from accounts.factories import UserFactory
from cohorts.factories import CohortSessionFactory, MembershipFactory
from feedback.factories import FeedbackRequestFactory
from notifications.models import Delivery, Kind, Preference
from notifications.services import notify

pytestmark = pytest.mark.django_db

BASE = "https://cohorts.example.org"


@pytest.fixture(autouse=True)
def _base_url(settings):
    settings.SITE_BASE_URL = BASE


def sent(callable_, *args, sender_zone=datetime.UTC, **kwargs):
    """Run as a German-speaking sender in UTC would, and return the mail that left."""
    with (
        translation.override("de"),
        timezone.override(sender_zone),
        TestCase.captureOnCommitCallbacks(execute=True),
    ):
        callable_(*args, **kwargs)
    return mail.outbox


def html_of(message) -> str:
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return html


def links(text: str) -> list[str]:
    return re.findall(r"""https?://[^\s"'<>]+""", text)


def assert_actionable(message, *, kind_unsubscribable=True):
    """Absolute links only, both parts, settings link, no external images."""
    html = html_of(message)
    assert 'lang="en"' in html
    assert "<img" not in html and "src=" not in html
    for link in links(message.body) + re.findall(r'href="([^"]+)"', html):
        assert link.startswith(BASE) or link.startswith("https://"), link
    assert f"{BASE}/notifications/preferences/" in message.body
    assert f'href="{BASE}/notifications/preferences/"' in html
    if kind_unsubscribable:
        header = message.extra_headers["List-Unsubscribe"]
        assert re.fullmatch(rf"<{re.escape(BASE)}/notifications/unsubscribe/[^>]+/>", header)
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert header.strip("<>") in message.body


def test_a_notification_has_an_html_part_absolute_links_settings_and_unsubscribe(user):
    [message] = sent(
        notify, user=user, kind=Kind.NORMS_PROPOSED, title="Vote on norms", url="/norms/team-a/"
    )
    assert_actionable(message)
    assert f"{BASE}/norms/team-a/" in message.body
    assert f'href="{BASE}/norms/team-a/"' in html_of(message)


def test_the_html_part_escapes_what_people_wrote(user):
    [message] = sent(
        notify,
        user=user,
        kind=Kind.BACK_FEEDBACK_RECEIVED,
        title="Team <b>wrote back</b>",
        body="<script>alert(1)</script>",
    )
    html = html_of(message)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "&lt;b&gt;wrote back&lt;/b&gt;" in html
    assert "<script>alert(1)</script>" in message.body  # the text part is plain text


def test_a_feedback_request_is_in_the_reviewers_language_with_a_link_to_give_it(roles):
    from feedback import notifications

    request = FeedbackRequestFactory(team=roles["team_a"], due_on=datetime.date(2026, 12, 4))
    [message] = sent(notifications.request_created, request, [roles["member_b"]])
    assert_actionable(message)
    assert "December 4, 2026" in message.body and "Dezember" not in message.body
    assert f"{BASE}/feedback/" in message.body


def test_a_feedback_reminder_is_in_the_reviewers_language(roles):
    from feedback import notifications
    from feedback.models import Assignment

    request = FeedbackRequestFactory(team=roles["team_a"], due_on=datetime.date(2026, 12, 4))
    assignment = Assignment.objects.create(request=request, reviewer=roles["member_b"])
    [message] = sent(notifications.reminder, assignment, has_draft=False)
    assert_actionable(message)
    assert message.subject.endswith("is due December 4, 2026")


def test_a_session_reminder_gives_the_time_in_the_cohorts_zone(roles):
    cohort = roles["cohort"]
    cohort.time_zone = "America/New_York"
    cohort.save()
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    starts = datetime.datetime.combine(
        tomorrow, datetime.time(12, 0), tzinfo=ZoneInfo("America/Los_Angeles")
    )
    CohortSessionFactory(cohort=cohort, title="Session 3", starts_at=starts)
    # The daily job runs in the server's zone (Los Angeles), where "tomorrow" is computed.
    server_zone = ZoneInfo("America/Los_Angeles")
    messages = sent(call_command, "send_session_reminders", verbosity=0, sender_zone=server_zone)
    to_member = next(m for m in messages if m.to == ["member@example.org"])
    assert_actionable(to_member)
    # Noon in Los Angeles (the server's zone) is 3 PM in New York, the cohort's.
    assert "3:00 PM" in to_member.body and "12:00" not in to_member.body
    assert f"{BASE}/teams/team-a/" in to_member.body
    to_facilitator = next(m for m in messages if m.to == ["facilitator@example.org"])
    assert f"{BASE}/cohorts/demo-cohort/" in to_facilitator.body


def test_a_digest_lists_times_in_the_recipients_zone_and_unsubscribes_the_digest(roles):
    person = roles["member_a"]
    roles["cohort"].time_zone = "Asia/Tokyo"
    roles["cohort"].save()
    Preference.objects.create(user=person, kind=Kind.FEEDBACK_REQUESTED, delivery=Delivery.DIGEST)
    notification = notify(
        user=person, kind=Kind.FEEDBACK_REQUESTED, title="Please review", url="/feedback/"
    )
    [message] = sent(call_command, "send_notification_digests", verbosity=0)
    assert_actionable(message)
    in_tokyo = timezone.localtime(notification.created_at, ZoneInfo("Asia/Tokyo"))
    assert date_format(in_tokyo, "TIME_FORMAT") in message.body
    assert f"{BASE}/feedback/" in message.body
    assert "/unsubscribe/" in message.extra_headers["List-Unsubscribe"]


def test_an_invitation_links_from_the_base_url_in_the_cohorts_zone(roles, rf):
    from cohorts.services import invitation_create

    roles["cohort"].time_zone = "Pacific/Auckland"
    roles["cohort"].save()
    request = rf.get("/", HTTP_HOST="internal-host:8000")

    def invite():
        return invitation_create(
            team=roles["team_a"],
            email="new.person@example.org",
            role="member",
            invited_by=roles["facilitator"],
            request=request,
        )

    [message] = sent(invite)
    html = html_of(message)
    assert re.search(rf"{re.escape(BASE)}/invitations/[^/\s]+/", message.body)
    assert "internal-host" not in message.body + html
    assert "<img" not in html and 'lang="en"' in html
    # Sent on purpose by a facilitator, not subscribed to: no unsubscribe header.
    assert "List-Unsubscribe" not in message.extra_headers
    [invitation] = roles["team_a"].invitations.all()
    expires = timezone.localtime(invitation.expires_at, ZoneInfo("Pacific/Auckland"))
    assert f"{expires:%B} {expires.day}, {expires.year}" in message.body
    assert "(Pacific/Auckland time)" in message.body  # the cohort's zone is named


def test_an_invitation_to_an_existing_account_links_its_settings(roles, rf):
    from cohorts.services import invitation_create

    UserFactory(email="known@example.org")
    [message] = sent(
        invitation_create,
        team=roles["team_a"],
        email="known@example.org",
        role="member",
        invited_by=roles["facilitator"],
        request=rf.get("/"),
    )
    assert_actionable(message, kind_unsubscribable=False)


def test_a_password_reset_has_an_html_part_and_a_link_from_the_base_url(client, user):
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(
            "/accounts/password/reset/",
            {"email": user.email},
            HTTP_HOST="testserver",
            HTTP_ACCEPT_LANGUAGE="de",
        )
    [message] = mail.outbox
    html = html_of(message)
    assert re.search(rf"{re.escape(BASE)}/accounts/password/reset/key/\S+", message.body)
    assert f'href="{BASE}/accounts/password/reset/key/' in html
    assert 'lang="en"' in html


def test_the_outbox_sends_the_html_part_as_a_multipart_alternative(user):
    from notifications.models import OutgoingEmail

    sent(notify, user=user, kind=Kind.NORMS_PROPOSED, title="Vote", url="/norms/")
    row = OutgoingEmail.objects.get()
    assert row.html_body.startswith("<!DOCTYPE html>")
    assert row.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    raw = mail.outbox[0].message().as_string()
    assert "multipart/alternative" in raw and "text/plain" in raw and "text/html" in raw
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in raw


def test_a_form_notice_links_to_the_submissions_in_the_admin():
    from programs import mail as form_mail

    class Field:
        def __init__(self, label, clean_name, field_type="singleline"):
            self.label, self.clean_name, self.field_type = label, clean_name, field_type

    class Page:
        pk = 7
        title = "Partnership proposal"
        to_address = "staff@example.org"
        subject = from_address = confirmation_subject = confirmation_text = ""

        def get_form_fields(self):
            return [Field("School", "school"), Field("Email", "email", "email")]

    class Submission:
        pk = 3
        form_data = {"school": "<b>Mesa Linda</b>", "email": "visitor@example.net"}

    def both():
        form_mail.queue_form_notice(submission=Submission, page=Page())
        form_mail.queue_form_confirmation(submission=Submission, page=Page())

    notice, confirmation = sent(both)
    assert f"{BASE}/admin/forms/submissions/7/" in notice.body
    assert "&lt;b&gt;Mesa Linda&lt;/b&gt;" in html_of(notice)
    assert "Mesa Linda" not in confirmation.body + html_of(confirmation)


def test_recipient_time_zone_prefers_the_persons_cohort(roles):
    from notifications.emails import recipient_time_zone

    roles["cohort"].time_zone = "Europe/Lisbon"
    roles["cohort"].save()
    assert recipient_time_zone(roles["member_a"]) == "Europe/Lisbon"
    assert recipient_time_zone(roles["facilitator"]) == "Europe/Lisbon"
    assert recipient_time_zone(UserFactory(email="nobody@example.org")) == "America/Los_Angeles"


def test_membership_factory_is_used_for_a_second_cohort_person(roles):
    """A person on a team in another cohort gets that cohort's zone, not the first one's."""
    from notifications.emails import recipient_time_zone

    roles["other_cohort"].time_zone = "Europe/Berlin"
    roles["other_cohort"].save()
    person = MembershipFactory(team=roles["team_other"], user__email="x@example.org").user
    assert recipient_time_zone(person) == "Europe/Berlin"
