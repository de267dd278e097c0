"""`make bench`: page timings, query counts and sizes against the seeded demo.

A benchmark, not a test: it prints figures and writes bench/results.json; it asserts nothing.
Timings live here (never in the test suite, where a busy machine makes them flaky).
Every page is also given as a ratio to a trivial Wagtail page served in the same run.

    make bench                      # SQLite file in a temporary folder
    DATABASE_URL=postgres://... make bench
"""

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cohort_site.settings.test")
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from wagtail.models import Page, Site  # noqa: E402

from accounts.factories import DEMO_PASSWORD  # noqa: E402

REPEATS = int(os.environ.get("BENCH_REPEATS", "20"))


def trivial_page_url():
    root = Site.objects.get(is_default_site=True).root_page
    page = Page.objects.filter(slug="bench-trivial").first()
    if page is None:
        page = root.add_child(instance=Page(title="Trivial", slug="bench-trivial"))
    return page.url


def measure(client, url):
    client.get(url)  # warm templates and caches
    timings = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        response = client.get(url)
        timings.append(time.perf_counter() - started)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    timings.sort()
    return {
        "status": response.status_code,
        "queries": len(queries),
        "median_ms": round(statistics.median(timings) * 1000, 1),
        "p95_ms": round(timings[int(len(timings) * 0.95) - 1] * 1000, 1),
        "bytes": len(response.content),
    }


def pages_by_role():
    from cohorts.demo import DEMO_COHORT_SLUG, TEAM_A_SLUG

    team = {"slug": TEAM_A_SLUG}
    member_pages = [
        ("home", "/"),
        ("team space", reverse("cohorts:team", kwargs=team)),
        ("journal", reverse("journals:list")),
        ("norms", reverse("norms:index", kwargs=team)),
        ("feedback", reverse("feedback:inbox")),
        ("improvement project", reverse("improvement:project", kwargs=team)),
        ("printable project", reverse("improvement:print", kwargs=team)),
        ("notifications", reverse("notifications:list")),
        ("resources", "/resources/"),
    ]
    cohort = {"slug": DEMO_COHORT_SLUG}
    facilitator_pages = [
        ("cohort dashboard", reverse("cohorts:cohort", kwargs=cohort)),
        ("cohort feedback", reverse("feedback:cohort", kwargs=cohort)),
        ("facilitator journal", reverse("journals:facilitator")),
        ("team space", reverse("cohorts:team", kwargs=team)),
    ]
    return {
        "member@example.org": member_pages,
        "lead@example.org": member_pages[1:2],
        "facilitator@example.org": facilitator_pages,
        "admin@example.org": [("program overview", reverse("cohorts:program"))],
    }


def chart_and_autosave_timings():
    """The component timings that used to be asserted in tests."""
    import datetime
    import random

    from improvement.charts import build_measure_charts
    from improvement.models import Measure, Observation

    measure = Measure.objects.first()
    rng = random.Random(8)  # noqa: S311 (made-up chart data)
    days = [datetime.date(2019, 1, 1) + datetime.timedelta(days=7 * i) for i in range(200)]
    groups = ["ALL", "HI", "EL", "SED", "SWD", "AA"]
    observations = [
        Observation(measure=measure, date=d, group=g, value=rng.uniform(10, 30), n=200)
        for g in groups
        for d in days
    ]
    measure.groups = groups
    build_measure_charts(measure, observations, insider=False, focal="HI")
    timings = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        build_measure_charts(measure, observations, insider=False, focal="HI")
        timings.append(time.perf_counter() - started)
    return {"charts 200 points x 6 groups": round(statistics.median(timings) * 1000, 1)}


def main():
    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0, password=DEMO_PASSWORD)
    anonymous = Client()
    trivial = measure(anonymous, trivial_page_url())
    rows = [("anonymous", "trivial Wagtail page", trivial)]
    for email, pages in pages_by_role().items():
        client = Client()
        client.login(email=email, password=DEMO_PASSWORD)
        for name, url in pages:
            rows.append((email.split("@")[0], name, measure(client, url)))
    reset_queries()
    baseline = trivial["median_ms"] or 1
    print(
        f"{'who':<13} {'page':<22} {'status':>6} {'queries':>7} {'median':>8} {'p95':>8} "
        f"{'ratio':>6} {'KB':>6}"
    )
    results = []
    for who, name, figures in rows:
        ratio = round(figures["median_ms"] / baseline, 1)
        print(
            f"{who:<13} {name:<22} {figures['status']:>6} {figures['queries']:>7} "
            f"{figures['median_ms']:>6}ms {figures['p95_ms']:>6}ms {ratio:>5}x "
            f"{figures['bytes'] / 1024:>6.1f}"
        )
        results.append({"who": who, "page": name, "ratio": ratio, **figures})
    components = chart_and_autosave_timings()
    for name, ms in components.items():
        print(f"{name}: {ms} ms (median)")
    out = ROOT / "bench" / "results.json"
    out.write_text(json.dumps({"pages": results, "components_ms": components}, indent=2))
    print(f"written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
