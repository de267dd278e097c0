"""Bad input, pairing, reassigning, reminders and session feedback."""

import datetime
import itertools

import pytest

from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from cohorts.factories import MembershipFactory, TeamFactory
from feedback import services
from feedback.models import (
    Assignment,
    FeedbackRequest,
    FeedbackResponse,
    Pairing,
    SessionFeedback,
    SessionFeedbackMarker,
)
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def _ask(world, **overrides):
    data = {
        "team": world["team_a"],
        "requested_by": world["member_a"],
        "artifact_title": "Aim",
        "focusing_question": "Is it clear?",
        "protocol": "ladder-of-feedback",
        "due_on": TODAY() + datetime.timedelta(days=3),
        "reviewers": [world["lead_a"]],
    }
    data.update(overrides)
    return services.request_create(**data)


# --- asking -------------------------------------------------------------------------------


def test_a_request_to_oneself_is_refused(world):
    with pytest.raises(ValidationError, match="cannot ask yourself"):
        _ask(world, reviewers=[world["member_a"]])


def test_a_reviewer_outside_the_cohort_is_refused(world):
    outsider = MembershipFactory(team=world["team_other"]).user
    with pytest.raises(ValidationError, match="not in your cohort"):
        _ask(world, reviewers=[outsider])
    with pytest.raises(ValidationError, match="team of your cohort"):
        _ask(world, reviewers=[], reviewer_team=world["team_other"])
    with pytest.raises(ValidationError, match="Your own team"):
        _ask(world, reviewers=[], reviewer_team=world["team_a"])


def test_an_anonymous_request_needs_two_reviewers(world):
    with pytest.raises(ValidationError, match="at least 2 reviewers"):
        _ask(world, anonymous=True)


