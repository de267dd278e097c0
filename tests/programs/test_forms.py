"""Partnership and contact-list forms: stored, exported, confirmed, and kept from bots."""

import pytest

from django.test import override_settings
from django.urls import reverse


def valid_data(**overrides):
    data = {
        "district": "Juniper Unified",
        "school": "Mesa Linda Elementary",
        "team_members_and_roles": "Ana, principal\nBo, teacher",
        "contact_name": "Ana Ruiz",
        "contact_email": "ana@example.org",
        "what_the_team_wants_to_work_on": "Chronic absenteeism among foster youth.",
        "equity_focus": "Resource distribution",
        "website": "",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_submission_is_stored_and_emails_sent(
    client, proposal, facilitator, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(proposal.url, valid_data())
    assert response.status_code == 200
    assert "Thank you" in response.text
    submission = proposal.get_submission_class().objects.get(page=proposal)
    assert submission.get_data()["district"] == "Juniper Unified"
    assert "website" not in submission.form_data
    recipients = {tuple(m.to) for m in mailoutbox}
    assert ("facilitator@example.org",) in recipients
    confirmation = next(m for m in mailoutbox if m.to == ["ana@example.org"])
    assert confirmation.subject == "We received your proposal"
    assert "Mesa Linda Elementary" not in confirmation.body


@pytest.mark.django_db
def test_facilitator_sees_submissions_and_csv(client, proposal, facilitator):
    client.post(proposal.url, valid_data())
    client.force_login(facilitator)
    listing = reverse("wagtailforms:list_submissions", args=[proposal.pk])
    response = client.get(listing)
    assert response.status_code == 200
    assert "Juniper Unified" in response.text
    csv = client.get(listing + "?export=csv")
    assert csv.status_code == 200
    assert "text/csv" in csv["Content-Type"]
    content = b"".join(csv.streaming_content) if csv.streaming else csv.content
    assert b"Juniper Unified" in content


@pytest.mark.django_db
def test_honeypot_rejects_bots(client, proposal, mailoutbox):
    response = client.post(proposal.url, valid_data(website="http://spam.example"))
    assert response.status_code == 200
    assert not proposal.get_submission_class().objects.exists()
    assert mailoutbox == []


@pytest.mark.django_db
def test_bad_input_shows_messages_and_keeps_values(client, proposal):
    response = client.post(
        proposal.url, valid_data(contact_email="not-an-email", district="", school="Oak <b>")
    )
    assert response.status_code == 200
    text = response.text
    assert "Enter a valid email address." in text
    assert "This field is required." in text
    assert 'value="not-an-email"' in text
    assert 'value="Oak &lt;b&gt;"' in text
    assert "Chronic absenteeism among foster youth." in text
    assert 'class="field field-error"' in text
    assert not proposal.get_submission_class().objects.exists()


@pytest.mark.django_db
def test_rate_limit_per_ip(client, proposal):
    for _ in range(5):
        assert client.post(proposal.url, valid_data()).status_code == 200
    response = client.post(proposal.url, valid_data())
    assert response.status_code == 429
    assert "Too many submissions" in response.text
    assert proposal.get_submission_class().objects.count() == 5
    other_ip = client.post(proposal.url, valid_data(), REMOTE_ADDR="10.0.0.9")
    assert other_ip.status_code == 200


@pytest.mark.django_db
@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_form_rate_limit_behind_a_proxy_counts_each_client(client, proposal):
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for _ in range(5):
        client.post(proposal.url, valid_data(), HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy)
    blocked = client.post(proposal.url, valid_data(), HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy)
    assert blocked.status_code == 429
    other = client.post(proposal.url, valid_data(), HTTP_X_FORWARDED_FOR="198.51.100.2", **proxy)
    assert other.status_code == 200
