"""The journal editor by keyboard alone: one Tab stop for the toolbar, arrow keys inside it, a
link dialog that checks the address, closes on Escape and gives focus back; the editable region
carries the field's help and error text."""

import pytest

from cohorts.factories import MembershipFactory, TeamFactory

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def writer(site):
    team = TeamFactory(slug="team-a", name="Team A")
    return MembershipFactory(team=team, user__email="member@example.org").user


def focused_name(page) -> str:
    return page.evaluate("document.activeElement.textContent || document.activeElement.id")


def test_the_toolbar_is_one_tab_stop_and_arrow_keys_move_inside_it(page, writer, password):
    log_in(page, "member@example.org", password)
    page.goto("/journal/new/")
    toolbar = page.get_by_role("toolbar", name="Formatting")
    buttons = toolbar.get_by_role("button")
    assert buttons.count() == 8
    # Every button is named by the words it shows (label in name).
    assert [buttons.nth(i).inner_text() for i in range(8)] == [
        "Bold", "Italic", "Bulleted list", "Numbered list", "Heading", "Subheading", "Quote", "Link"
    ]  # fmt: skip

    page.get_by_label("Title").focus()
    page.keyboard.press("Tab")
    assert focused_name(page) == "Bold"
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert focused_name(page) == "Bulleted list"
    page.keyboard.press("ArrowLeft")
    assert focused_name(page) == "Italic"
    page.keyboard.press("End")
    assert focused_name(page) == "Link"
    page.keyboard.press("ArrowRight")  # wraps round
    assert focused_name(page) == "Bold"
    page.keyboard.press("End")
    # One Tab leaves the toolbar for the editor, whichever button had focus.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('role')") == "textbox"
    page.keyboard.press("Shift+Tab")
    assert focused_name(page) == "Link"  # the toolbar remembers the last button


def test_the_link_dialog_checks_the_address_and_escape_gives_focus_back(page, writer, password):
    log_in(page, "member@example.org", password)
    page.goto("/journal/new/")
    editor = page.get_by_role("textbox", name="Your reflection")
    editor.click()
    page.keyboard.type("Read the district report")
    page.keyboard.press("Shift+Home")  # select the sentence
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("End")
    assert focused_name(page) == "Link"

    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Add a link")
    address = dialog.get_by_label("Link address")
    assert dialog.is_visible()
    assert page.evaluate("document.activeElement.type") == "url"
    address.fill("javascript:alert(1)")
    page.keyboard.press("Enter")
    assert dialog.is_visible()
    assert address.get_attribute("aria-invalid") == "true"
    error_id = address.get_attribute("aria-describedby").split()[0]
    assert "https://" in page.locator(f"#{error_id}").inner_text()

    page.keyboard.press("Escape")
    assert not dialog.is_visible()
    assert focused_name(page) == "Link"

    page.keyboard.press("Enter")
    assert address.input_value() == "https://"  # a fresh start
    address.fill("https://example.org/report")
    page.keyboard.press("Enter")
    assert not dialog.is_visible()
    assert editor.locator("a").evaluate("a => [a.textContent, a.href]") == [
        "Read the district report",
        "https://example.org/report",
    ], editor.inner_html()
    assert page.evaluate("document.activeElement.getAttribute('role')") == "textbox"


def test_help_and_errors_describe_the_editable_region(page, writer, password):
    log_in(page, "member@example.org", password)
    page.goto("/journal/new/")
    editor = page.get_by_role("textbox", name="Your reflection")
    described = editor.get_attribute("aria-describedby")
    assert "Bold, italic, lists" in page.locator(f"#{described.split()[0]}").inner_text()
    assert editor.get_attribute("aria-invalid") != "true"

    page.get_by_label("Title").fill("Only a title")
    page.locator("button.journal-save").click()
    page.wait_for_load_state()
    editor = page.get_by_role("textbox", name="Your reflection")
    assert editor.get_attribute("aria-invalid") == "true"
    refs = editor.get_attribute("aria-describedby").split()
    texts = [page.locator(f"#{ref}").inner_text() for ref in refs]
    assert any("Your reflection is empty" in text for text in texts), texts


def test_without_javascript_the_textarea_still_works(browser, live_server, writer, password):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    log_in(page, "member@example.org", password)
    page.goto("/journal/new/")
    assert page.get_by_label("Your reflection").evaluate("el => el.tagName") == "TEXTAREA"
    assert page.get_by_role("toolbar").count() == 0
    context.close()
