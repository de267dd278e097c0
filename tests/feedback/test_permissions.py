"""Every feedback URL × every role → the expected status, in one table."""

import pytest

from django.urls import reverse

from feedback.models import Assignment
from tests.conftest import LOGIN, MATRIX_ROLES, assert_access, client_for

pytestmark = pytest.mark.django_db


# role order: anonymous, member_a, lead_a, member_b, facilitator, facilitator_other, site_admin,
# inactive. member_a asked (team A); member_b was asked to review.
MATRIX = {
    ("GET", "inbox"): [LOGIN, 200, 200, 200, 200, 200, 200, LOGIN],
    ("GET", "new"): [LOGIN, 302, 302, 302, 200, 200, 200, LOGIN],
    ("GET", "new_for_team_a"): [LOGIN, 200, 200, 404, 404, 404, 404, LOGIN],
    ("POST", "new_for_team_a"): [LOGIN, 400, 400, 404, 404, 404, 404, LOGIN],
    ("GET", "request"): [LOGIN, 200, 200, 200, 200, 404, 200, LOGIN],
    ("GET", "give"): [LOGIN, 404, 404, 200, 404, 404, 404, LOGIN],
    ("POST", "give"): [LOGIN, 404, 404, 400, 404, 404, 404, LOGIN],
    ("GET", "close"): [LOGIN, 200, 404, 404, 200, 404, 200, LOGIN],
    ("POST", "close"): [LOGIN, 302, 404, 404, 302, 404, 302, LOGIN],
    ("GET", "file"): [LOGIN, 404, 404, 404, 404, 404, 404, LOGIN],
    ("POST", "take"): [LOGIN, 404, 404, 404, 302, 404, 302, LOGIN],
    ("POST", "helpful"): [LOGIN, 302, 404, 404, 404, 404, 404, LOGIN],
    ("POST", "back"): [LOGIN, 302, 404, 404, 404, 404, 404, LOGIN],
    ("GET", "reassign"): [LOGIN, 404, 404, 404, 200, 404, 200, LOGIN],
    ("POST", "reassign"): [LOGIN, 404, 404, 404, 400, 404, 400, LOGIN],
    ("GET", "cohort"): [LOGIN, 404, 404, 404, 200, 404, 200, LOGIN],
    ("GET", "other_cohort"): [LOGIN, 404, 404, 404, 404, 200, 200, LOGIN],
    ("POST", "rounds"): [LOGIN, 404, 404, 404, 302, 404, 302, LOGIN],
    ("GET", "session"): [LOGIN, 200, 200, 200, 404, 404, 404, LOGIN],
    ("POST", "session"): [LOGIN, 302, 302, 302, 404, 404, 404, LOGIN],
    ("GET", "session_results"): [LOGIN, 404, 404, 404, 200, 404, 200, LOGIN],
}


def url_for(name, world):
    named = world["named"]
    assignment = Assignment.objects.get(request=named, reviewer=world["member_b"])
    return {
        "inbox": reverse("feedback:inbox"),
        "new": reverse("feedback:new"),
        "new_for_team_a": reverse("feedback:new_for_team", args=["team-a"]),
        "request": named.get_absolute_url(),
        "give": reverse("feedback:give", args=[named.pk]),
        "close": reverse("feedback:close", args=[named.pk]),
        "file": reverse("feedback:file", args=[named.pk]),
        "take": reverse("feedback:take", args=[named.pk]),
        "helpful": reverse("feedback:helpful", args=[world["named_response"].token]),
        "back": reverse("feedback:back", args=[world["named_response"].token]),
        "reassign": reverse("feedback:reassign", args=[assignment.pk]),
        "cohort": reverse("feedback:cohort", args=["demo-cohort"]),
        "other_cohort": reverse("feedback:cohort", args=["other-cohort"]),
        "rounds": reverse("feedback:rounds", args=["demo-cohort"]),
        "session": reverse("feedback:session", args=[world["session"].pk]),
        "session_results": reverse("feedback:session_results", args=[world["session"].pk]),
    }[name]


POST_DATA = {
    "back": {"back_feedback": "We will define it."},
    "helpful": {"helpful": "1"},
    "rounds": {"mode": "auto", "auto-name": "Round 1"},
    "session": {"rating": "4", "comment": "Useful."},
    "give": {"action": "submit", "warm": "again"},
}

CASES = [
    (method, url_name, role, expected)
    for (method, url_name), row in MATRIX.items()
    for role, expected in zip(MATRIX_ROLES, row, strict=True)
]


@pytest.mark.parametrize(("method", "url_name", "role", "expected"), CASES)
def test_feedback_access_matrix(method, url_name, role, expected, world):
    client = client_for(role, world)
    url = url_for(url_name, world)
    send = client.get if method == "GET" else client.post
    response = send(url, POST_DATA.get(url_name, {}) if method == "POST" else None)
    assert_access(response, expected)
    if response.status_code == 200:
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]


def test_every_feedback_url_is_in_the_matrix():
    from feedback import urls

    names = {p.name for p in urls.urlpatterns}
    covered = {
        {"new_for_team_a": "new_for_team", "other_cohort": "cohort"}.get(name, name)
        for _method, name in MATRIX
    }
    assert names == covered


def test_the_file_is_served_only_inside_the_request(world, tmp_path):
    from django.core.files.base import ContentFile

    named = world["named"]
    named.artifact_file.save("aim.pdf", ContentFile(b"%PDF-1.4 aim"))
    assert client_for("member_b", world).get(url_for("file", world)).status_code == 200
    assert client_for("member_a", world).get(url_for("file", world)).status_code == 200
    assert client_for("facilitator_other", world).get(url_for("file", world)).status_code == 404
