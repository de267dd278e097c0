"""The anonymity decisions the pages ask, tested directly (no database, no page)."""

from types import SimpleNamespace

import pytest

from feedback import anonymity


def request(*, anonymous):
    return SimpleNamespace(anonymous=anonymous)


@pytest.mark.parametrize("is_receiver", [True, False])
@pytest.mark.parametrize("can_manage", [True, False])
def test_reviewers_are_never_listed_for_an_anonymous_request(is_receiver, can_manage):
    assert not anonymity.shows_reviewers(
        request(anonymous=True), is_receiver=is_receiver, can_manage=can_manage
    )


@pytest.mark.parametrize(
    ("is_receiver", "can_manage", "shown"),
    [(True, False, True), (False, True, True), (True, True, True), (False, False, False)],
)
def test_reviewers_of_a_named_request_are_listed_for_the_team_and_its_managers(
    is_receiver, can_manage, shown
):
    named = request(anonymous=False)
    assert anonymity.shows_reviewers(named, is_receiver=is_receiver, can_manage=can_manage) is shown


@pytest.mark.parametrize(
    ("released", "is_receiver", "can_manage", "shown"),
    [
        (True, True, False, True),  # after the release everyone who reads sees the count
        (True, False, False, True),
        (False, True, False, False),  # the receiving team would see each answer arrive
        (False, True, True, False),  # a facilitator on the receiving team: the same
        (False, False, True, True),  # a facilitator chasing reviewers follows it
        (False, False, False, False),
    ],
)
def test_the_live_answer_count_is_hidden_from_the_receivers_until_release(
    released, is_receiver, can_manage, shown
):
    assert (
        anonymity.shows_answer_count(
            released=released, is_receiver=is_receiver, can_manage=can_manage
        )
        is shown
    )


def answers(*ratings, comment=""):
    return [SimpleNamespace(rating=r, comment=comment) for r in ratings]


def test_session_results_below_the_minimum_show_only_the_count():
    below = answers(*([4] * (anonymity.SESSION_RESULTS_MINIMUM - 1)), comment="Loved it")
    results = anonymity.session_results(below)
    assert results["count"] == anonymity.SESSION_RESULTS_MINIMUM - 1
    assert not results["shown"]
    assert results["average"] is None
    assert results["distribution"] == []
    assert results["comments"] == []


def test_session_results_from_the_minimum_on_show_average_spread_and_comments():
    at = answers(5, 5, 4, 3, 3)[: anonymity.SESSION_RESULTS_MINIMUM]
    at[0].comment = "More time for the protocol"
    results = anonymity.session_results(at)
    assert results["shown"]
    assert results["average"] == pytest.approx(4.0)
    assert results["distribution"] == [(5, 2), (4, 1), (3, 2), (2, 0), (1, 0)]
    assert results["comments"] == ["More time for the protocol"]
    assert results["minimum"] == anonymity.SESSION_RESULTS_MINIMUM
