"""`make bench`: page timings, query counts and sizes per role, at demo and statewide size.

A benchmark, not a test: it prints figures and writes bench/results-<size>.json; it asserts
nothing. Timings live here (never in the test suite, where a busy machine makes them flaky).
Every page is also given as a ratio to a trivial Wagtail page served in the same run.

    make bench                                  # demo size, SQLite file in a temporary folder
    DATABASE_URL=postgres://... make bench      # demo size on PostgreSQL
    python bench/run_bench.py --size statewide  # DATABASE_URL holding (or to receive) seed_scale
"""

import argparse
import json
import math
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
BUDGET_KB = 150


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
        "p95_ms": round(timings[max(0, math.ceil(len(timings) * 0.95) - 1)] * 1000, 1),
        "bytes": len(response.content),
    }


def module_page_url():
    from programs.models import ModulePage

    module = ModulePage.objects.live().order_by("path").first()
    return module.url if module else None


def pages_by_role(size: str):
    """Every page per role: demo accounts, or at statewide size the first statewide cohort's
    facilitator (25 teams), the lead and a member of its first team, and a site admin."""
    from cohorts.demo import DEMO_COHORT_SLUG, TEAM_A_SLUG

    if size == "statewide":
        from cohort_site.management.commands import seed_scale as scale

        team, cohort = {"slug": "statewide-team-00001"}, {"slug": "statewide-01"}
        member, lead = scale.person_email(1, 1), scale.person_email(1, 0)
        facilitator, admin = scale.facilitator_email(1), scale.ADMIN_EMAIL
    else:
        team, cohort = {"slug": TEAM_A_SLUG}, {"slug": DEMO_COHORT_SLUG}
        member, lead = "member@example.org", "lead@example.org"
        facilitator, admin = "facilitator@example.org", "admin@example.org"
    measure = improvement_measure_url(team["slug"])
    member_pages = [
        ("home", "/"),
        ("team space", reverse("cohorts:team", kwargs=team)),
        ("journal", reverse("journals:list")),
        ("norms", reverse("norms:index", kwargs=team)),
        ("feedback", reverse("feedback:inbox")),
        ("improvement project", reverse("improvement:project", kwargs=team)),
        ("printable project", reverse("improvement:print", kwargs=team)),
        *([("measure", measure)] if measure else []),
        ("notifications", reverse("notifications:list")),
        ("resources", "/resources/"),
        *([("module page", module_page_url())] if module_page_url() else []),
    ]
    facilitator_pages = [
        ("cohort dashboard", reverse("cohorts:cohort", kwargs=cohort)),
        ("cohort feedback", reverse("feedback:cohort", kwargs=cohort)),
        ("facilitator journal", reverse("journals:facilitator")),
        ("team space", reverse("cohorts:team", kwargs=team)),
        ("improvement project", reverse("improvement:project", kwargs=team)),
    ]
    return {
        member: member_pages,
        lead: member_pages[1:2] + member_pages[5:7],
        facilitator: facilitator_pages,
        admin: [("program overview", reverse("cohorts:program")), ("home", "/")],
    }


def improvement_measure_url(team_slug):
    from improvement.models import Measure

    measure = Measure.objects.filter(project__team__slug=team_slug).order_by("pk").first()
    return measure and reverse("improvement:measure", kwargs={"slug": team_slug, "pk": measure.pk})


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


def base_hasher():
    from cohort_site.settings import base

    return base.PASSWORD_HASHERS[0].rsplit(".", 1)[-1]


