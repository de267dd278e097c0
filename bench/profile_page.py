"""Where one page's time and queries go: `python bench/profile_page.py WHO PAGE [--size ...]`.

A companion to run_bench.py (same pages, same accounts, same database; run the bench first so
the data exists). Prints the page's queries (repeated ones counted) and a cProfile listing of
the slowest functions over a few requests, in-process. WHO is the part before the @ (member,
lead, facilitator, admin, anonymous, or p00001-1 at statewide size); PAGE a page name from the
bench table, e.g. "team space".
"""

import argparse
import collections
import cProfile
import io
import pstats
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run_bench  # noqa: E402  (sets Django up)

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def page_url(size, who, page):
    if who == "anonymous":
        return run_bench.trivial_page_url() if page.startswith("trivial") else (
            run_bench.module_page_url()
        ), None
    for email, pages in run_bench.pages_by_role(size).items():
        if email.split("@")[0] == who:
            for name, url in pages:
                if name == page:
                    return url, email
    raise SystemExit(f"no page {page!r} for {who!r}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("who")
    parser.add_argument("page")
    parser.add_argument("--size", choices=["demo", "statewide"], default="demo")
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--top", type=int, default=35)
    parser.add_argument("--sort", default="cumulative")
    args = parser.parse_args()
    url, email = page_url(args.size, args.who, args.page)
    client = Client()
    if email:
        from accounts.models import User

        client.force_login(User.objects.get(email=email))
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    print(f"{url}: {response.status_code}, {len(response.content)} bytes, {len(queries)} queries")  # noqa: T201
    counts = collections.Counter(q["sql"] for q in queries.captured_queries)
    for sql, n in counts.items():
        print(f"  {n}x {sql[: int(__import__('os').environ.get('SQLW', '220'))]}")  # noqa: T201
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(args.repeats):
        client.get(url)
    profile.disable()
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats(args.sort).print_stats(args.top)
    print(out.getvalue())  # noqa: T201


if __name__ == "__main__":
    main()
