"""The fault test: 20 people write while Redis, PostgreSQL, a web worker and mail fail.

Run as a script (CI runs it after the PostgreSQL pass):

    .venv/bin/python tests/resilience/fault_test.py

It starts PRIVATE PostgreSQL and Redis instances on free ports (the shared services on 5432
and 6379 are never touched), gunicorn with production settings, the task worker kept running
the way deploy/cohort-worker.service keeps it (restarted when it exits), and a local SMTP sink.
Twenty simulated people log in through the allauth form and write journal entries for about a
minute, while the script stops Redis for 15 s, restarts PostgreSQL once, kills one gunicorn
worker and stops the mail server for 30 s. It prints a table of figures and exits non-zero
when one misses its target.
"""

import contextlib
import glob
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
from smtp_sink import SMTPSink  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
PASSWORD = "equity-demo-2026"  # noqa: S105 (the demo accounts' password)
PEOPLE = 20
LOAD_SECONDS = 65
THINK_SECONDS = 2.0  # between one person's writes: a busy site, not a saturated one
MAILS = 12
# The mail worker the README documents ("Outgoing mail goes through an outbox").
WORKER_COMMAND = ["manage.py", "send_outbox", "--loop"]
# Mail queued while the mail server is down must arrive once it is back (the outbox retries).
# FAULT_TEST_REQUIRE_MAIL_RETRIES=false prints that figure without asserting it.
REQUIRE_MAIL_RETRIES = os.environ.get("FAULT_TEST_REQUIRE_MAIL_RETRIES", "true") != "false"
MAIL_WAIT_SECONDS = 90  # after the load, for a retry after the outage; ends when all arrived

# Timeline, seconds after the load starts.
MAIL_DOWN_AT, MAIL_DOWN_FOR = 1, 30  # down from 1 s until 30 s after the mail is queued
REDIS_DOWN_AT, REDIS_DOWN_FOR = 8, 15
DB_RESTART_AT = 32
KILL_WORKER_AT = 46

ERROR_LINE = re.compile(r"^((?:django\.db\.utils|redis\.exceptions)\.\w+: .{0,70})", re.M)
JOURNAL_URL = re.compile(r"^/journal/(\d+)/$")
HIDDEN = re.compile(r'<input[^>]*type="hidden"[^>]*>')
NAME = re.compile(r'name="([^"]+)"')
VALUE = re.compile(r'value="([^"]*)"')


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def hidden_fields(html: str) -> dict:
    fields = {}
    for tag in HIDDEN.findall(html):
        name, value = NAME.search(tag), VALUE.search(tag)
        if name:
            fields[name.group(1)] = value.group(1) if value else ""
    return fields


# ---------------------------------------------------------------------------------------------
# Private services
# ---------------------------------------------------------------------------------------------


