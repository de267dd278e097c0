"""Checks every page we can render, for every role: what axe would flag and a test can see.

- every id that aria-describedby / aria-labelledby points to exists on the page;
- scrollable regions can be reached by keyboard and have a name;
- the title does not repeat the site's name, and the favicon is linked.
"""

import pytest

from tests.accessibility.html import attr, elements, text, tree
from tests.conftest import MATRIX_ROLES, client_for

BRAND = "Equity Improvement Project"

PAGES = [
    "/",
    "/program/",
    "/teams/",
    "/teams/team-a/",
    "/teams/team-a/norms/",
    "/teams/team-a/norms/check-in/",
    "/teams/team-a/coaching/",
    "/teams/team-a/coaching/new/",
    "/teams/team-a/improvement/",
    "/teams/team-a/improvement/drivers/",
    "/cohorts/demo-cohort/",
    "/cohorts/demo-cohort/invite/",
    "/journal/",
    "/journal/new/",
    "/journal/identity/wheel/",
    "/journal/identity/iceberg/",
    "/journal/facilitator/",
    "/feedback/",
    "/feedback/new/team-a/",
    "/feedback/cohort/demo-cohort/",
    "/notifications/",
    "/notifications/preferences/",
    "/account/profile/",
    "/account/data/",
    "/account/delete/",
    "/search/?q=equity",
    "/accounts/login/",
    "/no-such-page/",
]

# Failed submits: the error states.
FAILED_POSTS = [
    ("member_a", "/feedback/new/team-a/", {}),
    ("member_a", "/journal/identity/wheel/", {"visibility": "nobody-knows"}),
    ("lead_a", "/teams/team-a/improvement/drivers/", {"kind": "idea"}),
    ("facilitator", "/teams/team-a/coaching/new/", {}),
]


@pytest.fixture
def world(roles):
    from improvement.factories import DriverFactory, ImprovementProjectFactory
    from programs.services import home_page_ensure

    home_page_ensure()
    project = ImprovementProjectFactory(team=roles["team_a"])
    DriverFactory(project=project, text="Students feel they belong")
    return roles


def problems_on(response) -> list[str]:
    page = tree(response)
    ids = {attr(element, "id") for element in elements(page) if attr(element, "id")}
    problems = []
    for element in elements(page):
        for key in ("aria-describedby", "aria-labelledby"):
            for ref in (attr(element, key) or "").split():
                if ref not in ids:
                    problems.append(f"{element.name} {key}={ref!r}: no such id")
        if "table-scroll" in (attr(element, "class") or "").split():
            if attr(element, "tabindex") != "0" or attr(element, "role") != "region":
                problems.append("a scrollable region a keyboard cannot reach")
            if not attr(element, "aria-label"):
                problems.append("a scrollable region without a name")
    title = text(next(elements(page, "title"))).strip()
    if title.count(BRAND) != 1:
        problems.append(f"title {title!r}")
    icons = [link for link in elements(page, "link") if attr(link, "rel") == "icon"]
    if not icons:
        problems.append("no favicon")
    return problems


@pytest.mark.parametrize("role", MATRIX_ROLES)
def test_every_page_references_only_ids_it_has(world, role):
    client = client_for(role, world)
    checked = 0
    problems = {}
    for url in PAGES:
        response = client.get(url)
        if response.status_code not in (200, 403, 404) or "html" not in response["Content-Type"]:
            continue
        checked += 1
        if found := problems_on(response):
            problems[url] = found
    assert checked, "no page rendered"
    assert problems == {}


@pytest.mark.parametrize(("role", "url", "data"), FAILED_POSTS)
def test_every_error_state_references_only_ids_it_has(world, role, url, data):
    response = client_for(role, world).post(url, data)
    assert response.status_code in (200, 400)
    assert "error-summary" in response.content.decode()
    assert problems_on(response) == []
