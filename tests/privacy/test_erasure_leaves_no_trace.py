"""After "Delete my account", no table holds the person's email or name.

The person is given data in every app (through the factories and services, as the site would),
downloads their data, deletes their account, and then every text and JSON column of every
table is searched for their email and their name.
"""

import datetime

import pytest

from django.apps import apps
from django.db import models
from django.db.models.functions import Cast
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.factories import UserFactory
from coaching.models import Conversation, NextStep
from cohorts.factories import MembershipFactory
from cohorts.models import Invitation
from feedback import services as feedback_services
from improvement import services as improvement_services
from improvement.factories import ImprovementProjectFactory
from journals import services as journal_services
from journals.factories import IdentityToolFactory, JournalEntryFactory
from norms import services as norms_services
from notifications.models import Kind, Notification
from privacy.models import AuditRecord
from programs.factories import ModulePageFactory, ProgramPageFactory
from programs.models import ModuleCompletion
from programs.services import home_page_ensure
from tests.conftest import reauthenticate

pytestmark = pytest.mark.django_db

EMAIL = "zephyrine.quillfeather@example.org"
NAME = "Zephyrine Quillfeather"
NEEDLES = ["quillfeather", "Zephyrine"]  # the surname is in the email, the name and last_name

TEXT_TYPES = {"CharField", "TextField", "EmailField", "SlugField", "URLField", "JSONField"}


def rows_mentioning(needle: str) -> list[str]:
    """Every row of every table (models, many-to-many tables, third-party apps) with `needle`
    in a text or JSON column, as "app.Model.field"."""
    hits = []
    for model in apps.get_models(include_auto_created=True):
        if not model._meta.managed or model._meta.proxy:
            continue
        for field in model._meta.concrete_fields:
            if field.get_internal_type() not in TEXT_TYPES:
                continue
            matches = (
                model._base_manager.annotate(_text=Cast(field.name, models.TextField()))
                .filter(_text__icontains=needle)
                .count()
            )
            if matches:
                hits.append(f"{model._meta.label}.{field.name} ({matches})")
    return hits


@pytest.fixture
def person(roles):
    """A lead of team A with something in every app."""
    person = MembershipFactory(
        team=roles["team_a"],
        role="lead",
        user=UserFactory(
            email=EMAIL, display_name=NAME, first_name="Zephyrine", last_name="Quillfeather"
        ),
    ).user
    team, teammate, facilitator = roles["team_a"], roles["member_a"], roles["facilitator"]
    # cohorts: the invitation they accepted and an older one they never used
    Invitation.objects.create(
        team=team, email=EMAIL, name=NAME, role="member", invited_by=facilitator,
        accepted_by=person, accepted_at=timezone.now(),
    )  # fmt: skip
    Invitation.objects.create(
        team=roles["team_b"], email=EMAIL.upper(), name=NAME, role="member",
        invited_by=facilitator, revoked_at=timezone.now(),
    )  # fmt: skip
    # programs
    program = ProgramPageFactory(parent=home_page_ensure(), slug="eip")
    module = ModulePageFactory(parent=program, slug="launch", number=1)
    ModuleCompletion.objects.create(user=person, module=module)
    # journals: private and shared writing, a reply, an identity tool
    JournalEntryFactory(author=person, team=team, visibility="private")
    shared = JournalEntryFactory(author=person, team=team, visibility="team")
    journal_services.reply_create(entry=shared, author=teammate, body="Thank you.")
    IdentityToolFactory(author=person)
    # norms: a condition and a proposal (teammates are notified by name)
    norms_services.condition_add(team=team, user=person, text="Start on time")
    norm_set = norms_services.draft_start(team=team, user=person)
    norms_services.norm_add(norm_set=norm_set, user=person, statement="We start on time")
    norms_services.norm_set_propose(norm_set=norm_set, user=person)
    # feedback: they answer a teammate's named request (the asker is notified by name)
    request = feedback_services.request_create(
        team=team,
        requested_by=teammate,
        artifact_title="Our aim",
        focusing_question="Is it clear?",
        protocol="warm-and-cool-feedback",
        due_on=timezone.localdate() + datetime.timedelta(days=7),
        reviewers=[person],
    )
    feedback_services.response_save(
        request=request, giver=person, answers={"warm": "Clear."}, submit=True
    )
    # improvement and coaching
    project = ImprovementProjectFactory(team=team)
    improvement_services.comment_add(project=project, user=person, body="Let us try it.")
    conversation = Conversation.objects.create(team=team, facilitator=facilitator, notes="Met.")
    conversation.participants.add(person)
    NextStep.objects.create(
        conversation=conversation, description="Collect data", owner=person, due_on="2026-12-01"
    )
    # notifications of their own
    Notification.objects.create(user=person, kind=Kind.NORMS_PROPOSED, title=f"Hi {NAME}")
    return person


def test_deleting_an_account_leaves_its_email_and_name_in_no_table(roles, person):
    client = Client()
    client.force_login(person)
    reauthenticate(client, person)
    assert client.post(reverse("privacy:my_data")).status_code == 200
    assert rows_mentioning("quillfeather"), "the search finds the person before the erasure"
    named = Notification.objects.get(user=roles["member_a"], kind=Kind.RESPONSE_RECEIVED)
    assert NAME in named.title

    response = client.post(reverse("privacy:delete_account"), {"confirmation": "DELETE"})

    assert response.status_code == 302
    for needle in NEEDLES:
        assert rows_mentioning(needle) == [], f"{needle!r} is still stored"
    named.refresh_from_db()
    assert named.title == "A former member sent feedback on Our aim"
    proposal = Notification.objects.get(user=roles["member_a"], kind=Kind.NORMS_PROPOSED)
    assert proposal.title.startswith("A former member proposed norms")
    export, erasure = AuditRecord.objects.order_by("pk")
    assert {export.actor_label, export.subject, erasure.actor_label, erasure.subject} == {
        export.subject
    }, "one pseudonym for the person throughout"
    assert export.subject.startswith("person-")
