"""A Spanish-speaking family member uses the site in Spanish; anyone switches from the header.

The dictionary check: the visible text of each page must contain none of the catalog's English
interface phrases, and the interface's own elements (labels, buttons, headings, navigation)
no common English word, once people's, teams' and modules' names are set aside.
"""

import re
from pathlib import Path

import polib
import pytest

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "seed-pass-123"
ENGLISH_WORDS = {
    "the", "and", "your", "you", "with", "for", "this", "that", "save", "send", "what", "how",
    "who", "when", "where", "of", "to", "is", "are", "was", "my", "our", "new", "edit", "delete",
    "add", "back", "next", "more", "log", "out", "in", "team", "teams", "journal", "feedback",
    "norms", "members", "module", "session", "write", "share", "shared", "private", "search",
    "profile", "notifications", "reflection", "today", "yes", "none", "open", "done", "mark",
}  # fmt: skip
# Not English interface text: language names, codes and product names both languages use.
ALLOWED = {"English", "PDSA", "CSV", "Excel", "XLSX", "OK", "ELA", "IHI", "CDS", "PDF", "M1"}
# The curriculum's and the team's own writing: content, not interface.
CONTENT = ".module-body, .lead, .journal-body, .user-content"
WITHOUT_CONTENT = """([content, chrome]) => {
    const body = document.body.cloneNode(true);
    body.querySelectorAll(content).forEach(element => element.remove());
    const squash = text => text.replace(/\\s+/g, " ");
    const chromeTexts = [...body.querySelectorAll(chrome)].map(e => squash(e.textContent));
    return [squash(body.textContent), chromeTexts];
}"""
INTERFACE = "nav, header, footer, h1, h2, h3, label, legend, button, th, summary, .help, .muted"


def english_phrases():
    po = polib.pofile(str(Path(settings.BASE_DIR) / "locale/es/LC_MESSAGES/django.po"))
    phrases = set()
    for entry in po:
        for piece in re.split(r"%\(\w+\)s|<[^>]+>|\{\{.*?\}\}", entry.msgid):
            piece = piece.strip(" .,:;()·—–“”")
            # Whole phrases of three words or more that the translation does not keep.
            if len(piece.split()) >= 3 and piece not in (
                entry.msgstr or entry.msgstr_plural.get(0, "")
            ):
                phrases.add(piece)
    return phrases


def names_to_ignore():
    from wagtail.models import Page

    from accounts.models import User
    from cohorts.models import Cohort, CohortSession, Team

    names = set()
    for user in User.objects.all():
        names |= {user.name, user.first_name, user.last_name}
    names |= set(Team.objects.values_list("name", flat=True))
    names |= set(Team.objects.values_list("organization__name", flat=True))
    names |= set(Cohort.objects.values_list("name", flat=True))
    names |= set(CohortSession.objects.values_list("title", flat=True))
    names |= set(Page.objects.values_list("title", flat=True))
    # The teams' own words (norms, conditions, groups, statements, feedback, journals,
    # committees) and the curriculum's taxonomy: content written by people, in their language.
    from django.apps import apps
    from django.db import models

    for app in ("norms", "journals", "feedback", "coaching", "improvement", "programs",
                "committees", "assessments", "partnerships"):  # fmt: skip
        for model in apps.get_app_config(app).get_models():
            for field in model._meta.concrete_fields:
                if isinstance(field, models.CharField | models.TextField) and not field.choices:
                    names |= set(model.objects.values_list(field.name, flat=True))
    names = {" ".join(str(n).split()) for n in names if n}
    return sorted((n for n in names if len(n) >= 4), key=len, reverse=True)


def assert_spanish(page, phrases, names):
    body, interface_texts = page.evaluate(WITHOUT_CONTENT, [CONTENT, INTERFACE])
    for name in names:
        body = body.replace(name, " ")
    found = sorted(p for p in phrases if p in body)
    assert found == [], f"{page.url}: English interface text {found[:10]}"
    for text in interface_texts:
        text = re.sub(r"“[^”]*”|\"[^\"]*\"", " ", text)  # quoted content is the team's own words
        for name in names:
            text = text.replace(name, " ")
        words = {w for w in re.findall(r"[A-Za-z]+", text) if w not in ALLOWED}
        english = {w for w in words if w.lower() in ENGLISH_WORDS}
        assert english == set(), f"{page.url}: English words {english} in “{text.strip()[:80]}”"


