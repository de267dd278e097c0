"""Two app servers behind a reverse proxy, sharing only PostgreSQL, Redis and object storage.

Run as a script (CI runs it after the fault test):

    .venv/bin/python tests/resilience/two_instances.py

It creates a fresh database on the PostgreSQL at 127.0.0.1:5432 (TWO_INSTANCES_DATABASE names
it; dropped at the end), starts a private Redis, the local S3 server (tests/object_storage.py),
a mail sink, two gunicorn instances with production settings, nginx in front of them, and the
task worker (`manage.py db_worker`) and the mail worker (`manage.py send_outbox --loop`) as
processes of their own. MEDIA_ROOT points at a folder that must still not exist at the end.

The proxy balances over both instances; a request carrying `X-Test-Instance: 1` or `2` goes to
that one, and every answer names the instance that served it (`X-Served-By`), so each step below
is checked to have been served where it says:

- a person logs in through instance 1 and carries on through instance 2 (shared session);
- uploads a feedback artifact through instance 1; a teammate downloads it through instance 2
  (a redirect to a presigned link that works); a member of another team gets 404;
- previews a spreadsheet import on instance 1 and confirms it on instance 2 (the staged file
  waits in the database);
- a site admin uploads a Wagtail document through instance 2: the task it enqueues is run by
  the task worker, and the document is served through instance 1;
- mail queued by the requests is sent by the mail worker;
- logging out on one instance logs the person out on the other.

Prints a table and exits non-zero, naming what failed. Ports: free ones, or consecutive ones
from TWO_INSTANCES_FIRST_PORT.
"""

import contextlib
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fault_test import (  # noqa: E402
    PrivateRedis,
    free_port,
    hidden_fields,
    log,
    prepare_site,
    production_env,
    wait_for_http,
)
from smtp_sink import SMTPSink  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from tests.object_storage import LocalS3  # noqa: E402

PYTHON = sys.executable
PASSWORD = "equity-demo-2026"  # noqa: S105 (the demo accounts' password)
POSTGRES = os.environ.get("TWO_INSTANCES_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DATABASE = os.environ.get("TWO_INSTANCES_DATABASE", f"cohort_two_instances_{os.getpid()}")
TEAM_A, TEAM_B = "mesa-linda-ms", "juniper-hills-es"  # cohorts.demo
ARTIFACT = b"%PDF-1.4 two-instance artifact " + secrets.token_hex(8).encode()
DOCUMENT = b"two-instance document " + secrets.token_hex(8).encode()


class Ports:
    def __init__(self):
        first = os.environ.get("TWO_INSTANCES_FIRST_PORT")
        self.next = int(first) if first else None

    def take(self) -> int:
        if self.next is None:
            return free_port()
        self.next += 1
        return self.next - 1


NGINX_CONF = """
{user}
worker_processes 1;
error_log {dir}/error.log warn;
pid {dir}/nginx.pid;
events {{ worker_connections 256; }}
http {{
    access_log {dir}/access.log;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    client_max_body_size 20m;
    upstream web1 {{ server 127.0.0.1:{web1}; }}
    upstream web2 {{ server 127.0.0.1:{web2}; }}
    upstream both {{ server 127.0.0.1:{web1}; server 127.0.0.1:{web2}; }}
    map $http_x_test_instance $instance {{ "1" web1; "2" web2; default both; }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://$instance;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            add_header X-Served-By $upstream_addr always;
        }}
    }}
}}
"""


def nginx_binary() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else "")
    if not found:
        raise SystemExit("nginx is not installed (apt-get install nginx); .ci/run installs it")
    return found


class Browser:
    """One person's cookies; each request goes to the instance named, through the proxy."""

    def __init__(self, proxy_url: str, ports: dict[int, int]):
        self.proxy_url, self.ports = proxy_url, ports
        self.http = requests.Session()
        self.misrouted: list[str] = []

    def request(self, instance: int, method: str, path: str, **kwargs):
        response = self.http.request(
            method,
            self.proxy_url + path,
            headers={"X-Test-Instance": str(instance)},
            allow_redirects=False,
            timeout=60,
            **kwargs,
        )
        # Production cookies are Secure; this test speaks plain HTTP to the proxy.
        for cookie in self.http.cookies:
            cookie.secure = False
        served_by = response.headers.get("X-Served-By", "")
        if not served_by.endswith(f":{self.ports[instance]}"):
            self.misrouted.append(f"{method} {path} -> {served_by or 'no X-Served-By'}")
        return response

    def login(self, instance: int, email: str) -> bool:
        page = self.request(instance, "GET", "/accounts/login/")
        data = {**hidden_fields(page.text), "login": email, "password": PASSWORD}
        return self.request(instance, "POST", "/accounts/login/", data=data).status_code == 302


