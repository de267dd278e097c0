import pytest

from django.core.exceptions import ValidationError
from django.urls import reverse

from norms import services
from norms.models import Condition, Norm, NormSet
from norms.queries import norm_diff
from tests.conftest import client_for

from .conftest import make_set

pytestmark = pytest.mark.django_db


def test_empty_condition_is_refused_beside_the_field(roles):
    client = client_for("member_a", roles)
    response = client.post(reverse("norms:condition_add", args=["team-a"]), {"text": "   "})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_text_error"' in html
    assert "Write the condition you need" in html
    assert not Condition.objects.exists()


def test_conditions_are_added_grouped_and_seen_by_the_team(roles):
    client = client_for("member_a", roles)
    client.post(reverse("norms:condition_add", args=["team-a"]), {"text": "Start on time"})
    condition = Condition.objects.get()
    client.post(
        reverse("norms:condition_group", args=["team-a", condition.pk]), {"group_label": "Time"}
    )
    condition.refresh_from_db()
    assert condition.group_label == "Time"
    html = client_for("lead_a", roles).get(reverse("norms:index", args=["team-a"])).content
    assert b"Start on time" in html
    assert b"<h3>Time</h3>" in html


def test_empty_norm_is_refused_beside_the_field(roles):
    make_set(roles["team_a"])
    response = client_for("member_a", roles).post(
        reverse("norms:norm_add", args=["team-a"]), {"statement": "", "in_practice": "x"}
    )
    assert response.status_code == 400
    assert 'id="id_statement_error"' in response.content.decode()
    with pytest.raises(ValidationError):
        services.norm_add(
            norm_set=NormSet.objects.get(), user=roles["member_a"], statement="  ", in_practice=""
        )


def test_templates_add_their_norms_once(roles):
    draft = services.draft_start(team=roles["team_a"], user=roles["member_a"])
    services.template_apply(
        norm_set=draft, user=roles["member_a"], slug="courageous-conversations-four-agreements"
    )
    services.template_apply(
        norm_set=draft, user=roles["member_a"], slug="courageous-conversations-four-agreements"
    )
    assert list(draft.norms.values_list("statement", flat=True)) == [
        "Stay engaged",
        "Experience discomfort",
        "Speak your truth",
        "Expect and accept non-closure",
    ]
    services.template_apply(
        norm_set=draft, user=roles["member_a"], slug="seven-norms-of-collaboration"
    )
    assert draft.norms.count() == 11


def test_concurrent_edits_never_lose_work(roles):
    draft = make_set(roles["team_a"], statements=("Stay engaged",))
    norm = draft.norms.get()
    url = reverse("norms:norm_edit", args=["team-a", norm.pk])
    lead, member = client_for("lead_a", roles), client_for("member_a", roles)
    # Both open the form at revision 1.
    assert b'name="revision" value="1"' in lead.get(url).content
    assert b'name="revision" value="1"' in member.get(url).content
    first = lead.post(url, {"statement": "Stay engaged, always", "revision": "1"})
    assert first.status_code == 302
    stale = member.post(
        url, {"statement": "Stay present", "in_practice": "Phones away", "revision": "1"}
    )
    assert stale.status_code == 409
    html = stale.content.decode()
    assert "Stay engaged, always" in html  # their text
    assert "Stay present" in html  # my text, kept in the form
    assert 'name="revision" value="2"' in html  # now based on theirs
    norm.refresh_from_db()
    assert norm.statement == "Stay engaged, always"  # the stale save was not applied
    # Choosing "save my version" from the conflict page applies it.
    again = member.post(
        url, {"statement": "Stay present", "in_practice": "Phones away", "revision": "2"}
    )
    assert again.status_code == 302
    norm.refresh_from_db()
    assert (norm.statement, norm.revision) == ("Stay present", 3)


def test_stale_service_call_raises(roles):
    norm = make_set(roles["team_a"]).norms.get()
    services.norm_update(norm=norm, user=roles["lead_a"], statement="A", in_practice="", revision=1)
    with pytest.raises(services.StaleEdit) as stale:
        services.norm_update(
            norm=norm, user=roles["member_a"], statement="B", in_practice="", revision=1
        )
    assert stale.value.current.statement == "A"


def test_revise_copies_the_ratified_version_and_history_shows_the_diff(roles):
    team = roles["team_a"]
    ratified = make_set(
        team, status=NormSet.Status.RATIFIED, statements=("Stay engaged", "Pause", "Be on time")
    )
    draft = services.draft_start(team=team, user=roles["member_a"])
    assert draft.number == 2 and draft.based_on == ratified
    assert list(draft.norms.values_list("statement", flat=True)) == [
        "Stay engaged",
        "Pause",
        "Be on time",
    ]
    pause = draft.norms.get(statement="Pause")
    services.norm_update(
        norm=pause,
        user=roles["member_a"],
        statement="Pause before responding",
        in_practice="",
        revision=pause.revision,
    )
    draft.norms.get(statement="Be on time").delete()
    services.norm_add(norm_set=draft, user=roles["member_a"], statement="Speak your truth")
    diff = norm_diff(list(ratified.norms.all()), list(draft.norms.all()))
    assert [n.statement for n in diff["added"]] == ["Speak your truth"]
    assert [n.statement for n in diff["removed"]] == ["Be on time"]
    assert [(c["old"].statement, c["new"].statement) for c in diff["changed"]] == [
        ("Pause", "Pause before responding")
    ]
    html = client_for("facilitator", roles).get(reverse("norms:history", args=["team-a"])).content
    html = html.decode()
    assert "Added: Speak your truth" in html
    assert "Removed: Be on time" in html
    assert "<del>Pause</del> → <ins>Pause before responding</ins>" in html


def test_starting_a_draft_twice_returns_the_same_draft(roles):
    first = services.draft_start(team=roles["team_a"], user=roles["member_a"])
    second = services.draft_start(team=roles["team_a"], user=roles["lead_a"])
    assert first.pk == second.pk
    assert NormSet.objects.count() == 1


def test_a_proposed_set_is_no_longer_editable(roles):
    draft = make_set(roles["team_a"])
    services.norm_set_propose(norm_set=draft, user=roles["lead_a"])
    with pytest.raises(ValidationError):
        services.norm_add(norm_set=draft, user=roles["member_a"], statement="Late idea")
    assert Norm.objects.count() == 1
