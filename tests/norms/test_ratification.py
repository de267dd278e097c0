import datetime

import pytest

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.urls import reverse

from cohorts.services import membership_end
from norms import services
from norms.models import NormSet, Vote
from tests.conftest import client_for

from .conftest import make_set, vote

pytestmark = pytest.mark.django_db


def voting_set(team, number=1):
    return make_set(team, number=number, status=NormSet.Status.VOTING)


def test_only_a_lead_proposes(trio):
    draft = make_set(trio["team"])
    with pytest.raises(PermissionDenied):
        services.norm_set_propose(norm_set=draft, user=trio["member"])
    services.norm_set_propose(norm_set=draft, user=trio["lead"])
    draft.refresh_from_db()
    assert draft.status == NormSet.Status.VOTING
    assert draft.proposed_by == trio["lead"]


def test_an_empty_draft_cannot_be_proposed(trio):
    draft = make_set(trio["team"], statements=())
    with pytest.raises(ValidationError):
        services.norm_set_propose(norm_set=draft, user=trio["lead"])


def test_ratified_when_everyone_agrees_or_can_live_with_it(trio):
    norm_set = voting_set(trio["team"])
    vote(norm_set, trio["lead"])
    vote(norm_set, trio["member"])
    norm_set.refresh_from_db()
    assert norm_set.status == NormSet.Status.VOTING
    vote(norm_set, trio["third"], Vote.Choice.LIVE_WITH)
    norm_set.refresh_from_db()
    assert norm_set.status == NormSet.Status.RATIFIED
    assert norm_set.ratified_at is not None


def test_one_objection_blocks_and_needs_a_reason(trio):
    norm_set = voting_set(trio["team"])
    with pytest.raises(ValidationError) as error:
        vote(norm_set, trio["member"], Vote.Choice.CANNOT, "")
    assert "reason" in error.value.message_dict
    vote(norm_set, trio["lead"])
    vote(norm_set, trio["member"], Vote.Choice.CANNOT, "Too vague")
    vote(norm_set, trio["third"])
    norm_set.refresh_from_db()
    assert norm_set.status == NormSet.Status.VOTING
    # Changing one's vote before ratification is an update, not a second vote.
    _vote, changed = vote(norm_set, trio["member"], Vote.Choice.LIVE_WITH)
    assert changed
    assert Vote.objects.filter(norm_set=norm_set, user=trio["member"]).count() == 1
    norm_set.refresh_from_db()
    assert norm_set.status == NormSet.Status.RATIFIED


def test_objection_reason_is_visible_to_the_team(trio, roles):
    norm_set = voting_set(trio["team"])
    vote(norm_set, trio["member"], Vote.Choice.CANNOT, "We never said what pausing means")
    response = client_for("lead_a", roles).get(reverse("norms:index", args=[trio["team"].slug]))
    assert "We never said what pausing means" in response.content.decode()


def test_a_member_leaving_mid_vote_no_longer_counts(trio, roles):
    norm_set = voting_set(trio["team"])
    vote(norm_set, trio["lead"])
    vote(norm_set, trio["member"])
    vote(norm_set, trio["third"], Vote.Choice.CANNOT, "Not yet")
    membership = trio["team"].memberships.get(user=trio["third"], left_on__isnull=True)
    membership_end(membership=membership, by=roles["facilitator"])
    norm_set.refresh_from_db()
    assert norm_set.status == NormSet.Status.RATIFIED


def test_a_silent_member_leaving_completes_the_vote(trio):
    norm_set = voting_set(trio["team"])
    vote(norm_set, trio["lead"])
    vote(norm_set, trio["member"])
    trio["team"].memberships.filter(user=trio["third"]).update(left_on=datetime.date.today())
    # Updates that bypass save() are caught when the set is next evaluated.
    assert services.norm_set_evaluate(norm_set)


