"""Every feedback URL × every role → the expected status, in one table."""

import pytest

from django.urls import reverse

from feedback.models import Assignment
from tests.conftest import client_for
from tests.matrix import assert_access, expect

pytestmark = pytest.mark.django_db


# member_a asked (team A); member_b was asked to review.
MATRIX = {
    ("GET", "inbox"): expect(200),
    ("GET", "new"): expect(200, member_a=302, lead_a=302, member_b=302),
    ("GET", "new_for_team_a"): expect(404, member_a=200, lead_a=200),
    ("POST", "new_for_team_a"): expect(404, member_a=400, lead_a=400),
    ("GET", "request"): expect(
        404, member_a=200, lead_a=200, member_b=200, facilitator=200, site_admin=200
    ),
    ("GET", "give"): expect(404, member_b=200),
    ("POST", "give"): expect(404, member_b=400),
    ("GET", "close"): expect(404, member_a=200, facilitator=200, site_admin=200),
    ("POST", "close"): expect(404, member_a=302, facilitator=302, site_admin=302),
    ("GET", "file"): expect(404),
    ("POST", "take"): expect(404, facilitator=302, site_admin=302),
    ("POST", "helpful"): expect(404, member_a=302),
    ("POST", "back"): expect(404, member_a=302),
    ("GET", "reassign"): expect(404, facilitator=200, site_admin=200),
    ("POST", "reassign"): expect(404, facilitator=400, site_admin=400),
    ("GET", "cohort"): expect(404, facilitator=200, site_admin=200),
    ("GET", "other_cohort"): expect(404, facilitator_other=200, site_admin=200),
    ("GET", "rounds"): expect(404, facilitator=200, site_admin=200),
    ("POST", "rounds"): expect(404, facilitator=302, site_admin=302),
    ("GET", "session"): expect(404, member_a=200, lead_a=200, member_b=200),
    ("POST", "session"): expect(404, member_a=302, lead_a=302, member_b=302),
    ("GET", "session_results"): expect(404, facilitator=200, site_admin=200),
}
URL_NAME_OF_ROW = {"new_for_team_a": "new_for_team", "other_cohort": "cohort"}
COVERS = {f"feedback:{URL_NAME_OF_ROW.get(name, name)}" for _method, name in MATRIX}


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
    for role, expected in row.items()
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


def test_the_file_is_served_only_inside_the_request(world, tmp_path):
    from django.core.files.base import ContentFile

    named = world["named"]
    named.artifact_file.save("aim.pdf", ContentFile(b"%PDF-1.4 aim"))
    assert client_for("member_b", world).get(url_for("file", world)).status_code == 200
    assert client_for("member_a", world).get(url_for("file", world)).status_code == 200
    assert client_for("facilitator_other", world).get(url_for("file", world)).status_code == 404
