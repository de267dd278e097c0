"""Outgoing mail: queued with the change, sent after commit, retried, never sent twice."""

import socket
from datetime import timedelta

import pytest

from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from cohorts.models import Invitation
from notifications import outbox
from notifications.models import OutgoingEmail
from privacy.services import person_erase
from tests.conftest import client_for
from tests.resilience.smtp_sink import SMTPSink

pytestmark = pytest.mark.django_db

Status = OutgoingEmail.Status
SMTP = "django.core.mail.backends.smtp.EmailBackend"


@pytest.fixture
def closed_port():
    """A local port where nothing listens: the mail server is down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def hanging_server():
    """A mail server that accepts the connection and then never says a word."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    yield server.getsockname()[1]
    server.close()


@pytest.fixture(params=["closed_port", "hanging_server"])
def mail_server_down(request, settings):
    port = request.getfixturevalue(request.param)
    settings.MAILERS = {
        "default": {
            "BACKEND": SMTP,
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 0.5},
        }
    }
    return port


@pytest.fixture
def as_in_production(settings):
    """Production leaves sending to the `send_outbox` worker."""
    settings.OUTBOX_SEND_ON_COMMIT = False


def mail_server_back(settings):
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}


def queue(to="ana@example.org", **kwargs):
    return outbox.queue_email(to=to, subject="Hello", body="Welcome.", **kwargs)


def invite(roles, address):
    return client_for("facilitator", roles).post(
        reverse("cohorts:invite", args=["demo-cohort"]),
        {"team": roles["team_a"].pk, "email": address, "role": "member"},
    )


def reloaded(email):
    email.refresh_from_db()
    return email


# --- a request never waits for the mail server ---------------------------------------------


