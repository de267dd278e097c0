"""seed_curriculum(): the whole demo curriculum, idempotent."""

import pytest

from django.contrib.auth.models import Group

from accounts.roles import FACILITATORS_GROUP
from programs.content import curriculum
from programs.demo import seed_curriculum
from programs.models import (
    CdeEquityGoal,
    EquityArea,
    FormField,
    FormPage,
    LiberatoryDesignMode,
    ModulePage,
    ProgramGoal,
    ProgramPage,
    Protocol,
    ProtocolStep,
    Resource,
    ResourceIndexPage,
    StandardPage,
    Topic,
)


def counts():
    models = [
        ProgramPage,
        ModulePage,
        ProgramGoal,
        CdeEquityGoal,
        EquityArea,
        LiberatoryDesignMode,
        Protocol,
        ProtocolStep,
        Topic,
        Resource,
        FormPage,
        FormField,
        StandardPage,
        ResourceIndexPage,
    ]
    return {model.__name__: model.objects.count() for model in models}


@pytest.mark.django_db
def test_seed_builds_the_curriculum_once(client, user):
    program = seed_curriculum()
    first = counts()
    first_prompt_ids = [
        b.id
        for m in ModulePage.objects.all()
        for b in m.body
        if b.block_type == "reflection_prompt"
    ]
    seed_curriculum()
    assert counts() == first
    assert first_prompt_ids == [
        b.id
        for m in ModulePage.objects.all()
        for b in m.body
        if b.block_type == "reflection_prompt"
    ]

    assert program.title == "Equity Improvement Project 2026-27"
    assert first["ModulePage"] == 9
    assert first["ProgramGoal"] == 7
    assert first["CdeEquityGoal"] == 6
    assert first["EquityArea"] == 4
    assert first["Protocol"] == len(curriculum().protocols)
    assert first["Resource"] >= 15
    assert first["FormPage"] == 2
    assert first["StandardPage"] == 1
    assert all(p.live for p in FormPage.objects.all())
    module = ModulePage.objects.get(number=1)
    kinds = {b.block_type for b in module.body}
    assert {"paragraph", "callout", "protocol", "reflection_prompt", "team_task"} <= kinds
    assert module.objectives.count() == 4
    assert Group.objects.get(name=FACILITATORS_GROUP).page_permissions.count() == 3

    client.force_login(user)
    assert client.get(program.url).status_code == 200
    response = client.get(module.url)
    assert "Forming Ground Rules" in response.text
    assert client.get("/resources/").status_code == 200
    assert client.get("/about/").status_code == 200
    assert client.get("/partnership-proposal/").status_code == 200
