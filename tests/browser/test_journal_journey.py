"""Journal journeys in Chromium: hostile HTML never runs; autosave keeps text, spots conflicts."""

import contextlib
import re

import pytest

from cohorts.factories import MembershipFactory, TeamFactory
from journals.factories import JournalEntryFactory
from journals.models import JournalEntry

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MARK = "window.__xss=1"
XSS_PAYLOADS = [
    f"<script>{MARK}</script>",
    f"<SCRIPT>{MARK};alert(1)</SCRIPT>",
    f'<img src=x onerror="{MARK}">',
    f"<img src=x onerror={MARK}//>",
    f'<svg onload="{MARK}"></svg>',
    f"<svg><script>{MARK}</script></svg>",
    f'<svg><animate onbegin="{MARK}" attributeName=x dur=1s>',
    "<math><mtext><table><mglyph><style>"
    f'<img src=x onerror="{MARK}"></style></mglyph></table></mtext></math>',
    f'<math><maction actiontype=statusline xlink:href="javascript:{MARK}">x</maction></math>',
    f'<body onload="{MARK}">',
    '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
    f'<iframe src="javascript:{MARK}"></iframe>',
    f'<a href="javascript:{MARK}">js link</a>',
    f'<a href="JaVaScRiPt:{MARK}">mixed case</a>',
    f'<a href="&#106;avascript:{MARK}">entity j</a>',
    f'<a href="&#x6A;&#x61;&#x76;&#x61;script:{MARK}">hex entities</a>',
    f'<a href="java&#x09;script:{MARK}">tab</a>',
    f'<a href="  javascript:{MARK}">spaces</a>',
    f'<a href="data:text/html,<script>{MARK}</script>">data</a>',
    f'<a href="vbscript:{MARK}">vb</a>',
    f'<p onclick="{MARK}" onmouseover="{MARK}">hover</p>',
    f'<div onfocus="{MARK}" tabindex=1 autofocus>focus</div>',
    f'<input autofocus onfocus="{MARK}">',
    f'<details open ontoggle="{MARK}">t</details>',
    f'<video><source onerror="{MARK}"></video>',
    f'<audio src=x onerror="{MARK}"></audio>',
    f'<object data="javascript:{MARK}"></object>',
    f'<embed src="javascript:{MARK}">',
    f'<form action="javascript:{MARK}"><button>go</button></form>',
    f"<style>@import 'javascript:{MARK}';</style>",
    f'<noscript><p title="</noscript><img src=x onerror={MARK}>"></noscript>',
    f'<template><img src=x onerror="{MARK}"></template>',
    f'<!--<img src=x onerror="{MARK}">-->',
    f'<meta http-equiv="refresh" content="0;url=javascript:{MARK}">',
    f'<base href="javascript:{MARK}//">',
    f'<marquee onstart="{MARK}">m</marquee>',
    f'<blockquote cite="javascript:{MARK}" onmouseenter="{MARK}">q</blockquote>',
    f'<a href="https://example.org" onclick="{MARK}">ok link with handler</a>',
]

