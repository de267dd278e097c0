"""Page types: where each may live, and that each renders."""

import datetime

import pytest

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from programs.factories import (
    FormPageFactory,
    ModulePageFactory,
    ProgramPageFactory,
    ResourceIndexPageFactory,
    StandardPageFactory,
)
from programs.models import (
    FormPage,
    HomePage,
    ModulePage,
    ProgramPage,
    ResourceIndexPage,
    StandardPage,
)
from programs.services import home_page_ensure


class PageTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page_ensure()
        cls.program = ProgramPageFactory(parent=cls.home, slug="the-program")
        cls.module = ModulePageFactory(
            parent=cls.program, number=1, month=datetime.date(2026, 9, 1)
        )

    def test_home_children(self):
        self.assertAllowedSubpageTypes(
            HomePage, {ProgramPage, ResourceIndexPage, FormPage, StandardPage}
        )
        self.assertCanCreateAt(HomePage, ProgramPage)
        self.assertCanNotCreateAt(HomePage, ModulePage)
        self.assertCanNotCreateAt(Page, ProgramPage)

    def test_program_holds_modules_only(self):
        self.assertAllowedSubpageTypes(ProgramPage, {ModulePage})
        self.assertAllowedParentPageTypes(ModulePage, {ProgramPage})
        self.assertCanCreateAt(ProgramPage, ModulePage)
        self.assertCanNotCreateAt(ProgramPage, StandardPage)
        self.assertAllowedSubpageTypes(ModulePage, set())

    def test_library_and_forms_are_leaves(self):
        self.assertAllowedSubpageTypes(ResourceIndexPage, set())
        self.assertAllowedSubpageTypes(FormPage, set())
        self.assertAllowedParentPageTypes(ResourceIndexPage, {HomePage})

    def test_pages_render(self):
        library = ResourceIndexPageFactory(parent=self.home)
        about = StandardPageFactory(parent=self.home, title="About", body="<p>Hello</p>")
        form = FormPageFactory(parent=self.home, title="Join the list")
        for page in (self.home, self.program, self.module, library, about, form):
            self.assertPageIsRenderable(page)

    def test_module_renders_for_member(self):
        from accounts.factories import UserFactory

        self.assertPageIsRenderable(self.module, user=UserFactory())


@pytest.mark.django_db
def test_home_links_to_program_and_library(client, program):
    library = ResourceIndexPageFactory(parent=program.get_parent())
    response = client.get("/")
    assert response.status_code == 200
    assert program.url in response.text
    assert library.url == "/resources/"
    assert 'href="/resources/"' in response.text


@pytest.mark.django_db
def test_anonymous_sees_titles_not_bodies(client, program, module):
    response = client.get(program.url)
    assert module.title in response.text
    assert "Log in to read" in response.text
    response = client.get(module.url)
    assert response.status_code == 200
    assert module.title in response.text
    assert "Log in to read this module" in response.text
    assert "What did school teach you?" not in response.text
    assert "people who will do the work" not in response.text


@pytest.mark.django_db
def test_member_reads_body_and_prompt_link(client, user, module):
    client.force_login(user)
    response = client.get(module.url)
    block = next(b for b in module.body if b.block_type == "reflection_prompt")
    assert "What did school teach you?" in response.text
    assert f'id="prompt-{block.id}"' in response.text
    assert f'href="/journal/new/?prompt={block.id}"' in response.text
    assert "style=" not in response.text
