"""A feedback artifact in object storage: uploaded to the bucket, downloaded through the view
(a redirect to a presigned link that works, then expires), 404 for people outside the request."""

import datetime

import pytest
import requests

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from feedback.models import FeedbackRequest
from tests import object_storage as s3
from tests.conftest import client_for

pytestmark = pytest.mark.django_db
local_s3, object_storage = s3.local_s3, s3.object_storage  # fixtures


def test_an_artifact_is_uploaded_to_the_bucket_and_downloaded_through_a_link_that_expires(
    world, object_storage
):
    client = client_for("member_a", world)
    created = client.post(
        reverse("feedback:new_for_team", args=["team-a"]),
        {
            "artifact_title": "Empathy interview notes",
            "focusing_question": "What did we miss?",
            "protocol": "warm-and-cool-feedback",
            "due_on": (datetime.date.today() + datetime.timedelta(days=5)).isoformat(),
            "reviewers": [world["lead_a"].pk],
            "artifact_file": SimpleUploadedFile("notes.pdf", b"%PDF-1.4 interview notes"),
        },
    )
    assert created.status_code == 302
    req = FeedbackRequest.objects.get(artifact_title="Empathy interview notes")
    assert f"private/{req.artifact_file.name}" in s3.stored_keys(object_storage)

    download = client_for("lead_a", world).get(reverse("feedback:file", args=[req.pk]))
    assert download.status_code == 302
    link = download["Location"]
    assert link.startswith(object_storage.url) and "X-Amz-Signature=" in link
    assert "no-store" in download["Cache-Control"] and "private" in download["Cache-Control"]

    fetched = requests.get(link, timeout=10)
    assert fetched.status_code == 200
    assert fetched.content == b"%PDF-1.4 interview notes"
    assert fetched.headers["Content-Disposition"].startswith("attachment")
    # Without the signature the object is not readable, and the link stops working.
    assert requests.get(link.split("?")[0], timeout=10).status_code == 403
    object_storage.guard.clock_offset = 61
    expired = requests.get(link, timeout=10)
    assert expired.status_code == 403
    assert "expired" in expired.text

    for outsider in ("member_b", "facilitator_other"):
        answer = client_for(outsider, world).get(reverse("feedback:file", args=[req.pk]))
        assert answer.status_code == 404, outsider