def test_inviting_answers_and_queues_the_email_whatever_the_mail_server_does(
    roles, mail_server_down, as_in_production, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(roles, "new@example.org")
    assert response.status_code == 302
    invitation = Invitation.objects.get(email="new@example.org")
    email = OutgoingEmail.objects.get(to="new@example.org")
    assert (email.status, email.attempts) == (Status.QUEUED, 0)
    assert f"/invitations/{invitation.token}/" in email.body
    assert mail.outbox == []


def test_password_reset_answers_and_queues_the_email_whatever_the_mail_server_does(
    client, user, mail_server_down, as_in_production, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_reset_password"), {"email": user.email})
    assert response.status_code == 302
    email = OutgoingEmail.objects.get(to=user.email)
    assert email.status == Status.QUEUED and "password" in email.body.lower()
    assert email.user == user


def test_even_the_immediate_path_of_development_never_fails_the_request(
    roles, settings, closed_port, django_capture_on_commit_callbacks
):
    settings.MAILERS = {
        "default": {"BACKEND": SMTP, "OPTIONS": {"host": "127.0.0.1", "port": closed_port}}
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(roles, "new@example.org")
    assert response.status_code == 302
    email = OutgoingEmail.objects.get(to="new@example.org")
    assert (email.status, email.attempts) == (Status.QUEUED, 1)
    assert "refused" in email.last_error.lower()


def test_a_500_row_bulk_invitation_sends_nothing_inside_the_request(
    roles, as_in_production, django_capture_on_commit_callbacks
):
    lines = "\n".join(f"person{n}@example.org,Person {n},member" for n in range(500))
    client = client_for("facilitator", roles)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("cohorts:bulk_invite", args=["demo-cohort"]),
            {"team": roles["team_b"].pk, "lines": lines},
        )
    assert "500 invitations sent" in response.content.decode()
    assert mail.outbox == []
    assert OutgoingEmail.objects.filter(status=Status.QUEUED).count() == 500
    assert outbox.deliver_due(limit=1000) == 500
    assert len(mail.outbox) == 500
    assert not OutgoingEmail.objects.exclude(status=Status.SENT).exists()


def test_a_rolled_back_change_sends_nothing(django_capture_on_commit_callbacks):
    from django.db import transaction

    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        queue()
        raise RuntimeError
    assert not OutgoingEmail.objects.exists()
    assert mail.outbox == []


# --- retries ----------------------------------------------------------------------------------


def test_mail_server_down_retries_at_1_5_30_minutes_then_6_hours_and_fails_after_2_days(
    closed_port, settings
):
    settings.MAILERS = {
        "default": {"BACKEND": SMTP, "OPTIONS": {"host": "127.0.0.1", "port": closed_port}}
    }
    email = queue()
    start = email.created_at
    tried_at = []
    while reloaded(email).status == Status.QUEUED:
        now = email.next_attempt_at
        # Nothing is tried before it is due.
        assert outbox.deliver_due(now=now - timedelta(seconds=1)) == 0
        assert outbox.deliver_due(now=now) == 1
        tried_at.append(now - start)
    minutes, hours = timedelta(minutes=1), timedelta(hours=1)
    assert tried_at == [
        timedelta(0),
        1 * minutes,
        6 * minutes,
        36 * minutes,
        *[6 * hours * n + 36 * minutes for n in range(1, 8)],
        timedelta(days=2),
    ]
    assert email.status == Status.FAILED and email.attempts == len(tried_at)
    assert "refused" in email.last_error.lower()
    assert outbox.deliver_due(now=start + timedelta(days=30)) == 0, "a failed email stays failed"
    assert mail.outbox == []


@pytest.fixture
def picky_server(settings):
    """A real mail server that refuses one mailbox for good and another for now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    sink = SMTPSink(
        port,
        replies={
            "gone@example.org": b"550 5.1.1 No such user here",
            "busy@example.org": b"451 4.3.0 Mailbox busy, try again later",
        },
    )
    sink.start()
    settings.MAILERS = {
        "default": {"BACKEND": SMTP, "OPTIONS": {"host": "127.0.0.1", "port": port}}
    }
    yield sink
    sink.stop()


def test_a_mailbox_refused_for_good_fails_at_once_instead_of_retrying_for_two_days(
    picky_server,
):
    email = queue(to="gone@example.org")
    outbox.deliver_due(now=email.created_at)
    assert reloaded(email).status == Status.FAILED, "a 5xx answer will not change by retrying"
    assert email.attempts == 1 and "550" in email.last_error
    assert outbox.deliver_due(now=email.created_at + timedelta(hours=1)) == 0
    assert picky_server.messages == []


def test_a_mailbox_refused_for_now_is_retried_and_others_still_go_out(picky_server):
    busy, fine = queue(to="busy@example.org"), queue(to="ana@example.org")
    now = fine.created_at
    outbox.deliver_due(now=now)
    assert reloaded(busy).status == Status.QUEUED and "451" in busy.last_error
    assert busy.next_attempt_at == now + timedelta(minutes=1)
    assert reloaded(fine).status == Status.SENT
    assert [m["To"] for m in picky_server.messages] == ["ana@example.org"]


def test_the_email_goes_out_once_when_the_mail_server_is_back(hanging_server, settings):
    settings.MAILERS = {
        "default": {
            "BACKEND": SMTP,
            "OPTIONS": {"host": "127.0.0.1", "port": hanging_server, "timeout": 0.2},
        }
    }
    email = queue()
    outbox.deliver_due(now=email.created_at)
    assert reloaded(email).status == Status.QUEUED and "timed out" in email.last_error
    mail_server_back(settings)
    outbox.deliver_due(now=email.next_attempt_at)
    assert [m.to for m in mail.outbox] == [["ana@example.org"]]
    assert reloaded(email).status == Status.SENT and email.attempts == 2
    assert email.last_error == ""


# --- a dead worker, a second worker -----------------------------------------------------------


def test_a_worker_killed_mid_send_leaves_the_email_to_the_next_worker_after_its_lease():
    email = queue()
    now = email.created_at
    claimed = outbox._claim(now=now)  # the worker took it, then died before sending
    assert claimed.pk == email.pk and reloaded(email).status == Status.SENDING
    assert outbox.deliver_due(now=now + outbox.LEASE - timedelta(seconds=1)) == 0
    assert mail.outbox == []
    assert outbox.deliver_due(now=now + outbox.LEASE) == 1
    assert len(mail.outbox) == 1
    assert reloaded(email).status == Status.SENT and email.attempts == 2


def test_a_sent_email_is_never_sent_again():
    email = queue()
    call_command("send_outbox", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("send_outbox", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert outbox.deliver_due(now=timezone.now() + timedelta(days=3)) == 0
    assert outbox.deliver_queued(email.pk) is False
    assert len(mail.outbox) == 1
    assert mail.outbox[0].extra_headers["Message-ID"] == outbox.message_id(reloaded(email))


def test_the_same_key_is_queued_once():
    first = queue(key="invitation:1:abc")
    second = queue(key="invitation:1:abc")
    assert first.pk == second.pk and OutgoingEmail.objects.count() == 1


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL to cut a live connection"
)
@pytest.mark.django_db(transaction=True)
def test_the_worker_loop_survives_losing_the_database(settings):
    """A real failure: the server ends the worker's connection between two iterations."""
    import psycopg

    settings.OUTBOX_SEND_ON_COMMIT = False
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        worker_pid = cursor.fetchone()[0]
    params = connection.get_connection_params()
    sleeps = []

    def sleep(seconds):
        sleeps.append(seconds)
        if len(sleeps) == 1:  # idle: the database restarts under the worker
            with psycopg.connect(**params, autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", [worker_pid])
        elif len(sleeps) == 2:  # backing off: meanwhile someone queues an email
            queue()

    outbox.run_worker(loop=True, idle_seconds=1, sleep=sleep, should_stop=lambda: len(sleeps) >= 3)
    assert sleeps == [1, 1, 1], "idle, back off once, idle"
    assert len(mail.outbox) == 1
    assert OutgoingEmail.objects.get().status == Status.SENT


# --- where failures show ----------------------------------------------------------------------


def fail_for_good(email, settings, port):
    settings.MAILERS = {
        "default": {"BACKEND": SMTP, "OPTIONS": {"host": "127.0.0.1", "port": port}}
    }
    while reloaded(email).status == Status.QUEUED:
        outbox.deliver_due(now=email.next_attempt_at)


def test_an_invitation_whose_email_failed_shows_on_the_cohort_page(
    roles, settings, closed_port, as_in_production, django_capture_on_commit_callbacks
):
    for address in ("lost@example.org", "fine@example.org"):
        with django_capture_on_commit_callbacks(execute=True):
            invite(roles, address)
    fail_for_good(OutgoingEmail.objects.get(to="lost@example.org"), settings, closed_port)
    body = (
        client_for("facilitator", roles)
        .get(reverse("cohorts:cohort", args=["demo-cohort"]))
        .content.decode()
    )
    problem = body.split("could not be delivered")[1].split("</div>")[0]
    assert "lost@example.org" in problem and "fine@example.org" not in problem


def test_site_admins_read_outgoing_email_in_the_wagtail_admin_and_nobody_edits_it(
    roles, settings, closed_port
):
    email = queue(to="lost@example.org")
    fail_for_good(email, settings, closed_port)
    index = reverse("outgoing_email:index")
    response = client_for("site_admin", roles).get(index)
    assert response.status_code == 200
    body = response.content.decode()
    assert "lost@example.org" in body and "Failed" in body and "refused" in body.lower()
    inspect = client_for("site_admin", roles).get(
        reverse("outgoing_email:inspect", args=[email.pk])
    )
    assert inspect.status_code == 200
    for url in (reverse("outgoing_email:add"), reverse("outgoing_email:edit", args=[email.pk])):
        assert client_for("site_admin", roles).get(url).status_code in (302, 403)
    facilitator = client_for("facilitator", roles).get(index)
    assert facilitator.status_code in (302, 403)


# --- privacy ------------------------------------------------------------------------------------


def test_erasing_an_account_erases_the_mail_queued_to_it(user):
    mine = queue(to=user.email)
    theirs = queue(to="someone@example.org")
    assert mine.user == user
    person_erase(user=user, actor=user)
    assert list(OutgoingEmail.objects.all()) == [theirs]


def test_prune_deletes_old_sent_and_failed_mail_only():
    now = timezone.now()
    old_sent = queue(to="a@example.org")
    OutgoingEmail.objects.filter(pk=old_sent.pk).update(
        status=Status.SENT, sent_at=now - timedelta(days=31)
    )
    recent_sent = queue(to="b@example.org")
    OutgoingEmail.objects.filter(pk=recent_sent.pk).update(
        status=Status.SENT, sent_at=now - timedelta(days=29)
    )
    old_failed = queue(to="c@example.org")
    OutgoingEmail.objects.filter(pk=old_failed.pk).update(
        status=Status.FAILED, created_at=now - timedelta(days=31)
    )
    waiting = queue(to="d@example.org")
    OutgoingEmail.objects.filter(pk=waiting.pk).update(created_at=now - timedelta(days=31))
    call_command("prune_outbox", "--days", "30", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert set(OutgoingEmail.objects.values_list("to", flat=True)) == {
        "b@example.org",
        "d@example.org",
    }
