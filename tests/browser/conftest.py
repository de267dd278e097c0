"""Browser journeys: pytest-django's live_server driven by Debian's Chromium through Playwright."""

import os
import shutil

import pytest

from django.core.servers.basehttp import ThreadedWSGIServer, WSGIServer
from django.test.testcases import LiveServerThread

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    if os.path.exists(CHROMIUM) or shutil.which("chromium"):
        return
    if os.environ.get("CI"):
        return  # CI installs Chromium; a missing browser there must fail, not skip.
    skip = pytest.mark.skip(reason=f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


class OneRequestAtATimeServer(WSGIServer):
    """The live server, answering one request at a time.

    The threaded default shares the test database connection between request threads; two
    tabs saving at the same moment (the journal conflict journey) could then hit one SQLite
    connection from two threads. Django closes each response's connection on a non-threaded
    server, so browsers never wait on a kept-alive socket.
    """

    def __init__(self, *args, connections_override=None, **kwargs):
        # Requests run in the live-server thread, which already uses the shared connections.
        super().__init__(*args, **kwargs)


@pytest.fixture(scope="session", autouse=True)
def _one_request_at_a_time():
    LiveServerThread.server_class = OneRequestAtATimeServer
    yield
    LiveServerThread.server_class = ThreadedWSGIServer


@pytest.fixture(autouse=True)
def _links_in_email_lead_to_the_live_server(settings, live_server):
    """Emails build links from SITE_BASE_URL; here that is the live server people click on."""
    settings.SITE_BASE_URL = live_server.url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make to
    # set up data are still synchronous and safe here. Scoped to browser tests only.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            yield browser
            browser.close()
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def site(transactional_db):
    """Live-server tests flush the database between tests; put the Wagtail site back."""
    from programs.services import home_page_ensure

    return home_page_ensure()


def log_in(page, email, password):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_load_state()


def fill_plan(page):
    """A complete PDSA plan: objective, a prediction, and the test's who, what, where, when."""
    page.get_by_label("Objective").fill("Learn whether greeting by name helps")
    page.get_by_label("Questions and predictions").fill("Will they come earlier? | Half will")
    page.get_by_label("Who runs the test").fill("Counselor")
    page.get_by_label("What they will do").fill("Greet ten students by name")
    page.get_by_label("Where", exact=True).fill("Front gate")
    page.get_by_label("When", exact=True).fill("7:45, every school day")


def monthly_points_csv(values, *, first_year: int) -> bytes:
    """A points file: one "ALL" row a month from September of `first_year`, out of 100."""
    lines = ["date,group,numerator,denominator"]
    for i, value in enumerate(values):
        year, month = first_year + (8 + i) // 12, (8 + i) % 12 + 1
        lines.append(f"{year}-{month:02d}-01,ALL,{value},100")
    return ("\n".join(lines) + "\n").encode()
