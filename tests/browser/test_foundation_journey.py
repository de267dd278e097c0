import pytest

from accounts.factories import UserFactory

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_member_opens_home_logs_in_and_sees_their_name(page, site, password):
    UserFactory(email="member@example.org", display_name="Mai Nguyen")
    page.goto("/")
    assert page.get_by_role("heading", level=1).inner_text() == "Equity Improvement Project"
    page.get_by_role("link", name="Log in").first.click()
    log_in(page, "member@example.org", password)
    assert page.locator(".user-name").inner_text() == "Mai Nguyen"
    # Keyboard users reach the skip link first.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"


def test_no_console_csp_violations_on_the_home_page(page, site):
    violations = []
    page.on(
        "console",
        lambda msg: violations.append(msg.text) if "Content Security" in msg.text else None,
    )
    page.goto("/")
    page.wait_for_load_state("networkidle")
    assert violations == []
    assert page.evaluate("typeof window.htmx") == "object", (
        "htmx loads from this host under the CSP"
    )
