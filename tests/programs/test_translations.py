"""Curriculum in Spanish: a reader sees a module's translation at the module's own URL, or the
English with a note; lists show each module once; progress counts on the English module."""

import datetime

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Locale

from accounts.factories import UserFactory
from programs.demo_translations import object_translate
from programs.factories import ModulePageFactory, ProgramPageFactory
from programs.models import ModuleCompletion, ModuleObjective, ModulePage
from programs.release import cohort_modules
from programs.services import site_search

pytestmark = pytest.mark.django_db

SPANISH_BODY = "Este proyecto comienza con las personas que harán el trabajo."
MEMORY = {
    "Launch: Why Equity, Why Us": "Inicio: ¿Por qué la equidad?",
    "This project begins with the people who will do the work.": SPANISH_BODY,
    "What did school teach you?": "¿Qué le enseñó la escuela?",
    "Equity Improvement Project": "Proyecto de Mejora para la Equidad",
    "Compare definitions of equity.": "Comparar definiciones de equidad.",
}
NOTE = "Este módulo todavía no está traducido al español; se muestra en inglés."


@pytest.fixture
def spanish(db):
    return Locale.objects.get_or_create(language_code="es")[0]


def translate(page, spanish, capture):
    with capture(execute=True):  # wagtail-localize publishes the translation after commit
        object_translate(page, locale=spanish, memory=MEMORY)
    return page.get_translation(spanish)


@pytest.fixture
def translated(program, module, spanish, django_capture_on_commit_callbacks):
    module.objectives = [ModuleObjective(text="Compare definitions of equity.")]
    module.save()
    translate(program, spanish, django_capture_on_commit_callbacks)
    return translate(module, spanish, django_capture_on_commit_callbacks)


@pytest.fixture
def untranslated(program):
    return ModulePageFactory(
        parent=program,
        title="Equity Consciousness",
        slug="equity-consciousness",
        number=2,
        month=datetime.date(2026, 9, 1),
        body=[("paragraph", "<p>Naming the isms.</p>")],
    )


@pytest.fixture
def lector(db):
    return UserFactory(email="lector@example.org", preferred_language="es")


def test_the_translation_stays_linked_to_its_english_source(module, translated):
    assert translated.translation_key == module.translation_key
    assert translated.live and translated.locale.language_code == "es"
    assert translated.number == module.number  # synchronized, not translated


def test_a_spanish_reader_sees_the_translated_module_at_its_english_url(
    client, lector, module, translated
):
    client.force_login(lector)
    response = client.get(module.url)
    assert response.status_code == 200
    text = response.content.decode()
    assert SPANISH_BODY in text
    assert "Inicio: ¿Por qué la equidad?" in text
    assert "This project begins with the people" not in text
    assert "Comparar definiciones de equidad." in text  # its learning objective too
    assert NOTE not in text
    # Its reflection prompt links to the same prompt id as the English.
    prompt_id = next(b.id for b in module.body if b.block_type == "reflection_prompt")
    assert prompt_id in text


def test_an_english_reader_sees_the_english_module(client, module, translated):
    client.force_login(UserFactory(preferred_language="en"))
    text = client.get(module.url).content.decode()
    assert "This project begins with the people who will do the work." in text
    assert SPANISH_BODY not in text


def test_an_untranslated_module_shows_english_with_a_note(client, lector, translated, untranslated):
    client.force_login(lector)
    response = client.get(untranslated.url)
    assert response.status_code == 200
    text = response.content.decode()
    assert NOTE in text
    assert "Naming the isms." in text
    assert 'class="module-body" lang="en"' in text


