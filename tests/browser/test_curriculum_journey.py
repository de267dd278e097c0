"""A facilitator publishes a module in the Wagtail admin; a member reads its reflection prompt."""

import datetime

import pytest

from accounts.factories import UserFactory
from programs.factories import ProgramPageFactory
from programs.models import ModulePage
from programs.permissions import facilitator_permissions_apply

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PROMPT = "Which definition of equity did you push back on today?"


def test_facilitator_publishes_module_and_member_sees_prompt(page, site, password):
    program = ProgramPageFactory(parent=site, title="Equity Improvement Project 2026-27")
    facilitator = UserFactory(email="facilitator@example.org", display_name="Fatima Okafor")
    facilitator.groups.add(facilitator_permissions_apply())
    UserFactory(email="member@example.org", display_name="Mai Nguyen")

    log_in(page, "facilitator@example.org", password)
    page.goto(f"/admin/pages/add/programs/modulepage/{program.pk}/")
    page.locator("#id_title").fill("Launch: Why Equity, Why Us")
    page.locator("#id_number").fill("1")
    page.locator("#id_month").fill("2026-09-01")
    page.keyboard.press("Escape")  # close the date picker

    page.locator("#panel-child-content-body-content button[title='Insert a block']").first.click()
    page.get_by_role("option", name="Reflection prompt").click()
    page.locator("textarea[name='body-0-value-prompt']").fill(PROMPT)

    page.locator("footer .dropdown-toggle, [data-w-dropdown-target='toggle']").last.click()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_url("**/admin/pages/*/", wait_until="domcontentloaded")

    module = ModulePage.objects.get(slug="launch-why-equity-why-us")
    assert module.live
    assert module.month == datetime.date(2026, 9, 1)

    member = page.context.browser.new_context(base_url=page.url.split("/admin/")[0]).new_page()
    log_in(member, "member@example.org", password)
    member.goto(module.url)
    assert (
        member.get_by_role("heading", level=1).inner_text().endswith("Launch: Why Equity, Why Us")
    )
    prompt = member.locator(".reflection-prompt")
    assert PROMPT in prompt.inner_text()
    link = prompt.get_by_role("link", name="Write a reflection")
    block_id = next(b.id for b in module.body if b.block_type == "reflection_prompt")
    assert link.get_attribute("href") == f"/journal/new/?prompt={block_id}"
    member.context.close()
