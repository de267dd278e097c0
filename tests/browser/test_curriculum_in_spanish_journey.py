"""Curriculum in Spanish: familia@example.org (profile language Spanish) reads a translated
module in Spanish at its usual URL, marks it done, and finds an untranslated one in English
with a note."""

import pytest

from django.core.management import call_command

from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "seed-pass-123"
NOTE = "Este módulo todavía no está traducido al español; se muestra en inglés."


@pytest.fixture
def demo(site):
    call_command("seed_demo", "--password", PASSWORD, verbosity=0)


def test_familia_reads_a_translated_module_in_spanish_and_an_untranslated_one_with_a_note(
    page, demo
):
    from programs.localized import in_source_locale
    from programs.models import ModuleCompletion, ModulePage

    modules = {m.number: m for m in in_source_locale(ModulePage.objects.live())}
    log_in(page, "familia@example.org", PASSWORD)

    # The program page: its Spanish title, and each module once with its Spanish title.
    page.goto(modules[1].get_parent().url)
    assert page.get_by_role(
        "heading", level=1, name="Proyecto de Mejora para la Equidad 2026-27"
    ).is_visible()
    launch = page.get_by_role("link", name="Inicio: ¿Por qué la equidad? ¿Por qué nosotros?")
    assert launch.count() == 1
    launch.click()
    page.wait_for_load_state()

    # Module 1 is translated: Spanish content at the English module's own URL, no note.
    assert page.url.endswith(modules[1].url)
    assert (
        page.get_by_role("heading", level=1)
        .inner_text()
        .endswith("Inicio: ¿Por qué la equidad? ¿Por qué nosotros?")
    )
    assert page.get_by_text("Los acuerdos de trabajo son una herramienta viva.").is_visible()
    assert page.get_by_text("Redactar acuerdos de trabajo que cada integrante").is_visible()
    assert page.get_by_text(NOTE).count() == 0
    assert page.locator(".module-body").get_attribute("lang") == "es"

    # Marking it done on the Spanish page counts on the English module.
    page.get_by_role("button", name="Marcar como hecho").click()
    page.wait_for_load_state()
    assert page.get_by_text("Usted marcó este módulo como hecho.").is_visible()
    assert ModuleCompletion.objects.filter(
        user__email="familia@example.org", module=modules[1]
    ).exists()

    # Module 3 is not translated yet: English content, marked as English, with the note.
    page.goto(modules[3].url)
    assert page.get_by_text(NOTE).is_visible()
    assert page.get_by_role("heading", level=1).inner_text().endswith(modules[3].title)
    assert page.locator(".module-body").get_attribute("lang") == "en"


def test_familia_reads_the_translated_protocols_and_resources_in_spanish(page, demo):
    """The library's snippets: module 1 shows its two translated protocols in Spanish and the
    untranslated one in English; the library and its search show a translated resource in
    Spanish, once, and an untranslated one in English."""
    from programs.localized import in_source_locale
    from programs.models import ModulePage, ResourceIndexPage

    module = in_source_locale(ModulePage.objects.live()).get(number=1)
    library = in_source_locale(ResourceIndexPage.objects.live()).get()
    log_in(page, "familia@example.org", PASSWORD)

    page.goto(module.url)
    spanish = page.locator('section.protocol[lang="es"]')
    assert spanish.count() == 2
    assert page.get_by_role("heading", name="Protocolo: Formar Reglas Básicas").is_visible()
    assert page.get_by_text("Cada persona escribe en privado:").is_visible()
    assert page.get_by_role("heading", name="Protocolo: Forming Ground Rules").count() == 0
    english = page.locator('section.protocol[lang="en"]')
    assert english.count() == 1 and "Compass Points" in english.inner_text()

    page.goto(library.url)
    assert page.get_by_role("heading", name="La Ley McKinney-Vento en breve").is_visible()
    assert page.get_by_text("The McKinney-Vento Act At a Glance").count() == 0
    assert page.get_by_role("heading", name="PSESD Racial Equity Tool").is_visible()

    # Searching with the English words finds it too: once, in Spanish.
    page.get_by_label("Buscar").fill("McKinney-Vento")
    page.get_by_role("button", name="Mostrar los recursos").click()
    page.wait_for_load_state()
    titles = page.locator(".resource-title").all_inner_texts()
    assert "La Ley McKinney-Vento en breve" in titles
    assert "The McKinney-Vento Act At a Glance" not in titles
