"""The browser tests' live server shares the test thread's in-memory SQLite connection.

Two threads running the same parameterized query on that connection must not step on one
prepared statement: with sqlite3's statement cache they did, and a request failed with
"bad parameter or other API misuse" (seen in CI on the phone journey's journal save).
"""

import threading

import pytest

from django.db import connection

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "sqlite", reason="only SQLite shares one connection")
def test_two_threads_can_query_the_shared_connection_at_once():
    connection.ensure_connection()
    shared = connection.connection
    shared.execute("CREATE TEMP TABLE numbers (n INTEGER)")
    shared.executemany("INSERT INTO numbers VALUES (?)", [(n,) for n in range(50)])
    problems = []

    def look_up(number):
        for _ in range(5000):
            try:
                cursor = shared.cursor()
                cursor.execute("SELECT n FROM numbers WHERE n = ?", (number,))
                rows = cursor.fetchall()
                cursor.close()
            except Exception as error:  # noqa: BLE001  (collected for the assertion)
                problems.append(repr(error))
            else:
                if rows != [(number,)]:
                    problems.append(f"asked for {number}, got {rows}")

    threads = [threading.Thread(target=look_up, args=(n,)) for n in (3, 7, 11)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert problems == []
