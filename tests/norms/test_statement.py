import pytest

from django.core.exceptions import ValidationError
from django.urls import reverse

from norms import services
from norms.models import Endorsement, IdentityStatement
from tests.conftest import client_for

from .conftest import statement

pytestmark = pytest.mark.django_db

TEXT = {
    "who_we_are": "Four educators",
    "why_we_do_this_work": "Belonging",
    "what_we_commit_to": "Listen\nAct",
}


def test_members_co_author_versions(roles):
    client = client_for("member_a", roles)
    url = reverse("norms:statement", args=["team-a"])
    assert client.post(url, {**TEXT, "based_on": "0"}).status_code == 302
    assert (
        client_for("lead_a", roles)
        .post(url, {**TEXT, "who_we_are": "Five", "based_on": "1"})
        .status_code
        == 302
    )
    assert list(IdentityStatement.objects.values_list("number", "who_we_are")) == [
        (2, "Five"),
        (1, "Four educators"),
    ]
    assert IdentityStatement.objects.first().commitments == ["Listen", "Act"]


def test_stale_statement_save_shows_both_texts(roles):
    statement(roles["team_a"], roles["lead_a"])
    url = reverse("norms:statement", args=["team-a"])
    client_for("lead_a", roles).post(url, {**TEXT, "who_we_are": "Lead's text", "based_on": "1"})
    response = client_for("member_a", roles).post(
        url, {**TEXT, "who_we_are": "Member's text", "based_on": "1"}
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Lead&#x27;s text" in html and "Member&#x27;s text" in html
    assert IdentityStatement.objects.count() == 2


def test_empty_statement_fields_are_refused(roles):
    response = client_for("member_a", roles).post(
        reverse("norms:statement", args=["team-a"]), {**TEXT, "who_we_are": " ", "based_on": "0"}
    )
    assert response.status_code == 400
    assert 'id="id_who_we_are_error"' in response.content.decode()


def test_endorsements_by_each_member_once_and_only_on_current_version(roles):
    first = statement(roles["team_a"], roles["lead_a"])
    client = client_for("member_a", roles)
    url = reverse("norms:statement_endorse", args=["team-a", 1])
    client.post(url)
    client.post(url)
    assert Endorsement.objects.filter(user=roles["member_a"]).count() == 1
    statement(roles["team_a"], roles["lead_a"], number=2)
    with pytest.raises(ValidationError):
        services.statement_endorse(statement=first, user=roles["lead_a"])
    html = client.get(reverse("norms:statement", args=["team-a"])).content.decode()
    assert "Nobody has endorsed this version yet" in html


def test_comments_and_the_panel_shows_the_current_version(roles):
    statement(roles["team_a"], roles["lead_a"])
    client = client_for("member_a", roles)
    client.post(reverse("norms:statement_comment", args=["team-a", 1]), {"body": "Name languages"})
    html = client.get(reverse("norms:statement", args=["team-a"])).content.decode()
    assert "Name languages" in html
    team_space = client.get(reverse("cohorts:team", args=["team-a"])).content.decode()
    assert "We are four educators." in team_space
    assert "version 1" in team_space
