"""Facilitators' workflow in the Wagtail admin: permissions and editor validation."""

import pytest

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from accounts.factories import UserFactory
from accounts.roles import FACILITATORS_GROUP
from programs.models import ModulePage
from programs.permissions import facilitator_permissions_apply

SNIPPETS = [
    "programgoal",
    "cdeequitygoal",
    "equityarea",
    "liberatorydesignmode",
    "topic",
    "studentgroup",
    "protocol",
    "resource",
]


@pytest.mark.django_db
def test_migration_gave_facilitators_exactly_their_permissions(home):
    # The data migration already ran in the test database; applying again changes nothing.
    group = Group.objects.get(name=FACILITATORS_GROUP)
    before = set(group.permissions.values_list("content_type__app_label", "codename"))
    assert facilitator_permissions_apply().pk == group.pk
    model_perms = set(group.permissions.values_list("content_type__app_label", "codename"))
    assert model_perms == before
    expected = {
        ("wagtailadmin", "access_admin"),
        ("wagtail_localize", "submit_translation"),  # translating curriculum pages
    } | {("programs", f"{action}_{model}") for model in SNIPPETS for action in ("add", "change")}
    assert model_perms == expected
    pages = set(group.page_permissions.values_list("page_id", "permission__codename"))
    assert pages == {(home.pk, "add_page"), (home.pk, "change_page"), (home.pk, "publish_page")}
    collections = set(
        group.collection_permissions.values_list("collection__depth", "permission__codename")
    )
    assert collections == {
        (1, code)
        for code in (
            "add_document",
            "change_document",
            "choose_document",
            "add_image",
            "change_image",
            "choose_image",
        )
    }
    assert not Permission.objects.filter(
        group=group, codename__in=["add_user", "change_user", "change_group", "add_group"]
    ).exists()


@pytest.mark.django_db
def test_facilitator_reaches_editor_but_not_user_admin(client, facilitator, module):
    client.force_login(facilitator)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[module.pk])).status_code == 200
    assert client.get(reverse("wagtailsnippets_programs_resource:add")).status_code == 200
    response = client.get("/admin/users/")
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "/admin/users/" not in response["Location"]
    assert client.get("/admin/groups/").status_code in (302, 403)


@pytest.mark.django_db
def test_participant_cannot_reach_admin(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code in (302, 403)


def module_form_data(**overrides):
    data = {
        "title": "Seeing the System",
        "slug": "seeing-the-system",
        "number": "5",
        "month": "2027-01-01",
        "estimated_minutes": "180",
        "summary": "",
        "objectives": inline_formset([{"text": "Map the system."}]),
        "body": streamfield(
            [
                ("paragraph", rich_text("<p>Hello</p>")),
                (
                    "reflection_prompt",
                    {
                        "prompt": "What do you notice?",
                        "kind": "learning",
                        "default_privacy": "private",
                    },
                ),
            ]
        ),
        "action-publish": "action-publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def add_module_url(program):
    return reverse("wagtailadmin_pages:add", args=["programs", "modulepage", program.pk])


@pytest.mark.django_db
def test_facilitator_publishes_module(client, facilitator, program):
    client.force_login(facilitator)
    response = client.post(add_module_url(program), module_form_data())
    assert response.status_code == 302, response.content[:2000]
    module = ModulePage.objects.get(slug="seeing-the-system")
    assert module.live
    assert module.objectives.count() == 1
    assert module.revisions.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("missing", ["title", "number", "month"])
def test_module_cannot_be_published_without_required_fields(client, facilitator, program, missing):
    client.force_login(facilitator)
    response = client.post(add_module_url(program), module_form_data(**{missing: ""}))
    assert response.status_code == 200
    assert "This field is required" in response.text
    assert not ModulePage.objects.filter(slug="seeing-the-system").exists()


@pytest.mark.django_db
def test_broken_embed_url_is_a_validation_error(client, facilitator, program):
    client.force_login(facilitator)
    body = streamfield(
        [("video", {"video": "https://example.com/not-a-video", "title": "Intro", "caption": ""})]
    )
    response = client.post(add_module_url(program), module_form_data(body=body))
    assert response.status_code == 200
    assert "Cannot find an embed for this URL." in response.text
    assert not ModulePage.objects.filter(slug="seeing-the-system").exists()


@pytest.mark.django_db
def test_identity_prompt_must_stay_private(client, facilitator, program):
    client.force_login(facilitator)
    body = streamfield(
        [
            (
                "reflection_prompt",
                {"prompt": "Who am I?", "kind": "identity", "default_privacy": "team"},
            )
        ]
    )
    response = client.post(add_module_url(program), module_form_data(body=body))
    assert response.status_code == 200
    assert "Identity prompts are always private." in response.text


def test_image_block_requires_alt_text():
    from django.core.exceptions import ValidationError

    from programs.blocks import ImageBlock

    block = ImageBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"image": None, "alt_text": "", "caption": ""}))
    assert block.child_blocks["alt_text"].required


@pytest.mark.django_db
def test_facilitator_cannot_publish_outside_program_tree(client, facilitator, home):
    other = UserFactory()
    client.force_login(other)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[home.pk])).status_code in (
        302,
        403,
    )


@pytest.mark.django_db
def test_facilitators_cannot_delete_curriculum_or_form_pages(client, facilitator, module, home):
    from programs.factories import FormPageFactory

    form_page = FormPageFactory(parent=home, title="Contact us", slug="contact", owner=facilitator)
    module.owner = facilitator
    module.save()
    client.force_login(facilitator)
    for page in (module, form_page):
        edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
        delete_url = reverse("wagtailadmin_pages:delete", args=[page.pk])
        assert delete_url not in edit
        assert client.get(delete_url).status_code in (302, 403)
        client.post(delete_url)
        assert type(page).objects.filter(pk=page.pk).exists()


@pytest.mark.django_db
def test_site_admins_may_delete_pages(client, module):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    delete_url = reverse("wagtailadmin_pages:delete", args=[module.pk])
    assert client.get(delete_url).status_code == 200
    client.post(delete_url)
    assert not ModulePage.objects.filter(pk=module.pk).exists()
