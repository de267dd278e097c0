"""A feedback request's link stays inside the site unless it is an explicit https address."""

import datetime
from urllib.parse import urljoin, urlsplit

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from feedback.models import FeedbackRequest, validate_artifact_url
from tests.conftest import client_for

SITE = "https://site.example/"

REFUSED = [
    "//evil.example",
    "//evil.example/teams/",
    "/\\evil.example",
    "/\\/evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r/evil.example",
    "\t//evil.example",
    "\x00//evil.example",
    "\x01/teams/",
    "/teams/\x00",
    "/teams/\x7f",
    "/teams/\u200b",
    "/teams/\u2028x",
    "/teams/a b",
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox",
    "http://evil.example",
    "https://",
    "https:/evil.example",
    "https:\\\\evil.example",
    "https://\tevil.example",
    "https://[",
    "https://:443/",
    "teams/",
    "evil.example",
    "",
]

ALLOWED = [
    "/teams/team-a/",
    "/teams/team-a/?tab=aim#drivers",
    "/improvement/projects/3/",
    "/",
    "https://docs.example.org/driver",
    "https://docs.example.org/a?b=c#d",
]


@pytest.mark.parametrize("value", REFUSED)
def test_unsafe_links_are_refused(value):
    with pytest.raises(ValidationError):
        validate_artifact_url(value)


@pytest.mark.parametrize("value", ALLOWED)
def test_site_paths_and_https_links_are_kept(value):
    validate_artifact_url(value)


def browser_reads(value: str) -> str:
    """What a browser's URL parser makes of an href before resolving it (WHATWG URL): leading
    and trailing C0 controls and spaces dropped, tabs and newlines removed, `\\` read as `/`."""
    value = value.strip("".join(chr(c) for c in range(0x21)))
    value = value.replace("\t", "").replace("\n", "").replace("\r", "")
    return value.replace("\\", "/")


LINKISH = st.text(alphabet=st.sampled_from(list("/\\\t\n\r\x00\x0b :.@?#%ajvsciprtxhe")))
PREFIXES = st.sampled_from(
    ["", "/", "//", "/\\", "\\", " /", "\t/", "https://", "https:", "javascript:", "/\t"]
)


@given(st.one_of(st.text(), st.builds(str.__add__, PREFIXES, LINKISH)))
@example("/\t/evil.example")
@example("/\\evil.example")
def test_any_accepted_link_stays_on_the_site_unless_explicitly_https(value):
    try:
        validate_artifact_url(value)
    except ValidationError:
        return
    if value.startswith("https://"):
        assert urlsplit(value).hostname
        return
    for seen in (value, browser_reads(value)):
        assert urlsplit(urljoin(SITE, seen)).hostname == "site.example", seen


@pytest.mark.django_db
def test_the_request_form_refuses_a_link_that_leaves_the_site(roles):
    client = client_for("member_a", roles)
    response = client.post(
        reverse("feedback:new_for_team", args=["team-a"]),
        {
            "artifact_title": "Driver diagram",
            "artifact_url": "/\t/evil.example",
            "focusing_question": "Do the drivers lead to testable ideas?",
            "protocol": "tuning-protocol",
            "due_on": (timezone.localdate() + datetime.timedelta(days=5)).isoformat(),
            "reviewers": [roles["lead_a"].pk],
        },
    )
    assert response.status_code in (200, 400)
    assert "Give a link inside this site" in response.text
    assert not FeedbackRequest.objects.exists()