def test_anonymous_spanish_visitors_get_the_translation_by_accept_language(
    client, module, translated
):
    response = client.get(module.url, HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 200
    assert "Inicio: ¿Por qué la equidad?" in response.content.decode()


def test_the_program_timeline_lists_each_module_once_in_the_readers_language(
    client, lector, program, module, translated, untranslated
):
    client.force_login(lector)
    text = client.get(program.url).content.decode()
    assert text.count(f'href="{module.url}"') == 1
    assert text.count(f'href="{untranslated.url}"') == 1
    assert "Inicio: ¿Por qué la equidad?" in text
    assert "Proyecto de Mejora para la Equidad" in text
    assert "Equity Consciousness" in text  # untranslated: its English title


def test_lists_and_search_find_each_module_once(roles, module, translated, untranslated):
    cohort = roles["cohort"]
    cohort.program = None
    assert [m.pk for m in cohort_modules(cohort)] == [module.pk, untranslated.pk]
    results = site_search("equidad")  # a Spanish word: found through the translation
    assert [r["item"].pk for r in results if r["kind"] == "module"] == [module.pk]
    results = site_search("project begins")
    assert [r["item"].pk for r in results if r["kind"] == "module"] == [module.pk]


def test_done_on_the_spanish_page_counts_on_the_english_module(client, lector, module, translated):
    client.force_login(lector)
    page_text = client.get(module.url).content.decode()
    # The Spanish page's form marks the English module (its URL and id are the source's).
    assert reverse("programs:module_done", args=[module.pk]) in page_text
    # Even a request naming the translation's id counts on the English module.
    response = client.post(reverse("programs:module_done", args=[translated.pk]))
    assert response.status_code == 302
    assert response["Location"] == module.url
    assert ModuleCompletion.objects.filter(user=lector, module=module).exists()
    assert not ModuleCompletion.objects.filter(module=translated).exists()
    # Back on the Spanish page, it shows as done.
    assert "state-done" in client.get(module.url).content.decode()


def test_journal_prompts_key_on_the_english_module_and_read_in_spanish(lector, module, translated):
    from django.utils import translation

    from journals.prompts import resolve_prompt

    prompt_id = next(b.id for b in module.body if b.block_type == "reflection_prompt")
    with translation.override("es"):
        prompt = resolve_prompt(prompt_id)
    assert prompt.module.pk == module.pk
    assert prompt.text == "¿Qué le enseñó la escuela?"
    with translation.override("en"):
        assert resolve_prompt(prompt_id).text == "What did school teach you?"


def test_a_facilitator_can_open_the_translate_views(client, facilitator, module, translated):
    client.force_login(facilitator)
    submit = client.get(
        reverse(
            "wagtail_localize:submit_page_translation",
            args=[
                ModulePageFactory(
                    parent=module.get_parent(),
                    slug="new-one",
                    number=9,
                    month=datetime.date(2026, 9, 1),
                ).pk
            ],
        )
    )
    assert submit.status_code == 200
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[translated.pk]))
    assert edit.status_code == 200
    assert "Inicio: ¿Por qué la equidad?" in edit.content.decode()


def _module_page_queries(client, program, spanish, capture, n_modules):
    for n in range(n_modules):
        page = ModulePageFactory(
            parent=program, slug=f"m{n}", number=n + 1, month=datetime.date(2026, 9, 1)
        )
        translate(page, spanish, capture)
    assert client.get(program.url).status_code == 200  # caches warm (site, locales)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(program.url).status_code == 200
    return len(queries)


def test_the_spanish_program_page_costs_the_same_for_1_or_30_translated_modules(
    client, lector, home, spanish, django_capture_on_commit_callbacks
):
    client.force_login(lector)
    small = ProgramPageFactory(parent=home, slug="small")
    large = ProgramPageFactory(parent=home, slug="large")
    counts = [
        _module_page_queries(client, program, spanish, django_capture_on_commit_callbacks, n)
        for program, n in ((small, 1), (large, 30))
    ]
    assert counts[0] == counts[1], counts
    text = client.get(large.url).content.decode()
    assert text.count("/large/m") == 30  # each module once


def test_the_spanish_module_page_adds_a_bounded_number_of_queries(
    client, lector, module, translated, untranslated
):
    client.force_login(lector)
    client.get(module.url)
    with CaptureQueriesContext(connection) as spanish_queries:
        client.get(module.url)
    with CaptureQueriesContext(connection) as note_queries:
        client.get(untranslated.url)
    assert len(spanish_queries) <= len(note_queries) + 2
    assert ModulePage.objects.count() == 3  # two modules, one translation


def test_the_demo_ships_fully_translated_spanish_pages(db, django_capture_on_commit_callbacks):
    from programs.demo import seed_curriculum
    from programs.demo_translations import seed_spanish_curriculum

    seed_curriculum()
    with django_capture_on_commit_callbacks(execute=True):
        records = seed_spanish_curriculum()
    # Two protocols, two resources, the program page, modules 1 and 2 and the library, each up
    # to date in wagtail-localize.
    assert len(records) == 8
    for record in records:
        total, translated = record.get_progress()
        assert translated == total, record.source.object_repr
        translation = record.source.get_translated_instance(record.target_locale)
        assert getattr(translation, "live", True)  # snippets have no drafts
    # Module 1's Spanish page chooses the Spanish protocols, and Compass Points (untranslated).
    module = ModulePage.objects.get(number=1, locale=record.target_locale)
    chosen = [b.value["protocol"] for b in module.body if b.block_type == "protocol"]
    assert [p.locale.language_code for p in chosen] == ["es", "en", "es"]
