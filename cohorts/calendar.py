"""Per-cohort iCalendar feed of sessions, offered as a `webcal:` subscription.

Each person gets their own address (the signed cohort and person), and it answers only while
`access.may_follow_calendar` holds: the feed carries places and video links, so a link kept by
someone who left the cohort, or passed on to someone else, stops working with its owner's seat.

Each event keeps one UID for its life; SEQUENCE is the session's revision (it grows with each
change) and DTSTAMP / LAST-MODIFIED its last change, so subscribed calendars replace their copy
instead of keeping a stale one or adding a duplicate.
"""

from icalendar import Calendar, Event

from django.core.signing import BadSignature, Signer
from django.urls import reverse

SALT = "cohorts.calendar"


def feed_url(cohort, person) -> str:
    token = Signer(salt=SALT).sign(f"{cohort.pk}:{person.pk}")
    return reverse("cohorts:calendar", kwargs={"token": token})


def feed_owner(token: str) -> tuple[int, int] | None:
    """(cohort pk, person pk) of a feed address, or None for anything else (old addresses
    that named only the cohort included)."""
    try:
        cohort_pk, _, person_pk = Signer(salt=SALT).unsign(token).partition(":")
        return int(cohort_pk), int(person_pk)
    except (BadSignature, ValueError):
        return None


def subscription_urls(request, cohort) -> dict[str, str]:
    """The person's feed address (to copy) and the same as `webcal:` (calendar apps open it)."""
    https = request.build_absolute_uri(feed_url(cohort, request.user))
    return {"https": https, "webcal": "webcal://" + https.split("://", 1)[1]}


def build_feed(cohort) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Equity Improvement Project//cohort_site//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", cohort.name)
    calendar.add("x-wr-timezone", cohort.time_zone)
    for session in cohort.sessions.select_related("module"):
        event = Event()
        event.add("uid", f"session-{session.pk}@cohort-site")
        event.add("summary", session.title)
        event.add("dtstart", session.starts_at)
        event.add("dtend", session.ends_at)
        event.add("dtstamp", session.updated_at)
        event.add("last-modified", session.updated_at)
        event.add("sequence", session.revision)
        if session.location:
            event.add("location", session.location)
        description = []
        if session.module:
            description.append(session.module.title)
        if session.video_url:
            description.append(session.video_url)
            event.add("url", session.video_url)
        if description:
            event.add("description", "\n".join(description))
        calendar.add_component(event)
    return calendar.to_ical()