def test_the_request_form_keeps_what_was_typed_when_a_reviewer_is_refused(world):
    client = client_for("member_a", world)
    outsider = MembershipFactory(team=world["team_other"]).user
    response = client.post(
        reverse("feedback:new_for_team", args=["team-a"]),
        {
            "artifact_title": "Our empathy interview guide",
            "focusing_question": "Any yes/no questions?",
            "protocol": "tuning-protocol",
            "due_on": (TODAY() + datetime.timedelta(days=5)).isoformat(),
            "reviewers": [world["member_a"].pk, outsider.pk],
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Choose reviewers from the list" in html
    assert "Our empathy interview guide" in html and "Any yes/no questions?" in html
    assert not FeedbackRequest.objects.filter(artifact_title__startswith="Our empathy").exists()


def test_a_member_asks_another_team_through_the_form(world, django_capture_on_commit_callbacks):
    client = client_for("member_a", world)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("feedback:new_for_team", args=["team-a"]),
            {
                "artifact_title": "Driver diagram",
                "artifact_url": "https://docs.example.org/driver",
                "focusing_question": "Do the drivers lead to testable ideas?",
                "protocol": "tuning-protocol",
                "due_on": (TODAY() + datetime.timedelta(days=5)).isoformat(),
                "reviewer_team": world["team_b"].pk,
            },
        )
    assert response.status_code == 302
    req = FeedbackRequest.objects.get(artifact_title="Driver diagram")
    assert {a.reviewer for a in req.assignments.all()} == {world["member_b"], world["peer2"]}
    assert {m.to[0] for m in mail.outbox} >= {"peer@example.org", "peer2@example.org"}


def test_an_unsafe_link_is_refused(world):
    with pytest.raises(ValidationError):
        _ask(world, artifact_url="javascript:alert(1)")


# --- giving -------------------------------------------------------------------------------


def test_an_empty_response_is_refused_and_nothing_is_saved(world):
    req = _ask(world)
    client = client_for("lead_a", world)
    response = client.post(reverse("feedback:give", args=[req.pk]), {"action": "submit"})
    assert response.status_code == 400
    assert "Write something in at least one section" in response.content.decode()
    assert not FeedbackResponse.objects.filter(status="submitted").filter(request=req).exists()


def test_drafts_are_kept_until_submitted(world):
    req = _ask(world)
    client = client_for("lead_a", world)
    url = reverse("feedback:give", args=[req.pk])
    client.post(url, {"action": "draft", "clarify": "Which grade?"})
    draft = FeedbackResponse.objects.get(request=req)
    assert draft.status == "draft" and draft.answers["clarify"] == "Which grade?"
    assert "Which grade?" in client.get(url).content.decode()
    # The receiver never sees a draft.
    page = client_for("member_a", world).get(req.get_absolute_url()).content.decode()
    assert "Which grade?" not in page
    client.post(url, {"action": "submit", "clarify": "Which grade?", "value": "Concrete."})
    draft.refresh_from_db()
    assert draft.status == "submitted" and draft.submitted_on == TODAY()


def test_answering_a_closed_request_keeps_the_text(world):
    req = _ask(world)
    services.request_close(request=req, by=world["member_a"])
    response = client_for("lead_a", world).post(
        reverse("feedback:give", args=[req.pk]),
        {"action": "submit", "clarify": "My long careful thought"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "This request was closed" in html
    assert "My long careful thought" in html


def test_answering_a_reassigned_request_keeps_the_draft(world):
    req = _ask(world)
    services.response_save(
        request=req, giver=world["lead_a"], answers={"clarify": "Half-written"}, submit=False
    )
    assignment = Assignment.objects.get(request=req, reviewer=world["lead_a"])
    services.assignment_reassign(
        assignment=assignment, by=world["facilitator"], reviewer=world["member_b"]
    )
    client = client_for("lead_a", world)
    url = reverse("feedback:give", args=[req.pk])
    assert "Half-written" in client.get(url).content.decode()
    response = client.post(url, {"action": "submit", "clarify": "Half-written, now done"})
    assert response.status_code == 400
    assert "passed to another reviewer" in response.content.decode()
    assert "Half-written, now done" in response.content.decode()
    assert FeedbackResponse.objects.get(request=req, giver=world["lead_a"]).status == "draft"


def test_a_second_response_by_the_same_person_is_refused(world):
    named = world["named"]
    client = client_for("member_b", world)
    response = client.post(
        reverse("feedback:give", args=[named.pk]), {"action": "submit", "warm": "Again!"}
    )
    assert response.status_code == 400
    assert "already answered" in response.content.decode()
    assert FeedbackResponse.objects.filter(request=named, giver=world["member_b"]).count() == 1
    assert world["named_response"].answers["warm"] == "Clear baseline."


# --- receiving ----------------------------------------------------------------------------


def test_the_requester_marks_helpful_and_writes_back(world, django_capture_on_commit_callbacks):
    token = world["named_response"].token
    client = client_for("member_a", world)
    client.post(reverse("feedback:helpful", args=[token]), {"helpful": "1"})
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("feedback:back", args=[token]), {"back_feedback": "We will define."})
    response = FeedbackResponse.objects.get(token=token)
    assert response.helpful and response.back_feedback == "We will define."
    assert [m.to for m in mail.outbox] == [["peer@example.org"]]
    # An empty reply is refused with a message and nothing is overwritten.
    client.post(reverse("feedback:back", args=[token]), {"back_feedback": "  "})
    response.refresh_from_db()
    assert response.back_feedback == "We will define."


def test_teammates_read_but_only_the_requester_replies(world):
    token = world["named_response"].token
    response = client_for("lead_a", world).post(
        reverse("feedback:back", args=[token]), {"back_feedback": "Not mine to say"}
    )
    assert response.status_code == 404


# --- facilitators -------------------------------------------------------------------------


@pytest.mark.parametrize("n", range(2, 9))
def test_rotation_pairs_every_team_once_never_itself(n):
    teams = [TeamFactory.build(pk=i, name=f"T{i}") for i in range(n)]
    for offset in range(1, 2 * n):
        pairs = services.rotation(teams, offset)
        reviewed = [a.pk for a, _ in pairs]
        reviewers = [b.pk for _, b in pairs]
        assert sorted(reviewed) == sorted(reviewers) == list(range(n))
        assert all(a.pk != b.pk for a, b in pairs)


def test_pairing_the_cohort_in_one_action(world):
    for n in range(2):
        TeamFactory(cohort=world["cohort"], slug=f"extra-{n}")
    client = client_for("facilitator", world)
    client.post(
        reverse("feedback:rounds", args=["demo-cohort"]), {"mode": "auto", "auto-name": "R1"}
    )
    client.post(
        reverse("feedback:rounds", args=["demo-cohort"]), {"mode": "auto", "auto-name": "R2"}
    )
    rounds = list(world["cohort"].feedback_rounds.order_by("pk"))
    assert len(rounds) == 2
    for round_ in rounds:
        pairs = list(round_.pairings.all())
        assert len(pairs) == 4
        assert all(p.reviewer_team_id != p.reviewed_team_id for p in pairs)
        assert len({p.reviewer_team_id for p in pairs}) == 4  # each reviews exactly one
    first = {(p.reviewed_team_id, p.reviewer_team_id) for p in rounds[0].pairings.all()}
    second = {(p.reviewed_team_id, p.reviewer_team_id) for p in rounds[1].pairings.all()}
    assert first != second  # the rotation turns


def test_pairing_by_hand_refuses_self_review(world):
    client = client_for("facilitator", world)
    a, b = world["team_a"], world["team_b"]
    response = client.post(
        reverse("feedback:rounds", args=["demo-cohort"]),
        {"mode": "manual", "manual-name": "Hand", f"manual-team_{a.pk}": a.pk},
    )
    assert response.status_code == 400
    assert "cannot review itself" in response.content.decode()
    client.post(
        reverse("feedback:rounds", args=["demo-cohort"]),
        {"mode": "manual", "manual-name": "Hand", f"manual-team_{a.pk}": b.pk},
    )
    assert Pairing.objects.get(reviewed_team=a).reviewer_team == b
    # The pairing preselects the reviewing team on the request form.
    form = client_for("member_a", world).get(reverse("feedback:new_for_team", args=["team-a"]))
    assert form.context["form"].initial["reviewer_team"] == b


def test_overdue_requests_are_listed_and_taken_over(world):
    req = _ask(world)
    FeedbackRequest.objects.filter(pk=req.pk).update(due_on=TODAY() - datetime.timedelta(days=2))
    client = client_for("facilitator", world)
    page = client.get(reverse("feedback:cohort", args=["demo-cohort"])).content.decode()
    assert "Aim" in page and "Reassign" in page
    response = client.post(reverse("feedback:take", args=[req.pk]))
    assert response.status_code == 302
    client.post(
        reverse("feedback:give", args=[req.pk]), {"action": "submit", "suggest": "Try a week."}
    )
    assert FeedbackResponse.objects.get(request=req, giver=world["facilitator"]).is_submitted


def test_reassigning_to_someone_outside_the_cohort_is_refused(world):
    req = _ask(world)
    assignment = Assignment.objects.get(request=req)
    outsider = MembershipFactory(team=world["team_other"]).user
    response = client_for("facilitator", world).post(
        reverse("feedback:reassign", args=[assignment.pk]), {"reviewer": outsider.pk}
    )
    assert response.status_code == 400
    assert "reviewers must be in this cohort" in response.content.decode()
    with pytest.raises(ValidationError):
        services.assignment_reassign(
            assignment=assignment, by=world["facilitator"], reviewer=world["member_a"]
        )


# --- reminders ----------------------------------------------------------------------------


def test_reminders_go_to_reviewers_due_within_two_days(world, django_capture_on_commit_callbacks):
    soon = _ask(world, artifact_title="Soon", due_on=TODAY() + datetime.timedelta(days=1))
    _ask(world, artifact_title="Later", due_on=TODAY() + datetime.timedelta(days=5))
    drafted = _ask(world, artifact_title="Drafted", due_on=TODAY() + datetime.timedelta(days=2))
    services.response_save(request=drafted, giver=world["lead_a"], answers={}, submit=False)
    done = _ask(world, artifact_title="Done", due_on=TODAY())
    services.response_save(
        request=done, giver=world["lead_a"], answers={"value": "ok"}, submit=True
    )
    closed = _ask(world, artifact_title="Closed", due_on=TODAY())
    services.request_close(request=closed, by=world["member_a"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_feedback_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    subjects = sorted(m.subject for m in mail.outbox)
    assert len(subjects) == 2, subjects
    assert all(m.to == ["lead@example.org"] for m in mail.outbox)
    bodies = " ".join(m.body for m in mail.outbox)
    assert "Your draft is saved" in bodies and "You have not started" in bodies
    assert soon.assignments.get().reminded_on == TODAY()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_feedback_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert mail.outbox == []  # once a day


# --- session feedback ---------------------------------------------------------------------


def test_session_feedback_is_anonymous_and_answered_once(world):
    session = world["session"]
    client = client_for("member_a", world)
    url = reverse("feedback:session", args=[session.pk])
    assert client.post(url, {"rating": "4", "comment": "Good pacing"}).status_code == 302
    again = client.post(url, {"rating": "1"})
    assert again.status_code == 400
    assert "already given feedback" in again.content.decode()
    assert SessionFeedback.objects.count() == 1
    assert SessionFeedbackMarker.objects.filter(user=world["member_a"]).count() == 1
    fields = {f.name for f in SessionFeedback._meta.get_fields()}
    assert not fields & {"user", "created", "created_at", "giver"}


def test_session_results_need_five_answers(world):
    session = world["session"]
    people = [world["member_a"], world["lead_a"], world["member_b"], world["peer2"]]
    for person, rating in zip(people, itertools.cycle([5, 4]), strict=False):
        services.session_feedback_submit(
            session=session, user=person, rating=rating, comment=f"note {rating}"
        )
    client = client_for("facilitator", world)
    url = reverse("feedback:session_results", args=[session.pk])
    page = client.get(url).content.decode()
    assert "Results appear once at least 5" in page and "note 5" not in page
    fifth = MembershipFactory(team=world["team_b"]).user
    services.session_feedback_submit(session=session, user=fifth, rating=3)
    page = client.get(url).content.decode()
    assert "Average 4.2 out of 5 from 5 answers" in page and "note 5" in page


def test_future_sessions_and_outsiders_cannot_be_rated(world):
    from cohorts.factories import CohortSessionFactory

    future = CohortSessionFactory(
        cohort=world["cohort"],
        starts_at=timezone.now() + datetime.timedelta(days=3),
        ends_at=timezone.now() + datetime.timedelta(days=3, hours=3),
    )
    client = client_for("member_a", world)
    assert client.get(reverse("feedback:session", args=[future.pk])).status_code == 404
    outsider = client_for("facilitator_other", world)
    assert outsider.get(reverse("feedback:session", args=[world["session"].pk])).status_code == 404


def test_a_file_can_be_attached_and_a_bad_one_is_refused(world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for("member_a", world)
    data = {
        "artifact_title": "Fishbone photo",
        "focusing_question": "What did we miss?",
        "protocol": "warm-and-cool-feedback",
        "due_on": (TODAY() + datetime.timedelta(days=5)).isoformat(),
        "reviewers": [world["lead_a"].pk],
    }
    bad = client.post(
        reverse("feedback:new_for_team", args=["team-a"]),
        {**data, "artifact_file": SimpleUploadedFile("run.exe", b"MZ")},
    )
    assert bad.status_code == 400
    assert "Fishbone photo" in bad.content.decode()
    good = client.post(
        reverse("feedback:new_for_team", args=["team-a"]),
        {**data, "artifact_file": SimpleUploadedFile("fishbone.pdf", b"%PDF-1.4")},
    )
    assert good.status_code == 302
    req = FeedbackRequest.objects.get(artifact_title="Fishbone photo")
    assert "fishbone" not in req.artifact_file.name  # stored under a random name
    download = client_for("lead_a", world).get(reverse("feedback:file", args=[req.pk]))
    assert b"".join(download.streaming_content) == b"%PDF-1.4"


def test_team_space_and_cohort_page_show_feedback(world):
    services.round_create(cohort=world["cohort"], by=world["facilitator"], name="R1")
    team_page = client_for("member_a", world).get(reverse("cohorts:team", args=["team-a"]))
    html = team_page.content.decode()
    assert "is your critical-friend team" in html and "2 open requests" in html
    cohort_page = client_for("facilitator", world).get(
        reverse("cohorts:cohort", args=["demo-cohort"])
    )
    html = cohort_page.content.decode()
    assert "0 given · 1 received · 0 overdue" in html  # team A received the named answer
    assert "1 given · 0 received · 0 overdue" in html  # team B's member gave it
