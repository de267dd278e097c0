"""`make bench` (throughput part): anonymous requests per second under gunicorn on loopback.

The issue's measure for anonymous visitors: how many requests a second gunicorn (3 workers,
PostgreSQL, Redis) answers for the module page (served from the public page cache) against the
trivial Wagtail page, with the same client and concurrency. Uses wrk when it is on PATH
(`apt-get install wrk`), otherwise a small Python client (slower, so lower figures for both).
Writes bench/results-throughput.json.

    DATABASE_URL=postgres://... REDIS_URL=redis://... python bench/throughput.py
    THROUGHPUT_SECONDS=10 THROUGHPUT_CONNECTIONS=8 (the defaults)
"""

import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import load  # noqa: E402  (sets Django up with bench.load_settings)
from run_bench import module_page_url, trivial_page_url  # noqa: E402

from django.core.management import call_command  # noqa: E402

SECONDS = int(os.environ.get("THROUGHPUT_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("THROUGHPUT_CONNECTIONS", "8"))


def with_wrk(url: str) -> float:
    out = subprocess.run(  # noqa: S603
        [shutil.which("wrk"), "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def with_python(url: str) -> float:
    deadline = time.monotonic() + SECONDS

    def client():
        done = 0
        while time.monotonic() < deadline:
            with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (loopback)
                response.read()
            done += 1
        return done

    with concurrent.futures.ThreadPoolExecutor(CONNECTIONS) as pool:
        total = sum(pool.map(lambda _: client(), range(CONNECTIONS)))
    return total / SECONDS


def main():
    call_command("migrate", verbosity=0)
    pages = {"trivial Wagtail page": trivial_page_url(), "module page": module_page_url()}
    measure = with_wrk if shutil.which("wrk") else with_python
    results = {}
    with load.gunicorn():
        for name, path in pages.items():
            url = load.HOST + path
            urllib.request.urlopen(url, timeout=10).read()  # noqa: S310 (warm the caches)
            results[name] = round(measure(url), 1)
    trivial = results["trivial Wagtail page"]
    print(f"anonymous throughput ({measure.__name__}, {CONNECTIONS} connections, {SECONDS} s)")  # noqa: T201
    for name, rps in results.items():
        print(f"{name:<22} {rps:>8.1f} requests/s {rps / trivial:>6.1f}x")  # noqa: T201
    out = Path(load.ROOT) / "bench" / "results-throughput.json"
    out.write_text(json.dumps({"client": measure.__name__, "requests_per_second": results}))
    print(f"written to {out.relative_to(load.ROOT)}")  # noqa: T201


if __name__ == "__main__":
    main()
