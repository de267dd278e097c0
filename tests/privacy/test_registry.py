import io
import json
import zipfile

import pytest

from django.apps import apps
from django.conf import settings
from django.urls import reverse

from feedback.models import FeedbackRequest, FeedbackResponse
from journals.factories import JournalEntryFactory
from journals.models import JournalEntry
from privacy.registry import registry
from privacy.services import person_erase
from tests.conftest import client_for

PROJECT_APPS = [
    "cohort_site", "accounts", "programs", "cohorts", "notifications", "coaching", "privacy",
    "journals", "norms", "feedback", "improvement", "account", "mfa",
]  # fmt: skip


def user_links(model):
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    return {
        field.name
        for field in model._meta.get_fields()
        if getattr(field, "related_model", None) is user_model
        and not field.auto_created
        and (field.many_to_one or field.one_to_one or field.many_to_many)
        and field.model is model  # not the owner/locked_by that Wagtail pages inherit
    }


@pytest.mark.parametrize(
    "model",
    [m for label in PROJECT_APPS for m in apps.get_app_config(label).get_models() if user_links(m)],
    ids=lambda m: m._meta.label,
)
def test_every_model_linked_to_a_person_declares_its_export_and_erasure(model):
    undeclared = user_links(model) - registry.declared_user_fields(model)
    assert not undeclared, (
        f"{model._meta.label}: declare {sorted(undeclared)} in its app's privacy.py"
    )


def unzip(response):
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    return json.loads(archive.read("data.json"))


@pytest.mark.django_db
def test_erasure_deletes_private_reflections_and_keeps_team_shared_ones(roles):
    private = JournalEntryFactory(
        author=roles["member_a"], team=roles["team_a"], visibility="private"
    )
    shared = JournalEntryFactory(author=roles["member_a"], team=roles["team_a"], visibility="team")
    person_erase(user=roles["member_a"], actor=roles["member_a"])
    assert not JournalEntry.objects.filter(pk=private.pk).exists()
    assert JournalEntry.objects.get(pk=shared.pk).author.name == "Former member"


@pytest.mark.django_db
def test_my_export_of_anonymous_feedback_received_names_no_giver(roles):
    request = FeedbackRequest.objects.create(
        team=roles["team_a"],
        requested_by=roles["member_a"],
        artifact_title="Our aim",
        focusing_question="Is it clear?",
        protocol="warm_cool",
        anonymous=True,
        due_on="2026-12-01",
        closed_on="2026-12-02",
    )
    FeedbackResponse.objects.create(
        request=request,
        giver=roles["member_b"],
        answers={"warm": "Clear and focused"},
        status="submitted",
    )
    data = unzip(
        client_for("member_a", roles, reauthenticated=True).post(reverse("privacy:my_data"))
    )
    received = data["feedback received (anonymous)"]
    assert received[0]["answers"] == {"warm": "Clear and focused"}
    text = json.dumps(data)
    assert "peer@example.org" not in text
    assert roles["member_b"].name not in text
    giver_export = unzip(
        client_for("member_b", roles, reauthenticated=True).post(reverse("privacy:my_data"))
    )
    assert giver_export["feedback.FeedbackResponse"][0]["answers"] == {"warm": "Clear and focused"}
