"""`make bench` (load part): 50 simulated people for 2 minutes against gunicorn on loopback.

Starts gunicorn (3 workers) on LOAD_PORT with PostgreSQL (DATABASE_URL) and Redis (REDIS_URL),
runs locust headless (bench/locustfile.py), prints and writes bench/results-load.json:
requests per second, p50/p95/p99 and errors, overall and per page. Stops gunicorn at the end.

    DATABASE_URL=postgres://... REDIS_URL=redis://... python bench/load.py
    LOAD_USERS=50 LOAD_DURATION=2m LOAD_PORT=8160 (the defaults)
"""

import contextlib
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.load_settings"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from accounts.factories import DEMO_PASSWORD  # noqa: E402

USERS = os.environ.get("LOAD_USERS", "50")
DURATION = os.environ.get("LOAD_DURATION", "2m")
PORT = os.environ.get("LOAD_PORT", "8160")
HOST = f"http://127.0.0.1:{PORT}"


def accounts() -> list[tuple[str, str]]:
    """Every active member of a current team, with that team's slug (demo password)."""
    from cohorts.models import Membership

    rows = (
        Membership.objects.current()
        .filter(user__is_active=True, team__cohort__slug__in=demo_cohorts())
        .order_by("pk")
        .values_list("user__email", "team__slug")
    )
    seen, people = set(), []
    for email, slug in rows:
        if email not in seen:
            seen.add(email)
            people.append((email, slug))
    return people


def demo_cohorts():
    from cohorts.models import Cohort

    return list(Cohort.objects.filter(school_year="2026-27").values_list("slug", flat=True))


def module_url() -> str:
    from programs.models import ModulePage

    module = ModulePage.objects.live().order_by("path").first()
    return module.url if module else "/"


def wait_until_up(timeout=240):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{HOST}/healthz/live", timeout=5)  # noqa: S310 (loopback)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("gunicorn did not start")


@contextlib.contextmanager
def gunicorn(env=None, workers: int = 3):
    """gunicorn serving the site on HOST while the block runs (also used by throughput.py)."""
    server = subprocess.Popen(  # noqa: S603
        [
            str(BIN / "gunicorn"),
            "cohort_site.wsgi",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],  # fmt: skip
        cwd=ROOT,
        env=env or os.environ,
    )
    try:
        wait_until_up()
        yield
    finally:
        server.terminate()
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()


def main():
    call_command("migrate", verbosity=0)
    from accounts.models import User

    if not User.objects.filter(email="admin@example.org").exists():
        call_command("seed_demo", verbosity=0, password=DEMO_PASSWORD)
    work = Path(tempfile.mkdtemp(prefix="cohort-load-"))
    people = accounts()
    (work / "accounts.json").write_text(json.dumps(people))
    env = {
        **os.environ,
        "LOAD_ACCOUNTS": str(work / "accounts.json"),
        "LOAD_PASSWORD": DEMO_PASSWORD,
        "LOAD_MODULE_URL": module_url(),
    }
    with gunicorn(env):
        subprocess.run(  # noqa: S603
            [
                str(BIN / "locust"),
                "-f",
                "bench/locustfile.py",
                "--headless",
                "-u",
                USERS,
                "-r",
                "5",
                "-t",
                DURATION,
                "--host",
                HOST,
                "--csv",
                str(work / "load"),
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],  # fmt: skip
            cwd=ROOT,
            env=env,
            check=False,
        )
    report(work / "load_stats.csv", people=len(people))


def report(stats_file: Path, *, people: int):
    rows = list(csv.DictReader(stats_file.open()))
    pages = []
    for row in rows:
        pages.append(
            {
                "name": row["Name"],
                "requests": int(row["Request Count"]),
                "errors": int(row["Failure Count"]),
                "rps": round(float(row["Requests/s"]), 1),
                "p50_ms": float(row["50%"]),
                "p95_ms": float(row["95%"]),
                "p99_ms": float(row["99%"]),
            }
        )
    print(f"load: {USERS} people for {DURATION} ({people} accounts), load {os.getloadavg()}")  # noqa: T201
    print(f"{'page':<22} {'requests':>8} {'errors':>6} {'rps':>6} {'p50':>7} {'p95':>7} {'p99':>7}")  # noqa: T201
    for p in pages:
        print(  # noqa: T201
            f"{p['name']:<22} {p['requests']:>8} {p['errors']:>6} {p['rps']:>6} "
            f"{p['p50_ms']:>5.0f}ms {p['p95_ms']:>5.0f}ms {p['p99_ms']:>5.0f}ms"
        )
    out = ROOT / "bench" / "results-load.json"
    out.write_text(
        json.dumps(
            {"users": USERS, "duration": DURATION, "load_average": os.getloadavg(), "pages": pages},
            indent=2,
        )
    )
    print(f"written to {out.relative_to(ROOT)}")  # noqa: T201


if __name__ == "__main__":
    main()