def test_ratifying_supersedes_the_previous_version(trio):
    first = make_set(trio["team"], status=NormSet.Status.RATIFIED)
    second = voting_set(trio["team"], number=2)
    for person in (trio["lead"], trio["member"], trio["third"]):
        vote(second, person)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == NormSet.Status.SUPERSEDED
    assert second.status == NormSet.Status.RATIFIED


def test_facilitator_closes_a_stalled_vote_with_a_reason(trio, roles):
    norm_set = voting_set(trio["team"])
    vote(norm_set, trio["lead"])
    with pytest.raises(PermissionDenied):
        services.norm_set_close(norm_set=norm_set, user=trio["lead"], reason="x")
    with pytest.raises(ValidationError):
        services.norm_set_close(norm_set=norm_set, user=roles["facilitator"], reason="  ")
    closed = services.norm_set_close(
        norm_set=norm_set, user=roles["facilitator"], reason="Two members on leave since October"
    )
    assert closed.status == NormSet.Status.RATIFIED
    assert closed.closed_by == roles["facilitator"]
    assert closed.close_reason == "Two members on leave since October"


def test_closing_a_vote_with_an_objection_returns_it_to_drafting(trio, roles):
    norm_set = voting_set(trio["team"])
    vote(norm_set, trio["member"], Vote.Choice.CANNOT, "No")
    response = client_for("facilitator", roles).post(
        reverse("norms:close", args=[trio["team"].slug, 1]), {"reason": "Stalled"}
    )
    assert response.status_code == 302
    norm_set.refresh_from_db()
    assert norm_set.status == NormSet.Status.DRAFT
    assert norm_set.close_reason == "Stalled"


def test_double_vote_is_an_update_with_a_friendly_message(trio, roles):
    norm_set = voting_set(trio["team"])
    client = client_for("member_a", roles)
    url = reverse("norms:vote", args=[trio["team"].slug, norm_set.number])
    client.post(url, {"choice": "agree"})
    response = client.post(url, {"choice": "live_with"}, follow=True)
    assert "your vote was changed" in response.content.decode()
    assert Vote.objects.get(norm_set=norm_set, user=trio["member"]).choice == "live_with"


def test_the_database_refuses_a_second_vote_row(trio):
    norm_set = voting_set(trio["team"])
    Vote.objects.create(norm_set=norm_set, user=trio["member"], choice="agree")
    with pytest.raises(IntegrityError):
        Vote.objects.create(norm_set=norm_set, user=trio["member"], choice="agree")


def test_voting_on_a_superseded_version_is_refused(trio, roles):
    old = make_set(trio["team"], status=NormSet.Status.SUPERSEDED)
    client = client_for("member_a", roles)
    response = client.post(
        reverse("norms:vote", args=[trio["team"].slug, old.number]),
        {"choice": "agree"},
        follow=True,
    )
    assert "replaced by a newer one" in response.content.decode()
    assert not Vote.objects.exists()


def test_voting_for_another_team_is_404(trio, roles):
    other = voting_set(roles["team_b"])
    client = client_for("member_a", roles)
    response = client.post(
        reverse("norms:vote", args=[roles["team_b"].slug, other.number]), {"choice": "agree"}
    )
    assert response.status_code == 404
    # The team-a URL with team b's version number finds nothing either.
    response = client.post(
        reverse("norms:vote", args=[trio["team"].slug, other.number]), {"choice": "agree"}
    )
    assert response.status_code == 404
    assert not Vote.objects.exists()


def test_facilitators_cannot_vote(trio, roles):
    norm_set = voting_set(trio["team"])
    with pytest.raises(PermissionDenied):
        vote(norm_set, roles["facilitator"])


def test_cannot_agree_without_reason_shows_error_beside_field(trio, roles):
    norm_set = voting_set(trio["team"])
    response = client_for("member_a", roles).post(
        reverse("norms:vote", args=[trio["team"].slug, norm_set.number]), {"choice": "cannot"}
    )
    assert response.status_code == 400
    assert 'id="id_reason_error"' in response.content.decode()
