"""axe-core (WCAG 2.0/2.1/2.2 A and AA rules) over every page of every role, at 1280 and 320 px.

One seeded demo, one browser, one context per role: every page in axe/pages.py, the error
state after a failed submit of each main form, and the 403/404/500 pages. Each state is checked
at both widths; at 320 px the page must not scroll sideways either (WCAG 1.4.10).
test_axe_completeness.py keeps the page list in step with the URL patterns.
"""

import pytest

from django.core.management import call_command

from .axe.demo import ACCOUNTS, PASSWORD, demo_values, fill
from .axe.pages import ERROR_PAGES, ERROR_STATES, PAGES
from .axe.runner import AXE_SOURCE, check_both_widths, with_axe
from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The 500 page, from a view that fails, mounted for this test only.
FAILING_URLCONF = "tests.browser.axe.failing_urls"

SUBMIT_EMPTY = """() => {
    // The form with the most fields in <main>; browsers' own required checks are skipped so
    // the server's error state (summary, messages) is what gets checked.
    const forms = [...document.querySelectorAll("main form[method=post]")];
    const form = forms.sort((a, b) => b.elements.length - a.elements.length)[0];
    form.noValidate = true;
    const button = form.querySelector(
        "button[type=submit], button:not([type]), input[type=submit]");
    form.requestSubmit(button);
}"""

TAMPER = """(inputs, value) => inputs.forEach((input) => {
    input.value = value;
    if (input.type === "radio" || input.type === "checkbox") { input.checked = true; }
})"""


def role_page(browser, live_server, role):
    context = with_axe(browser.new_context(base_url=live_server.url))
    page = context.new_page()
    page.set_default_timeout(15_000)
    if ACCOUNTS[role]:
        log_in(page, ACCOUNTS[role], PASSWORD)
    return page


@pytest.fixture
def demo(site, settings):
    settings.ROOT_URLCONF = FAILING_URLCONF
    call_command("seed_demo", password=PASSWORD, verbosity=0)
    return demo_values()


def test_every_page_state_has_no_wcag_violations_at_either_width(browser, live_server, demo):
    problems, states = [], 0
    pages = {role: role_page(browser, live_server, role) for role in ACCOUNTS}

    for role, paths in PAGES.items():
        page = pages[role]
        for path in paths:
            url = fill(path, demo)
            page.goto(url)
            problems += check_both_widths(page, f"{role} {url}")
            states += 2

    for role, path, fields in ERROR_STATES:
        page = pages[role]
        url = fill(path, demo)
        page.goto(url)
        for label, value in fields.items():
            if label.startswith("css:"):
                page.locator(label[4:]).evaluate_all(TAMPER, value)
            else:
                page.get_by_label(label).first.fill(value)
        try:
            with page.expect_navigation():
                page.evaluate(SUBMIT_EMPTY)
        except Exception as error:  # noqa: BLE001  (report every state, not just the first)
            problems.append(f"{role} {url}: could not submit: {error}")
            continue
        if not page.locator(".error-summary, .errorlist").count():
            problems.append(f"{role} {url}: the failed submit showed no error")
        problems += check_both_widths(page, f"{role} {url} (failed submit)")
        states += 2

    for role, path, status in ERROR_PAGES:
        url = fill(path, demo)
        response = pages[role].goto(url)
        if response.status != status:
            problems.append(f"{role} {url}: answered {response.status}, not {status}")
        problems += check_both_widths(pages[role], f"{role} {url} ({status})")
        states += 2

    for page in pages.values():
        page.context.close()
    print(f"axe checked {states} page states")

    assert problems == [], "\n".join(problems)


def test_the_axe_check_finds_a_violation_when_there_is_one(browser):
    """Guards the guard: an image without a text alternative is reported at both widths."""
    page = browser.new_page()
    page.set_content('<html lang="en"><title>t</title><main><img src="x.png"></main></html>')
    page.evaluate(AXE_SOURCE)
    problems = check_both_widths(page, "sample")
    page.close()
    assert [problem.split(":")[0] for problem in problems] == [
        "sample @1280px image-alt",
        "sample @320px image-alt",
    ]