DOM_CHECK = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (attr.name.toLowerCase().startsWith('on')) bad.push(el.tagName + ' ' + attr.name);
    }
    const href = (el.getAttribute('href') || '') + (el.getAttribute('src') || '');
    if (/^\\s*(javascript|data|vbscript):/i.test(href)) bad.push(el.tagName + ' ' + href);
  }
  return bad;
}"""


@pytest.fixture
def member(site):
    team = TeamFactory(slug="team-a", name="Team A")
    return MembershipFactory(team=team, user__email="member@example.org").user


def _watch(page):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    return dialogs


def test_hostile_html_never_runs(browser, live_server, page, member, password):
    assert len(XSS_PAYLOADS) >= 30
    # Submit through the plain form (no JS: the textarea itself) as a browser would.
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    writer = context.new_page()
    log_in(writer, "member@example.org", password)
    writer.goto("/journal/new/")
    writer.get_by_label("Title").fill("Payloads")
    writer.locator("textarea[name=body]").fill("<p>Before</p>" + "\n".join(XSS_PAYLOADS))
    writer.get_by_label("My team and our facilitators").check()
    writer.get_by_role("button", name="Save").click()
    writer.wait_for_load_state()
    context.close()
    entry = JournalEntry.objects.get(title="Payloads")
    assert "onerror" not in entry.body and "javascript:" not in entry.body.lower()

    dialogs = _watch(page)
    log_in(page, "member@example.org", password)
    for url in (entry.get_absolute_url(), f"/journal/{entry.pk}/edit/", "/journal/export/"):
        if url.endswith("export/"):
            continue  # a download, not a page
        page.goto(url)
        page.wait_for_load_state("networkidle")
        page.mouse.move(200, 300)
        page.locator("main").click(position={"x": 5, "y": 5})
        assert page.evaluate("typeof window.__xss") == "undefined", url
        assert page.evaluate(DOM_CHECK) == [], url
    assert dialogs == []
    assert page.evaluate("typeof window.htmx") == "object"  # scripts of our own did run


def _autosaved(page, text):
    """Wait for the autosave request that carries `text` (sent 3 s after typing stops)."""
    return page.expect_response(
        lambda r: r.url.endswith("/journal/autosave/") and text in (r.request.post_data or ""),
        timeout=10_000,
    )


def test_autosave_keeps_text_across_a_reload(page, member, password):
    log_in(page, "member@example.org", password)
    page.goto("/journal/new/")
    page.get_by_label("Title").fill("Thinking out loud")
    editor = page.locator(".rte-editor")
    editor.click()
    with _autosaved(page, "stopped"):
        page.keyboard.type("Nobody had asked her why she stopped.")
    page.get_by_text(re.compile("Draft saved")).wait_for(timeout=10_000)
    assert re.search(r"/journal/\d+/edit/$", page.url)
    page.reload()
    assert "Nobody had asked her why she stopped." in page.locator(".rte-editor").inner_text()
    entry = JournalEntry.objects.get(author=member)
    assert entry.is_draft and entry.visibility == "private"


def _open_in_two_tabs(page, member, password, title):
    """An entry of `member`, open for editing in `page` and in a second tab (returned)."""
    entry = JournalEntryFactory(
        author=member, team=member.memberships.get().team, title=title, body="<p>Start</p>"
    )
    log_in(page, "member@example.org", password)
    other = page.context.new_page()
    other.set_default_timeout(10_000)
    page.goto(f"/journal/{entry.pk}/edit/")
    other.goto(f"/journal/{entry.pk}/edit/")
    return entry, other


def test_two_tabs_editing_the_same_entry_see_a_conflict(page, member, password):
    entry, other = _open_in_two_tabs(page, member, password, "Shared draft")

    page.locator(".rte-editor").click()
    page.keyboard.press("End")
    with _autosaved(page, "firsttab"):
        page.keyboard.type(" firsttab")
    page.get_by_text(re.compile("Draft saved")).wait_for(timeout=10_000)

    other.locator(".rte-editor").click()
    other.keyboard.press("End")
    other.keyboard.type(" secondtab")
    notice = other.locator(".journal-conflict")
    notice.wait_for(timeout=10_000)
    assert "firsttab" in notice.locator(".conflict-saved").inner_text()
    assert "secondtab" in notice.locator(".conflict-mine").inner_text()
    entry.refresh_from_db()
    assert "firsttab" in entry.body and "secondtab" not in entry.body

    other.get_by_role("button", name="Keep my text").click()
    other.get_by_text(re.compile("Draft saved")).wait_for(timeout=10_000)
    entry.refresh_from_db()
    assert "secondtab" in entry.body


# --- Saving right after leaving the editor (issue 15, item 1) -------------------------------

DETAIL = re.compile(r"/journal/\d+/$")


class SlowAutosave:
    """A route delay on the autosave endpoint: while `holding`, an autosave reaches the server
    (which saves it) but its answer (the new version) reaches the page late. The person types,
    leaves the field, and clicks Save while that answer is still on its way."""

    def __init__(self, page):
        self.page, self.holding, self.pending = page, False, []
        page.route("**/journal/autosave/", self.on_autosave)

    def on_autosave(self, route):
        response = route.fetch()
        if self.holding:
            self.pending.append((route, response))
        else:
            route.fulfill(response=response)

    def leave_the_field_and_save(self, button):
        self.holding = True
        self.page.keyboard.press("Tab")  # leaving the editor autosaves
        while not self.pending:  # the server has the autosave; the page does not know yet
            self.page.wait_for_timeout(20)
        with self.page.expect_navigation():
            button.click()
        self.holding = False
        for route, response in self.pending:
            with contextlib.suppress(Exception):  # the page has moved on: nothing to answer
                route.fulfill(response=response)
        self.pending.clear()


def test_type_leave_the_field_and_save_at_once_never_conflicts_on_new(page, member, password):
    log_in(page, "member@example.org", password)
    slow = SlowAutosave(page)
    for attempt in range(20):
        page.goto("/journal/new/")
        page.get_by_label("Title").fill(f"Entry-{attempt}")
        with _autosaved(page, f"Entry-{attempt}"):
            page.locator(".rte-editor").click()  # leaving the title autosaves the draft
        page.keyboard.type(f"Thought number {attempt}.")
        slow.leave_the_field_and_save(page.get_by_role("button", name="Save"))
        assert page.locator(".journal-conflict").count() == 0, attempt
        assert DETAIL.search(page.url), attempt
        assert JournalEntry.objects.filter(author=member).count() == attempt + 1, attempt
        entry = JournalEntry.objects.get(pk=int(page.url.rstrip("/").split("/")[-1]))
        assert f"Thought number {attempt}." in entry.body and not entry.is_draft


def test_type_leave_the_field_and_save_at_once_never_conflicts_on_edit(page, member, password):
    entry = JournalEntryFactory(
        author=member, team=member.memberships.get().team, title="Ongoing", body="<p>Start</p>"
    )
    log_in(page, "member@example.org", password)
    slow = SlowAutosave(page)
    for attempt in range(20):
        page.goto(f"/journal/{entry.pk}/edit/")
        page.locator(".rte-editor").click()
        page.keyboard.press("End")
        page.keyboard.type(f" more{attempt}")
        slow.leave_the_field_and_save(page.get_by_role("button", name="Save"))
        assert page.locator(".journal-conflict").count() == 0, attempt
        assert DETAIL.search(page.url), attempt
        entry.refresh_from_db()
        assert f"more{attempt}" in entry.body, attempt
    assert JournalEntry.objects.count() == 1


def test_a_save_after_another_tab_saved_is_a_conflict(page, member, password):
    entry, other = _open_in_two_tabs(page, member, password, "Shared")

    page.locator(".rte-editor").click()
    page.keyboard.press("End")
    page.keyboard.type(" firsttab")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(DETAIL)

    other.locator(".rte-editor").click()
    other.keyboard.press("End")
    other.keyboard.type(" secondtab")
    other.get_by_role("button", name="Save").click()
    notice = other.locator(".journal-conflict")
    notice.wait_for()
    assert "firsttab" in notice.locator(".conflict-saved").inner_text()
    assert "secondtab" in notice.locator(".conflict-mine").inner_text()
    entry.refresh_from_db()
    assert "firsttab" in entry.body and "secondtab" not in entry.body

    other.get_by_role("button", name="Save").click()  # "Save again to keep your text"
    other.wait_for_url(DETAIL)
    entry.refresh_from_db()
    assert "secondtab" in entry.body


# --- Private by default; the Save button says what sharing does (issue 15, item 2) ---------


def test_private_by_default_and_the_save_button_restates_sharing(page, member, password):
    import datetime

    from programs.factories import ModulePageFactory, ProgramPageFactory
    from programs.services import home_page_ensure

    module = ModulePageFactory(
        parent=ProgramPageFactory(parent=home_page_ensure(), slug="eip"),
        slug="norms",
        number=2,
        month=datetime.date(2026, 10, 1),
        body=[
            (
                "reflection_prompt",
                {"prompt": "What do we owe each other?", "kind": "team", "default_privacy": "team"},
            )
        ],
    )
    prompt_id = module.body[0].id
    log_in(page, "member@example.org", password)
    page.goto(f"/journal/new/?prompt={prompt_id}")
    assert page.get_by_label("Only me").is_checked()
    save = page.locator("button.journal-save")
    assert save.inner_text() == "Save"
    page.get_by_label("My team and our facilitators").check()
    assert save.inner_text() == "Save and share with my team"
    page.get_by_label("Me and our facilitators").check()
    assert save.inner_text() == "Save, shared with our facilitators"
    page.get_by_label("Title").fill("Owed")
    page.locator(".rte-editor").click()
    page.keyboard.type("Honesty, mostly.")
    save.click()
    page.wait_for_url(DETAIL)
    assert JournalEntry.objects.get(title="Owed").visibility == "facilitator"
