"""Public forms never mail what a visitor typed to the address the visitor typed.

The submitter gets a confirmation with the page's fixed text; facilitators (staff) get the
content. Both leave through the task queue after commit, so a broken mail server never loses a
submission or answers a 500.
"""

import socket

import pytest

# What an attacker would like the project to mail to a stranger's address.
TYPED = {
    "district": "Buy cheap pills",
    "school": "http://spam.example/offer",
    "team_members_and_roles": "Dear victim, click the link",
    "contact_name": "Your bank",
    "contact_email": "victim@example.net",
    "what_the_team_wants_to_work_on": "Your account is locked: log in at http://phish.example",
    "equity_focus": "Resource distribution",
    "website": "",
}


@pytest.mark.django_db
def test_the_confirmation_carries_none_of_what_was_typed(
    client, proposal, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(proposal.url, TYPED)
        assert mailoutbox == []  # nothing is sent inside the request
    assert response.status_code == 200
    assert len(callbacks) >= 1
    confirmation = next(m for m in mailoutbox if m.to == ["victim@example.net"])
    assert confirmation.subject == "We received your proposal"
    # The page's text, then only the site's signature.
    text, signature = confirmation.body.split("\n--\n")
    assert text.strip() == "Thank you. A facilitator will reply within two weeks."
    assert signature.strip() == "Equity Improvement Project: http://testserver/"
    typed_text = [value for key, value in TYPED.items() if value and key != "contact_email"]
    message = confirmation.message().as_string()
    for value in typed_text:
        assert value not in message
    # The facilitators' notice goes to staff and carries the content.
    notice = next(m for m in mailoutbox if m.to == ["facilitator@example.org"])
    assert "Your account is locked" in notice.body
    assert "victim@example.net" in notice.body


@pytest.mark.django_db
def test_a_page_without_confirmation_text_sends_the_fixed_default(
    client, proposal, mailoutbox, django_capture_on_commit_callbacks
):
    proposal.confirmation_subject = ""
    proposal.confirmation_text = ""
    proposal.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(proposal.url, TYPED)
    confirmation = next(m for m in mailoutbox if m.to == ["victim@example.net"])
    assert confirmation.subject == "We received your message"
    for value in TYPED.values():
        if value and value != "victim@example.net":
            assert value not in confirmation.body


def closed_port() -> int:
    """A local port nobody listens on: connecting to it is refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.django_db
def test_a_broken_mail_server_loses_no_submission(
    client, proposal, settings, django_capture_on_commit_callbacks
):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": closed_port(), "timeout": 5},
        }
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(proposal.url, TYPED)
    assert response.status_code in (200, 302)
    assert "Thank you" in response.text
    submission = proposal.get_submission_class().objects.get(page=proposal)
    assert submission.get_data()["district"] == "Buy cheap pills"
