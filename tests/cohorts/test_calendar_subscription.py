"""The cohort calendar as people subscribe to it: a webcal: link with instructions, and events
that calendar programs update in place (stable UID, growing SEQUENCE, DTSTAMP, LAST-MODIFIED)."""

import datetime

import pytest
from icalendar import Calendar

from django.urls import reverse

from cohorts.calendar import feed_url
from cohorts.factories import CohortSessionFactory
from cohorts.models import CohortSession
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def events(client, cohort) -> dict[str, dict]:
    response = client.get(feed_url(cohort, cohort.facilitators.first()))
    assert response.status_code == 200
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["X-WR-TIMEZONE"]) == cohort.time_zone
    return {
        str(event["UID"]): {
            "summary": str(event["SUMMARY"]),
            "sequence": int(event["SEQUENCE"]),
            "dtstamp": event.decoded("DTSTAMP"),
            "last_modified": event.decoded("LAST-MODIFIED"),
            "start": event.decoded("DTSTART"),
        }
        for event in calendar.walk("VEVENT")
    }


def test_events_carry_dtstamp_sequence_and_last_modified(client, roles):
    session = CohortSessionFactory(cohort=roles["cohort"], title="Session 1")
    [(uid, event)] = events(client, roles["cohort"]).items()
    assert uid == f"session-{session.pk}@cohort-site"
    assert event["sequence"] == 0
    assert event["dtstamp"] == event["last_modified"] == session.updated_at.replace(microsecond=0)
    # DTSTAMP is when the information last changed, not when the session starts.
    assert event["dtstamp"] != session.starts_at


def test_editing_a_session_keeps_its_uid_and_raises_its_sequence(client, roles):
    session = CohortSessionFactory(cohort=roles["cohort"], title="Session 1")
    before = events(client, roles["cohort"])
    facilitator = client_for("facilitator", roles)
    later = session.starts_at + datetime.timedelta(days=7)
    response = facilitator.post(
        reverse("cohorts:session_edit", args=["demo-cohort", session.pk]),
        {
            "title": "Session 1 (moved)",
            "starts_at": later.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (later + datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
            "location": "Room 12",
        },
    )
    assert response.status_code == 302
    after = events(client, roles["cohort"])
    assert after.keys() == before.keys()  # the same event, updated in place
    [uid] = after
    assert after[uid]["summary"] == "Session 1 (moved)"
    assert after[uid]["sequence"] > before[uid]["sequence"]
    assert after[uid]["last_modified"] >= before[uid]["last_modified"]
    CohortSession.objects.get(pk=session.pk).save()
    assert events(client, roles["cohort"])[uid]["sequence"] == after[uid]["sequence"] + 1


@pytest.mark.parametrize(
    ("role", "page"),
    [("facilitator", "cohorts:cohort"), ("member_a", "cohorts:team")],
)
def test_the_pages_offer_a_webcal_subscription_with_instructions(roles, role, page):
    slug = "demo-cohort" if page == "cohorts:cohort" else "team-a"
    body = client_for(role, roles).get(reverse(page, args=[slug])).content.decode()
    path = feed_url(roles["cohort"], roles[role])
    assert f'href="webcal://testserver{path}"' in body
    assert f'value="http://testserver{path}"' in body
    for calendar_app in ("Google Calendar", "Outlook", "Apple Calendar"):
        assert calendar_app in body
    assert "<details>" in body  # instructions open without JavaScript
