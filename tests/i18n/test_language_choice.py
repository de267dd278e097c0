"""Which language a person sees, the header's switch, locale formats and the script catalog."""

import datetime
import re

import pytest

from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format, number_format

from accounts.models import User
from tests.conftest import MATRIX_ROLES, client_for

pytestmark = pytest.mark.django_db

SWITCH = re.compile(r'<form method="post" action="/i18n/setlang/"[^>]*class="language-switch')


def html_lang(response):
    return re.search(r'<html lang="(\w+)"', response.content.decode()).group(1)


@pytest.mark.parametrize(
    ("accept", "expected"),
    [("es", "es"), ("es-MX,es;q=0.9,en;q=0.5", "es"), ("en", "en"), ("", "en"), ("fr", "en")],
)
def test_anonymous_visitors_get_their_browsers_language(client, accept, expected):
    response = client.get(reverse("account_login"), HTTP_ACCEPT_LANGUAGE=accept)
    assert html_lang(response) == expected
    assert ("Iniciar sesión" in response.content.decode()) == (expected == "es")


@pytest.mark.parametrize(("profile", "accept"), [("es", "en"), ("en", "es")])
def test_the_profile_language_wins_over_the_browser_when_logged_in(roles, profile, accept):
    member = roles["member_a"]
    member.choose_language(profile)
    client = client_for("member_a", roles)
    response = client.get(reverse("cohorts:my_teams"), HTTP_ACCEPT_LANGUAGE=accept)
    assert html_lang(response) == profile
    assert ("Mis equipos" in response.content.decode()) == (profile == "es")


def test_the_profile_offers_english_and_spanish(roles):
    response = client_for("member_a", roles).get(reverse("profile"))
    content = response.content.decode()
    assert '<option value="en"' in content and '<option value="es"' in content
    assert "Español" in content


@pytest.mark.parametrize(
    "url_name",
    ["account_login", "account_signup", "account_reset_password", "cohorts:my_teams", "profile"],
)
def test_every_page_has_the_language_switch(roles, url_name):
    for role in ("anonymous", "member_a"):
        response = client_for(role, roles).get(reverse(url_name))
        if response.status_code == 302:  # anonymous sent to login, or a logged-in person away
            response = client_for(role, roles).get(response.url)
        assert SWITCH.search(response.content.decode()), (role, url_name)


def test_not_found_page_has_the_switch(client):
    response = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 404
    assert SWITCH.search(response.content.decode())
    assert "No pudimos encontrar esa página" in response.content.decode()


def test_switch_sets_the_language_for_an_anonymous_visitor(client):
    response = client.post(reverse("set_language"), {"language": "es", "next": "/accounts/login/"})
    assert response.status_code == 302 and response.url == "/accounts/login/"
    page = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en")
    assert html_lang(page) == "es"


def test_switch_saves_the_choice_on_the_profile(roles):
    client = client_for("member_a", roles)
    response = client.post(reverse("set_language"), {"language": "es", "next": "/account/profile/"})
    assert response.status_code == 302
    assert User.objects.get(pk=roles["member_a"].pk).preferred_language == "es"
    # From another browser (no cookie) the profile still decides.
    other = client_for("member_a", roles)
    assert html_lang(other.get(reverse("profile"), HTTP_ACCEPT_LANGUAGE="en")) == "es"


def test_switch_ignores_an_unknown_language_and_a_foreign_next(roles):
    client = client_for("member_a", roles)
    response = client.post(
        reverse("set_language"), {"language": "xx", "next": "https://evil.example/"}
    )
    assert response.status_code == 302 and "evil" not in response.url
    assert User.objects.get(pk=roles["member_a"].pk).preferred_language == "en"


@pytest.mark.parametrize("role", MATRIX_ROLES)
def test_language_urls_answer_everyone(roles, role):
    client = client_for(role, roles)
    assert client.get(reverse("javascript-catalog")).status_code == 200
    assert client.get(reverse("set_language")).status_code == 405  # a POST form only
    response = client.post(reverse("set_language"), {"language": "es", "next": "/"})
    assert response.status_code == 302


def test_dates_and_numbers_follow_the_active_language():
    day = datetime.date(2026, 11, 30)
    moment = datetime.datetime(2026, 11, 30, 15, 30)
    with translation.override("es"):
        assert date_format(day, "SHORT_DATE_FORMAT") == "30 nov 2026"
        assert date_format(day, "DATE_FORMAT") == "30 de noviembre de 2026"
        assert date_format(day, "YEAR_MONTH_FORMAT") == "noviembre de 2026"
        assert date_format(moment, "DATETIME_FORMAT") == "lunes 30 de noviembre de 2026, 15:30"
        assert number_format(1234.5, 1, force_grouping=True) == "1,234.5"
    with translation.override("en"):
        assert date_format(day, "SHORT_DATE_FORMAT") == "Nov 30, 2026"
        assert date_format(moment, "DATETIME_FORMAT") == "Monday, November 30, 2026, 3:30 PM"


def test_no_template_hard_codes_a_date_pattern():
    from pathlib import Path

    from django.conf import settings

    offenders = []
    for path in (Path(settings.BASE_DIR) / "templates").rglob("*.html"):
        for match in re.finditer(r'\|date:"([^"]+)"', path.read_text()):
            if not match.group(1).endswith("FORMAT"):
                offenders.append(f"{path.name}: {match.group(1)}")
    assert offenders == []


def test_javascript_catalog_translates_the_journal_editor(client):
    response = client.get(reverse("javascript-catalog"), HTTP_ACCEPT_LANGUAGE="es")
    content = response.content.decode()
    assert '"Negrita"' in content and '"Lista numerada"' in content


def test_journal_editor_loads_the_catalog_with_a_nonce(roles):
    response = client_for("member_a", roles).get(reverse("journals:new"))
    content = response.content.decode()
    tag = re.search(r'<script src="/jsi18n/"[^>]*>', content)
    assert tag and 'nonce="' in tag.group(0)
    assert content.index("/jsi18n/") < content.index("js/journal.js")


def test_date_fields_keep_iso_values_in_spanish(roles):
    """<input type="date"> only takes ISO dates: a Spanish page must not prefill 30/11/2026."""
    from norms.forms import CheckInForm

    with translation.override("es"):
        html = str(CheckInForm(norms=[])["met_on"])
    assert re.search(r'value="\d{4}-\d{2}-\d{2}"', html), html