class PrivatePostgres:
    """initdb into a temp dir and pg_ctl on another port, as user postgres when run as root."""

    def __init__(self, base: Path):
        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[4]))
        if not bins:
            raise SystemExit("PostgreSQL server binaries not found in /usr/lib/postgresql/*/bin")
        self.bin = Path(bins[-1])
        self.port = free_port()
        self.dir = base / "pg"
        self.dir.mkdir()
        self.as_user = []
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]
        self.data = self.dir / "data"
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/cohort_fault"

    def _pg_ctl(self, *args) -> None:
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1"
        command = [str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.dir / "log")]
        subprocess.run(
            [*self.as_user, *command, "-o", options, "-w", *args],
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def start(self) -> None:
        subprocess.run(
            [*self.as_user, str(self.bin / "initdb"), "-D", str(self.data), "-A", "trust"]
            + ["-U", "postgres", "--no-sync"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        self._pg_ctl("start")
        with psycopg.connect(self.url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as db:
            db.execute("CREATE DATABASE cohort_fault")

    def restart(self) -> None:
        self._pg_ctl("-m", "fast", "restart")

    def stop(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self._pg_ctl("-m", "immediate", "stop")


class PrivateRedis:
    def __init__(self, base: Path):
        self.port = free_port()
        self.dir = base / "redis"
        self.dir.mkdir()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no", "--dir", str(self.dir)],
            stdout=subprocess.DEVNULL,
        )
        for _ in range(50):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.1)
        raise SystemExit("private Redis did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


class SupervisedWorker:
    """The task worker, started again whenever it exits (systemd's Restart=always)."""

    def __init__(self, env: dict, logfile):
        self.env, self.logfile = env, logfile
        self.process = None
        self.restarts = 0
        self.running = True
        self.thread = threading.Thread(target=self._supervise, daemon=True)

    def start(self) -> None:
        self.thread.start()

    def _supervise(self) -> None:
        while self.running:
            self.process = subprocess.Popen(
                [PYTHON, *WORKER_COMMAND], cwd=ROOT, env=self.env, stdout=self.logfile,
                stderr=subprocess.STDOUT,
            )  # fmt: skip
            self.process.wait()
            if self.running:
                self.restarts += 1
                log(f"worker exited ({self.process.returncode}); restarting in 1 s")
                time.sleep(1)

    def stop(self) -> None:
        self.running = False
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()


# ---------------------------------------------------------------------------------------------
# Simulated people
# ---------------------------------------------------------------------------------------------


@dataclass
class Record:
    started: float
    finished: float
    method: str
    path: str
    status: int  # 0: no answer (connection reset, timeout)


@dataclass
class Results:
    lock: threading.Lock = field(default_factory=threading.Lock)
    records: list[Record] = field(default_factory=list)
    acknowledged: dict[int, str] = field(default_factory=dict)  # journal entry id -> title
    ack_times: list[float] = field(default_factory=list)


class Person(threading.Thread):
    def __init__(self, number: int, base_url: str, team: tuple, results, stop, go):
        super().__init__(daemon=True)
        self.number, self.base_url, self.results, self.stop = number, base_url, results, stop
        self.go = go  # set when everyone has logged in (password hashing is slow on purpose)
        team_slug, team_id = team
        self.team_slug, self.team_id = team_slug, team_id
        self.email = f"fault{number}@example.org"
        self.http = requests.Session()
        self.logged_in = False
        self.ready = threading.Event()  # logged in once: the clock starts when all are

    def request(self, method: str, path: str, **kwargs):
        started = time.monotonic()
        try:
            response = self.http.request(
                method, self.base_url + path, allow_redirects=False, timeout=30, **kwargs
            )
            status = response.status_code
        except requests.RequestException:
            response, status = None, 0
        # Production cookies are Secure; this test speaks plain HTTP to gunicorn directly.
        for cookie in self.http.cookies:
            cookie.secure = False
        with self.results.lock:
            self.results.records.append(Record(started, time.monotonic(), method, path, status))
        return response

    def login(self) -> None:
        page = self.request("GET", "/accounts/login/")
        if page is None or page.status_code != 200:
            return
        data = {**hidden_fields(page.text), "login": self.email, "password": PASSWORD}
        answer = self.request("POST", "/accounts/login/", data=data)
        self.logged_in = answer is not None and answer.status_code == 302
        if self.logged_in:
            self.ready.set()

    def write(self, n: int) -> None:
        form = self.request("GET", "/journal/new/")
        if form is None or form.status_code != 200:
            if form is not None and form.status_code == 302:
                self.logged_in = False
            return
        title = f"fault test {self.number}-{n}"
        data = {
            **hidden_fields(form.text),
            "title": title,
            "body": f"<p>Written by person {self.number}, entry {n}.</p>",
            "kind": "learning",
            "visibility": "private",
            "team": str(self.team_id),
        }
        answer = self.request("POST", "/journal/new/", data=data)
        if answer is None or answer.status_code != 302:
            return
        match = JOURNAL_URL.match(answer.headers["Location"].removeprefix(self.base_url))
        if match is None:
            self.logged_in = False  # sent to the login page
            return
        with self.results.lock:
            self.results.acknowledged[int(match.group(1))] = title
            self.results.ack_times.append(time.monotonic())

    def run(self) -> None:
        n = 0
        while not self.stop.is_set():
            if not self.logged_in:
                self.login()
            elif not self.go.is_set():
                self.go.wait(1)
                continue
            else:
                n += 1
                self.write(n)
                if n % 4 == 0:
                    self.request("GET", f"/teams/{self.team_slug}/")
            self.stop.wait(THINK_SECONDS)


# ---------------------------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------------------------


def manage(env, *args, **kwargs):
    return subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, **kwargs)


def production_env(**values: str) -> dict:
    """Production settings on loopback: plain HTTP, no MFA, mail to 127.0.0.1, and `values`."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cohort_site.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "COHORT_REQUIRE_STAFF_MFA": "false",
        "EMAIL_HOST": "127.0.0.1",
        "LOG_LEVEL": "WARNING",
        **values,
    }


def prepare_site(env) -> None:
    """Static files (beside the rest), the schema and the demo's people and teams."""
    static = subprocess.Popen(
        [PYTHON, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, env=env
    )
    log("migrating and seeding the demo")
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "seed_demo", "--password", PASSWORD, stdout=subprocess.DEVNULL)
    if static.wait() != 0:
        raise SystemExit("collectstatic failed")


SEED = """
from accounts.factories import UserFactory
from cohorts.demo import TEAM_A_SLUG
from cohorts.factories import MembershipFactory
from cohorts.models import Team
team = Team.objects.get(slug=TEAM_A_SLUG)
for n in range({people}):
    person = UserFactory(email=f"fault{{n}}@example.org", password="{password}")
    MembershipFactory(team=team, user=person)
print(team.slug, team.pk)
"""

# A Django process started before the load that queues mail on each line it reads ("<prefix>"),
# so queueing takes milliseconds at the moment chosen, not a Django start-up under load.
QUEUE_MAIL = """
import sys
from django.db import connection
from accounts.models import User
from notifications.services import notify
person = User.objects.get(email="fault0@example.org")
print("ready", flush=True)
for line in sys.stdin:
    connection.close()  # the database may have restarted since the last line
    for n in range({mails}):
        notify(user=person, kind="session_tomorrow", title=f"{{line.strip()}} mail {{n}}")
    print("queued", flush=True)
"""


class MailQueuer:
    def __init__(self, env: dict):
        self.process = subprocess.Popen(
            [PYTHON, "manage.py", "shell", "-c", QUEUE_MAIL.format(mails=MAILS)],
            cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        self._expect("ready")

    def _expect(self, word: str) -> None:
        for line in self.process.stdout:  # skips the shell's own chatter
            if line.strip() == word:
                return
        raise SystemExit(f"the mail queueing process ended before saying {word!r}")

    def queue(self, prefix: str) -> set[str]:
        self.process.stdin.write(prefix + "\n")
        self.process.stdin.flush()
        self._expect("queued")
        return {f"{prefix} mail {n}" for n in range(MAILS)}

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)


def wait_for_http(url: str, seconds: int = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            requests.get(url, timeout=2)
            return
        except requests.RequestException:
            time.sleep(0.5)
    raise SystemExit(f"{url} did not answer within {seconds} s")


def outage_of_mail(sink: SMTPSink, queuer: MailQueuer, marks: dict, queued: dict) -> None:
    """Stop the mail server, queue mail, keep the server down 30 s, start it again."""
    sink.stop()
    marks["mail_down"] = time.monotonic()
    queued["outage"] = queuer.queue("outage")
    log(f"mail server stopped, {MAILS} emails queued")
    time.sleep(MAIL_DOWN_FOR)
    sink.start()
    marks["mail_up"] = time.monotonic()
    log("mail server started again")


def gunicorn_workers(master_pid: int) -> list[int]:
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    return [int(pid) for pid in children]


def run(base: Path) -> bool:  # noqa: PLR0915 (one scenario, told in order)
    postgres, redis = PrivatePostgres(base), PrivateRedis(base)
    web_port, smtp_port = free_port(), free_port()
    sink = SMTPSink(smtp_port)
    env = production_env(
        DATABASE_URL=postgres.url,
        REDIS_URL=redis.url,
        EMAIL_PORT=str(smtp_port),
        CONN_MAX_AGE="60",
        MEDIA_ROOT=str(base / "media"),
    )
    logs = open(base / "services.log", "w")  # noqa: SIM115 (open for the whole run)
    gunicorn = worker = None
    try:
        log(f"private PostgreSQL on {postgres.port}, Redis on {redis.port}, SMTP on {smtp_port}")
        postgres.start()
        redis.start()
        sink.start()
        prepare_site(env)
        seeded = manage(
            env, "shell", "-c", SEED.format(people=PEOPLE, password=PASSWORD),
            capture_output=True, text=True,
        )  # fmt: skip
        team_slug, team_id = seeded.stdout.split()[-2:]

        gunicorn = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "cohort_site.wsgi", "--bind", f"127.0.0.1:{web_port}"]
            + ["--workers", "3", "--timeout", "30", "--graceful-timeout", "5"],
            cwd=ROOT, env=env, stdout=logs, stderr=subprocess.STDOUT,
        )  # fmt: skip
        base_url = f"http://127.0.0.1:{web_port}"
        wait_for_http(base_url + "/healthz/live")
        worker = SupervisedWorker(env, logs)
        worker.start()
        queuer = MailQueuer(env)
        # Mail sent before the faults: the worker is up and polling before the clock starts.
        warm_up = queuer.queue("warm-up")
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not warm_up <= set(sink.subjects()):
            time.sleep(0.5)
        if not warm_up <= set(sink.subjects()):
            raise SystemExit("the worker delivered no mail within 120 s before the faults")

        results, stop, go = Results(), threading.Event(), threading.Event()
        team = (team_slug, int(team_id))
        people = [Person(n, base_url, team, results, stop, go) for n in range(PEOPLE)]
        log(f"{PEOPLE} people log in")
        for person in people:
            person.start()
        deadline = time.monotonic() + 180
        for person in people:
            person.ready.wait(max(deadline - time.monotonic(), 0))
        if not all(person.ready.is_set() for person in people):
            raise SystemExit("not everyone could log in within 180 s")
        with results.lock:
            results.records.clear()
        log(f"everyone is logged in; they write for {LOAD_SECONDS} s")
        t0 = time.monotonic()
        go.set()

        def at(second: float) -> None:
            delay = t0 + second - time.monotonic()
            if delay > 0:
                time.sleep(delay)

        marks = {}
        at(MAIL_DOWN_AT)
        queued = {}
        mail_outage = threading.Thread(
            target=outage_of_mail, args=(sink, queuer, marks, queued), daemon=True
        )
        mail_outage.start()
        at(REDIS_DOWN_AT)
        redis.stop()
        marks["redis_down"] = time.monotonic()
        log("Redis stopped")
        at(REDIS_DOWN_AT + REDIS_DOWN_FOR)
        redis.start()
        marks["redis_up"] = time.monotonic()
        log("Redis started again")
        at(DB_RESTART_AT)
        marks["db_restart"] = time.monotonic()
        postgres.restart()
        marks["db_up"] = time.monotonic()
        log(f"PostgreSQL restarted ({marks['db_up'] - marks['db_restart']:.1f} s)")
        at(KILL_WORKER_AT)
        victim = gunicorn_workers(gunicorn.pid)[0]
        os.kill(victim, signal.SIGKILL)
        marks["worker_killed"] = time.monotonic()
        log(f"killed gunicorn worker {victim}")
        marks["load_start"] = t0
        at(LOAD_SECONDS)
        stop.set()
        for person in people:
            person.join(timeout=40)
        log("load stopped; waiting for mail")
        mail_outage.join()
        deadline = time.monotonic() + MAIL_WAIT_SECONDS
        while time.monotonic() < deadline and not queued["outage"] <= set(sink.subjects()):
            time.sleep(1)

        # Mail queued while the server is up: the worker path delivers it exactly once.
        queued["up"] = queuer.queue("up")
        queuer.close()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not queued["up"] <= set(sink.subjects()):
            time.sleep(1)
        time.sleep(2)  # a duplicate would arrive right behind
        return report(results, marks, sink, queued, postgres, worker)
    finally:
        if worker is not None:
            worker.stop()
        if gunicorn is not None:
            gunicorn.terminate()
            try:
                gunicorn.wait(timeout=15)
            except subprocess.TimeoutExpired:
                gunicorn.kill()
        sink.stop()
        redis.stop()
        postgres.stop()
        logs.close()


def report(results, marks, sink, queued, postgres, worker):  # noqa: PLR0914
    outage_subjects, up_subjects = queued["outage"], queued["up"]
    with psycopg.connect(postgres.url) as db:
        rows = db.execute(
            "SELECT id, title FROM journals_journalentry WHERE id = ANY(%s)",
            [list(results.acknowledged)],
        ).fetchall()
    found = dict(rows)
    acked = results.acknowledged
    kept = sum(1 for pk, title in acked.items() if found.get(pk) == title)

    records = results.records
    # Requests sent and answered while Redis was down (not ones queued into the next fault).
    during_redis = [
        r for r in records if marks["redis_down"] <= r.started and r.finished <= marks["redis_up"]
    ]
    after_db = [t for t in results.ack_times if t >= marks["db_up"]]
    first_write_after_db = (min(after_db) - marks["db_up"]) if after_db else float("inf")

    subjects = sink.subjects()
    outage_once = sum(1 for s in outage_subjects if subjects.count(s) == 1)
    outage_twice = sum(1 for s in outage_subjects if subjects.count(s) > 1)
    up_once = sum(1 for s in up_subjects if subjects.count(s) == 1)

    def count(rows, status):
        return sum(1 for r in rows if r.status == status)

    figures = [
        ("requests", len(records), ""),
        ("acknowledged writes", len(acked), ""),
        ("acknowledged writes found in the database", f"{kept / max(len(acked), 1):.1%}",
         "= 100%"),
        ("Redis down (s)", f"{marks['redis_up'] - marks['redis_down']:.1f}", ""),
        ("requests while Redis was down", len(during_redis), ""),
        ("  500s while Redis was down", count(during_redis, 500), "= 0"),
        ("  503s while Redis was down", count(during_redis, 503), ""),
        ("PostgreSQL restart took (s)", f"{marks['db_up'] - marks['db_restart']:.1f}", ""),
        ("seconds to first write after the database restart", f"{first_write_after_db:.2f}",
         "<= 5"),
        ("500s over the whole run", count(records, 500), ""),
        ("503s over the whole run", count(records, 503), ""),
        ("requests with no answer (killed worker, restart)", count(records, 0), ""),
        ("task worker restarts (supervised)", worker.restarts, ""),
        ("mail server down (s)", f"{marks['mail_up'] - marks['mail_down']:.1f}", ""),
        ("mail queued during the mail outage delivered exactly once",
         f"{outage_once}/{len(outage_subjects)}",
         "= 100%" if REQUIRE_MAIL_RETRIES else "not asserted"),
        ("  of which delivered more than once", outage_twice, "= 0"),
        ("mail queued with the server up delivered exactly once",
         f"{up_once}/{len(up_subjects)}", "= 100%"),
    ]  # fmt: skip
    width = max(len(label) for label, _, _ in figures)
    print("\nFault test figures")
    print("-" * (width + 36))
    for label, value, target in figures:
        print(f"{label:<{width}}  {value!s:>10}  {target}")
    print("-" * (width + 36))

    failures = []
    if not acked or kept != len(acked):
        failures.append(f"{len(acked) - kept} acknowledged writes missing (of {len(acked)})")
    if count(during_redis, 500):
        failures.append(f"{count(during_redis, 500)} answers of 500 while Redis was down")
    if first_write_after_db > 5:
        failures.append(f"first write {first_write_after_db:.1f} s after the database restart")
    if outage_twice:
        failures.append(f"{outage_twice} emails delivered more than once")
    if up_once != len(up_subjects):
        failures.append(f"{len(up_subjects) - up_once} emails queued with the server up lost")
    if REQUIRE_MAIL_RETRIES and outage_once != len(outage_subjects):
        failures.append(f"{len(outage_subjects) - outage_once} emails lost to the mail outage")
    for failure in failures:
        print(f"FAILED: {failure}")
    if not failures:
        print("All fault-test targets met.")
    return not failures


def main() -> int:
    base = Path(tempfile.mkdtemp(prefix="cohort-fault-"))
    base.chmod(0o755)  # the private PostgreSQL runs as user postgres
    started = time.monotonic()
    try:
        ok = run(base)
    finally:
        log(f"fault test took {time.monotonic() - started:.0f} s; logs in {base}")
    causes = Counter(ERROR_LINE.findall((base / "services.log").read_text(errors="replace")))
    if causes:
        print("Errors logged by gunicorn and the worker (the causes of 503s):")
        for cause, times in causes.most_common(8):
            print(f"  {times:>4}  {cause}")
    if ok:
        shutil.rmtree(base, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