def query(sql: str, params=()) -> list[tuple]:
    with psycopg.connect(f"{POSTGRES}/{DATABASE}") as db:
        return db.execute(sql, params).fetchall()


def wait_until(check, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.5)
    return check()


class Checks:
    def __init__(self):
        self.rows: list[tuple[str, bool, str]] = []

    def __call__(self, label: str, ok: bool, detail: str = "") -> bool:
        self.rows.append((label, bool(ok), detail))
        log(f"{'ok  ' if ok else 'FAIL'} {label} {detail}")
        return ok

    def report(self) -> bool:
        width = max(len(label) for label, _, _ in self.rows)
        print("\nTwo-instance test")
        print("-" * (width + 40))
        for label, ok, detail in self.rows:
            print(f"{label:<{width}}  {'ok' if ok else 'FAILED':<6}  {detail}")
        print("-" * (width + 40))
        failed = [label for label, ok, _ in self.rows if not ok]
        for label in failed:
            print(f"FAILED: {label}")
        if not failed:
            print("Two instances behave as one site.")
        return not failed


def journey(proxy_url: str, ports: dict[int, int], s3_url: str, check: Checks) -> None:  # noqa: PLR0915
    member = Browser(proxy_url, ports)
    check("member logs in through instance 1", member.login(1, "member@example.org"))
    inbox = member.request(2, "GET", "/feedback/")
    check(
        "instance 2 knows the session",
        inbox.status_code == 200,
        f"GET /feedback/ {inbox.status_code}",
    )

    # Upload through instance 1.
    form = member.request(1, "GET", f"/feedback/new/{TEAM_A}/")
    lead_pk = query("SELECT id FROM accounts_user WHERE email = 'lead@example.org'")[0][0]
    created = member.request(
        1,
        "POST",
        f"/feedback/new/{TEAM_A}/",
        data={
            **hidden_fields(form.text),
            "artifact_title": "Two-instance artifact",
            "focusing_question": "Does the second server see it?",
            "protocol": "warm-and-cool-feedback",
            "due_on": time.strftime("%Y-%m-%d", time.localtime(time.time() + 7 * 86400)),
            "reviewers": [str(lead_pk)],
        },
        files={"artifact_file": ("artifact.pdf", ARTIFACT, "application/pdf")},
    )
    location = created.headers.get("Location", "")
    match = re.search(r"/feedback/requests/(\d+)/", location)
    check(
        "artifact uploaded through instance 1",
        created.status_code == 302 and match,
        f"{created.status_code} {location}",
    )
    if not match:
        return
    file_path = f"/feedback/requests/{match.group(1)}/file/"

    # Download through instance 2, by a teammate.
    lead = Browser(proxy_url, ports)
    lead.login(2, "lead@example.org")
    download = lead.request(2, "GET", file_path)
    link = download.headers.get("Location", "")
    check(
        "instance 2 answers with a presigned link",
        download.status_code == 302 and link.startswith(s3_url) and "X-Amz-Signature=" in link,
        f"{download.status_code}",
    )
    fetched = requests.get(link, timeout=30) if link.startswith("http") else None
    check(
        "the link downloads the uploaded bytes",
        fetched is not None and fetched.status_code == 200 and fetched.content == ARTIFACT,
    )
    unsigned = requests.get(link.split("?")[0], timeout=30) if link else None
    check(
        "the object is not readable without the signature",
        unsigned is not None and unsigned.status_code == 403,
    )

    outsider = Browser(proxy_url, ports)
    outsider.login(1, "peer@example.org")
    for instance in (1, 2):
        answer = outsider.request(instance, "GET", file_path)
        check(
            f"another team's member gets 404 on instance {instance}",
            answer.status_code == 404,
            f"{answer.status_code}",
        )

    # An import previewed on instance 1 and confirmed on instance 2.
    measure = query(
        "SELECT m.id, o.grp, o.first FROM improvement_measure m"
        " JOIN improvement_improvementproject p ON p.id = m.project_id"
        " JOIN cohorts_team t ON t.id = p.team_id"
        ' JOIN LATERAL (SELECT "group" AS grp, min(date) AS first FROM improvement_observation'
        '   WHERE measure_id = m.id GROUP BY "group" LIMIT 1) o ON true'
        " WHERE t.slug = %s ORDER BY m.id LIMIT 1",
        [TEAM_A],
    )
    if check("team A has a measure with observations", measure):
        measure_pk, group, first = measure[0]
        day = str(first.fromordinal(first.toordinal() - 7))
        import_path = f"/teams/{TEAM_A}/improvement/measures/{measure_pk}/import/"
        page = member.request(1, "GET", import_path)
        csv = f"date,group,numerator,denominator\n{day},{group},5,40\n".encode()
        preview = member.request(
            1,
            "POST",
            import_path,
            data={**hidden_fields(page.text), "encoding": ""},
            files={"file": ("points.csv", csv, "text/csv")},
        )
        fields = hidden_fields(preview.text)
        check(
            "import previewed on instance 1",
            preview.status_code == 200 and "token" in fields,
            f"{preview.status_code}",
        )
        if "token" in fields:
            confirmed = member.request(2, "POST", import_path, data=fields)
            stored = query(
                "SELECT count(*) FROM improvement_observation WHERE measure_id = %s"
                ' AND date = %s AND "group" = %s',
                [measure_pk, day, group],
            )[0][0]
            check(
                "import confirmed on instance 2",
                confirmed.status_code == 302 and stored == 1,
                f"{confirmed.status_code}, {stored} row stored",
            )

    # A Wagtail document: uploaded through instance 2, a task for the worker, served by 1.
    admin = Browser(proxy_url, ports)
    admin.login(2, "admin@example.org")
    upload_started = query("SELECT now()")[0][0]
    add = admin.request(2, "GET", "/admin/documents/add/")
    collection = re.search(r'<option value="(\d+)"[^>]*>', add.text)
    uploaded = admin.request(
        2,
        "POST",
        "/admin/documents/add/",
        data={
            **hidden_fields(add.text),
            "title": "Two-instance guide",
            "collection": collection.group(1) if collection else "1",
            "tags": "",
        },
        files={"file": ("guide.txt", DOCUMENT, "text/plain")},
    )
    document = query("SELECT id, file FROM wagtaildocs_document WHERE title = 'Two-instance guide'")
    check(
        "document uploaded through instance 2",
        uploaded.status_code == 302 and document,
        f"{uploaded.status_code}",
    )
    if document:
        pk, name = document[0]
        served = member.request(1, "GET", f"/documents/{pk}/{name.rsplit('/', 1)[-1]}")
        link = served.headers.get("Location", "")
        body = requests.get(link, timeout=30).content if link.startswith("http") else b""
        check(
            "instance 1 serves it through a presigned link",
            body == DOCUMENT,
            f"{served.status_code}",
        )

    def tasks_done() -> bool:
        rows = query(
            "SELECT status FROM django_tasks_database_dbtaskresult WHERE enqueued_at >= %s",
            [upload_started],
        )
        return bool(rows) and all(status == "SUCCESSFUL" for (status,) in rows)

    done = wait_until(tasks_done, 60)
    statuses = query(
        "SELECT status, count(*) FROM django_tasks_database_dbtaskresult GROUP BY status"
    )
    check("the task worker ran the tasks the upload enqueued", done, str(dict(statuses)))

    # Logging out on instance 2 ends the session on instance 1 too.
    page = member.request(2, "GET", "/accounts/logout/")
    member.request(2, "POST", "/accounts/logout/", data=hidden_fields(page.text))
    after = member.request(1, "GET", "/feedback/")
    check(
        "after logging out on 2, instance 1 asks to log in",
        after.status_code == 302 and "/accounts/login/" in after.headers.get("Location", ""),
        f"{after.status_code}",
    )

    misrouted = member.misrouted + lead.misrouted + outsider.misrouted + admin.misrouted
    check(
        "every request was served by the instance it named", not misrouted, "; ".join(misrouted[:3])
    )


