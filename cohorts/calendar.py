"""Per-cohort iCalendar feed of sessions."""

from icalendar import Calendar, Event

from django.core.signing import Signer
from django.urls import reverse

SALT = "cohorts.calendar"


def feed_url(cohort) -> str:
    token = Signer(salt=SALT).sign(str(cohort.pk))
    return reverse("cohorts:calendar", kwargs={"token": token})


def build_feed(cohort) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Equity Improvement Project//cohort_site//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", cohort.name)
    for session in cohort.sessions.select_related("module"):
        event = Event()
        event.add("uid", f"session-{session.pk}@cohort-site")
        event.add("summary", session.title)
        event.add("dtstart", session.starts_at)
        event.add("dtend", session.ends_at)
        event.add("dtstamp", session.starts_at)
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