@pytest.fixture
def demo(site):
    call_command("seed_demo", "--password", PASSWORD, verbosity=0)


def test_familia_walks_the_site_in_spanish(page, demo):
    from cohorts.demo import TEAM_A_SLUG
    from cohorts.models import CohortSession, Team
    from programs.models import ModulePage

    phrases, names = english_phrases(), names_to_ignore()
    team = Team.objects.get(slug=TEAM_A_SLUG)
    page.set_extra_http_headers({"Accept-Language": "en-US,en;q=0.9"})  # the profile decides
    log_in(page, "familia@example.org", PASSWORD)
    assert page.locator("html").get_attribute("lang") == "es"

    page.goto(f"/teams/{team.slug}/")
    assert page.get_by_role("heading", level=1).count() == 1
    assert_spanish(page, phrases, names)

    module = ModulePage.objects.live().order_by("path").first()
    page.goto(module.url)
    assert_spanish(page, phrases, names)

    page.goto("/journal/new/")
    assert_spanish(page, phrases, names)
    page.locator("input[name=title]").fill("Lo que noté hoy")
    # The editor's toolbar speaks Spanish through the JavaScript catalog.
    assert page.get_by_role("toolbar", name="Formato").is_visible()
    assert page.get_by_role("button", name="Negrita").is_visible()
    page.locator(".rte-editor").click()
    page.keyboard.type("Las familias necesitan información en español.")
    page.get_by_role("button", name="Guardar", exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_text("Se guardó en su diario.").is_visible()
    assert_spanish(page, phrases, names)

    page.goto(f"/teams/{team.slug}/norms/check-in/")
    assert_spanish(page, phrases, names)
    # Prefilled with today, in ISO (a Spanish date format would leave the date input empty).
    assert (
        page.get_by_label("Fecha de la reunión").input_value() == timezone.localdate().isoformat()
    )
    for group in page.locator("fieldset").all():
        radios = group.get_by_role("radio")
        if radios.count() == 4:
            radios.first.check()
    page.get_by_role("button", name="Guardar mi seguimiento").click()
    page.wait_for_load_state()
    assert page.get_by_text("Gracias: se registró su seguimiento.").is_visible(), page.inner_text(
        "main"
    )[:600]
    assert_spanish(page, phrases, names)

    page.goto("/feedback/")
    assert_spanish(page, phrases, names)
    session = (
        CohortSession.objects.filter(cohort=team.cohort, starts_at__lt=timezone.now())
        .order_by("-starts_at")
        .first()
    )
    page.goto(f"/feedback/sessions/{session.pk}/")
    assert_spanish(page, phrases, names)
    page.get_by_label("5", exact=True).check()
    page.get_by_role("button", name="Enviar", exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_text("Gracias. Su respuesta se guardó sin su nombre.").is_visible()
    assert_spanish(page, phrases, names)


def test_switching_language_from_the_header(page, site, password):
    from accounts.factories import UserFactory
    from accounts.models import User

    page.goto("/accounts/login/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("button", name="Español").click()
    page.wait_for_load_state()
    assert page.url.endswith("/accounts/login/")  # same URL, now in Spanish
    assert page.get_by_role("button", name="Iniciar sesión").is_visible()

    UserFactory(email="member@example.org", password=password)
    page.get_by_label("Correo electrónico").fill("member@example.org")
    page.get_by_label("Contraseña").fill(password)
    page.get_by_role("button", name="Iniciar sesión").click()
    page.wait_for_load_state()
    # The profile still says English: once logged in, the profile decides...
    assert page.locator("html").get_attribute("lang") == "en"
    # ...until the person switches, which saves the choice on the profile.
    page.get_by_role("button", name="Español").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.get_by_role("link", name="Mis equipos").is_visible()
    assert User.objects.get(email="member@example.org").preferred_language == "es"
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.get_by_role("link", name="My teams").is_visible()