def run(base: Path, check: Checks) -> None:  # noqa: PLR0915 (one scenario, told in order)
    ports = Ports()
    web = {1: ports.take(), 2: ports.take()}
    proxy_port, s3_port, smtp_port = ports.take(), ports.take(), ports.take()
    redis = PrivateRedis(base)
    sink = SMTPSink(smtp_port)
    s3 = LocalS3(port=s3_port)
    media_root = base / "media-must-stay-empty"
    env = production_env(
        TRUSTED_PROXY_COUNT="1",
        DATABASE_URL=f"{POSTGRES}/{DATABASE}",
        REDIS_URL=redis.url,
        EMAIL_PORT=str(smtp_port),
        MEDIA_ROOT=str(media_root),
        **s3.env(),
    )
    logs = open(base / "services.log", "w")  # noqa: SIM115 (open for the whole run)
    processes: list[subprocess.Popen] = []

    def start(name: str, command: list[str]) -> subprocess.Popen:
        logs.write(f"== {name}: {' '.join(command)}\n")
        logs.flush()
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=logs, stderr=subprocess.STDOUT
        )
        processes.append(process)
        return process

    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        db.execute(f'CREATE DATABASE "{DATABASE}"')
    try:
        log(
            f"database {DATABASE}; web on {web[1]} and {web[2]}, proxy on {proxy_port}, "
            f"S3 on {s3_port}, SMTP on {smtp_port}"
        )
        redis.start()
        sink.start()
        s3.start()
        prepare_site(env)

        for n in (1, 2):
            start(
                f"web{n}",
                [
                    PYTHON,
                    "-m",
                    "gunicorn",
                    "cohort_site.wsgi",
                    "--bind",
                    f"127.0.0.1:{web[n]}",
                    "--workers",
                    "2",
                    "--timeout",
                    "60",
                    "--no-control-socket",  # two instances would share ~/.gunicorn/gunicorn.ctl
                ],
            )
        start("task worker", [PYTHON, "manage.py", "db_worker"])
        start("mail worker", [PYTHON, "manage.py", "send_outbox", "--loop"])
        conf_dir = base / "nginx"
        conf_dir.mkdir()
        conf_dir.chmod(0o777)  # nginx's workers write request bodies here
        user = "user root;" if os.geteuid() == 0 else ""
        (conf_dir / "nginx.conf").write_text(
            NGINX_CONF.format(user=user, dir=conf_dir, web1=web[1], web2=web[2], port=proxy_port)
        )
        start(
            "nginx",
            [
                nginx_binary(),
                "-p",
                str(conf_dir),
                "-c",
                str(conf_dir / "nginx.conf"),
                "-g",
                "daemon off;",
            ],
        )
        for port in (web[1], web[2], proxy_port):
            wait_for_http(f"http://127.0.0.1:{port}/healthz/live", seconds=300)
        started = time.monotonic()
        try:
            journey(f"http://127.0.0.1:{proxy_port}", web, s3.url, check)
        except Exception as error:  # noqa: BLE001 (reported as a failed check, with its cause)
            check("the journey ran to the end", False, f"{type(error).__name__}: {error}")

        def outbox_sent() -> bool:
            waiting = query(
                "SELECT count(*) FROM notifications_outgoingemail WHERE status <> 'sent'"
            )[0][0]
            return waiting == 0

        sent = wait_until(outbox_sent, 60)
        delivered = len(sink.subjects())
        check(
            "the mail worker sent what the requests queued",
            sent and delivered > 0,
            f"{delivered} delivered",
        )
        check("nothing was written to the app servers' MEDIA_ROOT", not media_root.exists())
        log(f"journey took {time.monotonic() - started:.0f} s")
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
        with contextlib.suppress(Exception):
            s3.stop()
        sink.stop()
        redis.stop()
        logs.close()
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as db:
            db.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')


def main() -> int:
    base = Path(tempfile.mkdtemp(prefix="cohort-two-"))
    base.chmod(0o755)
    started = time.monotonic()
    check = Checks()
    try:
        run(base, check)
    finally:
        log(f"two-instance test took {time.monotonic() - started:.0f} s; logs in {base}")
    ok = bool(check.rows) and check.report()
    if ok:
        shutil.rmtree(base, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
