"""The embedded SQLite database never answers "database is locked" to a demo (issue 15, item 1).

A database file opened with the project's settings is in WAL mode (readers never block the
writer) and a writer waits for another instead of failing at once.
"""

import sqlite3
import subprocess
import sys

from django.conf import settings


def test_the_demo_sqlite_database_runs_in_wal_mode_with_a_busy_timeout(tmp_path):
    database = tmp_path / "demo.sqlite3"
    script = (
        "import os, django\n"
        "os.environ['DJANGO_SETTINGS_MODULE'] = 'cohort_site.settings.dev'\n"
        f"os.environ['DATABASE_URL'] = 'sqlite:///{database}'\n"
        "django.setup()\n"
        "from django.db import connection\n"
        "with connection.cursor() as cursor:\n"
        "    cursor.execute('PRAGMA journal_mode')\n"
        "    print(cursor.fetchone()[0])\n"
        "    cursor.execute('PRAGMA busy_timeout')\n"
        "    print(cursor.fetchone()[0])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    journal_mode, busy_timeout = result.stdout.split()
    assert journal_mode == "wal"
    assert int(busy_timeout) >= 5000
    # WAL is a property of the file: a second, plain connection sees it too.
    with sqlite3.connect(database) as plain:
        assert plain.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