def login_cpu_ms():
    """CPU time of one whole login (POST to the login form) with production's password hashers.

    process_time, not wall-clock: what 50 people logging in at once cost the machine's cores.
    A throwaway account, so the demo's and the load test's hashes stay as they are.
    """
    from django.test.utils import override_settings

    from accounts.models import User
    from cohort_site.settings import base

    email = "bench-login@example.org"
    with override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS):
        user, _ = User.objects.get_or_create(email=email)
        user.set_password(DEMO_PASSWORD)
        user.save()
        from allauth.account.models import EmailAddress

        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        timings = []
        for _ in range(5):
            client = Client()
            started = time.process_time()
            response = client.post(
                reverse("account_login"), {"login": email, "password": DEMO_PASSWORD}
            )
            timings.append(time.process_time() - started)
            if response.status_code != 302:
                raise SystemExit(f"bench login failed: {response.status_code}")
    user.delete()
    return round(statistics.median(timings) * 1000, 1)


def seed(size: str):
    call_command("migrate", verbosity=0)
    from accounts.models import User

    if not User.objects.filter(email="admin@example.org").exists():
        call_command("seed_demo", verbosity=0, password=DEMO_PASSWORD)
    if size == "statewide":
        started = time.perf_counter()
        call_command("seed_scale", verbosity=1, password=DEMO_PASSWORD)
        print(f"seed_scale: {time.perf_counter() - started:.0f} s")  # noqa: T201


def dataset_size():
    from cohorts.models import Cohort, Team
    from improvement.models import Observation
    from journals.models import JournalEntry

    return {
        "cohorts": Cohort.objects.count(),
        "teams": Team.objects.count(),
        "journal_entries": JournalEntry.objects.count(),
        "observations": Observation.objects.count(),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", choices=["demo", "statewide"], default="demo")
    parser.add_argument("--no-seed", action="store_true", help="Measure the database as it is.")
    args = parser.parse_args()
    size = args.size
    if not args.no_seed:
        seed(size)
    anonymous = Client()
    trivial = measure(anonymous, trivial_page_url())
    rows = [("anonymous", "trivial Wagtail page", trivial)]
    if module_page_url():
        rows.append(("anonymous", "module page", measure(anonymous, module_page_url())))
    from accounts.models import User

    for email, pages in pages_by_role(size).items():
        client = Client()
        # Logging in is not what is measured (and the load test may have rehashed passwords).
        client.force_login(User.objects.get(email=email))
        for name, url in pages:
            rows.append((email.split("@")[0], name, measure(client, url)))
    reset_queries()
    baseline = trivial["median_ms"] or 1
    engine = connection.vendor
    print(f"size: {size} on {engine}, {dataset_size()}, load {os.getloadavg()}")  # noqa: T201
    print(  # noqa: T201
        f"{'who':<22} {'page':<22} {'status':>6} {'queries':>7} {'median':>8} {'p95':>8} "
        f"{'ratio':>6} {'KB':>6}"
    )
    results = []
    for who, name, figures in rows:
        ratio = round(figures["median_ms"] / baseline, 1)
        over = " (over 150 KB)" if figures["bytes"] > BUDGET_KB * 1024 else ""
        print(  # noqa: T201
            f"{who:<22} {name:<22} {figures['status']:>6} {figures['queries']:>7} "
            f"{figures['median_ms']:>6}ms {figures['p95_ms']:>6}ms {ratio:>5}x "
            f"{figures['bytes'] / 1024:>6.1f}{over}"
        )
        results.append({"who": who, "page": name, "ratio": ratio, **figures})
    components = chart_and_autosave_timings() if size == "demo" else {}
    components[f"login CPU ({base_hasher()}, median of 5)"] = login_cpu_ms()
    for name, ms in components.items():
        print(f"{name}: {ms} ms (median)")  # noqa: T201
    out = ROOT / "bench" / f"results-{size}.json"
    out.write_text(
        json.dumps(
            {
                "size": size,
                "database": engine,
                "dataset": dataset_size(),
                "load_average": os.getloadavg(),
                "repeats": REPEATS,
                "pages": results,
                "components_ms": components,
            },
            indent=2,
        )
    )
    print(f"written to {out.relative_to(ROOT)}")  # noqa: T201


if __name__ == "__main__":
    main()
