import datetime

import pytest

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from norms import services
from norms.models import CheckIn, NormSet
from norms.queries import is_declining, panel_context, rating_series
from tests.conftest import client_for

from .conftest import make_check_in, make_set

pytestmark = pytest.mark.django_db

D1, D2, D3 = datetime.date(2026, 9, 17), datetime.date(2026, 10, 1), datetime.date(2026, 10, 15)


@pytest.fixture
def ratified(roles):
    return make_set(
        roles["team_a"], status=NormSet.Status.RATIFIED, statements=("Stay engaged", "Pause")
    )


def test_check_in_requires_every_rating_between_1_and_4(roles, ratified):
    engaged, pause = ratified.norms.all()
    client = client_for("member_a", roles)
    url = reverse("norms:check_in", args=["team-a"])
    response = client.post(url, {"met_on": D1.isoformat(), f"norm_{engaged.pk}": "5"})
    assert response.status_code == 400
    html = response.content.decode()
    assert f'id="id_norm_{engaged.pk}_error"' in html
    assert f'id="id_norm_{pause.pk}_error"' in html
    assert not CheckIn.objects.exists()
    ok = client.post(
        url,
        {
            "met_on": D1.isoformat(),
            f"norm_{engaged.pk}": "4",
            f"norm_{pause.pk}": "2",
            "hard_norm": str(pause.pk),
        },
    )
    assert ok.status_code == 302
    check_in = CheckIn.objects.get()
    assert check_in.hard_norm == pause
    assert sorted(check_in.ratings.values_list("value", flat=True)) == [2, 4]


def test_check_in_refuses_future_dates_and_foreign_norms(roles, ratified):
    engaged, pause = ratified.norms.all()
    ratings = {engaged.pk: 3, pause.pk: 3}
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        services.check_in_record(
            team=roles["team_a"], user=roles["member_a"], met_on=tomorrow, ratings=ratings
        )
    assert "met_on" in error.value.message_dict
    other = make_set(roles["team_b"], status=NormSet.Status.RATIFIED).norms.get()
    with pytest.raises(ValidationError):
        services.check_in_record(
            team=roles["team_a"],
            user=roles["member_a"],
            met_on=D1,
            ratings=ratings,
            hard_norm_id=other.pk,
        )
    with pytest.raises(ValidationError):
        services.check_in_record(
            team=roles["team_a"],
            user=roles["member_a"],
            met_on=D1,
            ratings={engaged.pk: 0, pause.pk: 3},
        )


def test_a_second_check_in_for_the_same_meeting_replaces_the_first(roles, ratified):
    engaged, pause = ratified.norms.all()
    for value in (2, 4):
        services.check_in_record(
            team=roles["team_a"],
            user=roles["member_a"],
            met_on=D1,
            ratings={engaged.pk: value, pause.pk: value},
        )
    assert CheckIn.objects.count() == 1
    assert set(CheckIn.objects.get().ratings.values_list("value", flat=True)) == {4}


def test_no_check_in_before_ratification(roles):
    make_set(roles["team_a"])
    with pytest.raises(ValidationError):
        services.check_in_record(
            team=roles["team_a"], user=roles["member_a"], met_on=D1, ratings={}
        )


@pytest.mark.parametrize(
    ("averages", "declining"),
    [
        ([], False),
        ([3.5], False),
        ([2.4], True),
        ([3.5, 3.0], False),
        ([3.75, 3.0], True),
        ([4.0, 3.5, 2.75], True),
        ([2.0, 2.6], False),
        ([3.0, 2.5], False),
    ],
)
def test_decline_detection(averages, declining):
    assert is_declining(averages) is declining


def test_falling_norm_is_suggested_on_the_team_space_panel(roles, ratified):
    for met_on, values_a, values_b in [
        (D1, (4, 4), (4, 4)),
        (D2, (4, 3), (4, 3)),
        (D3, (4, 2), (3, 2)),
    ]:
        make_check_in(ratified, roles["member_a"], met_on, values_a)
        make_check_in(ratified, roles["lead_a"], met_on, values_b)
    context = panel_context(roles["team_a"], roles["member_a"])
    assert [n.statement for n in context["revisit"]] == ["Pause"]
    html = client_for("member_a", roles).get(reverse("cohorts:team", args=["team-a"])).content
    html = html.decode()
    assert "Consider revisiting" in html
    assert "Pause" in html


def test_trend_chart_is_accessible_svg_with_a_data_table(roles, ratified):
    make_check_in(ratified, roles["member_a"], D1, (4, 3))
    make_check_in(ratified, roles["lead_a"], D1, (3, 3))
    make_check_in(ratified, roles["member_a"], D2, (2, 4))
    html = client_for("facilitator", roles).get(reverse("norms:index", args=["team-a"])).content
    html = html.decode()
    assert '<svg role="img" aria-labelledby="norms-chart-title norms-chart-desc"' in html
    assert '<title id="norms-chart-title">' in html and '<desc id="norms-chart-desc">' in html
    assert "<polyline" in html
    assert "<caption>" in html
    assert "3.5 (2)" in html  # Stay engaged on Sep 17: (4 + 3) / 2 from two people
    assert "<script" not in html.split("<main")[1]
    assert "style=" not in html


def test_trend_keeps_check_ins_of_earlier_versions_after_re_ratifying(
    roles, ratified, django_assert_max_num_queries
):
    """Issue 15, item 8: a norm carried into a new version keeps its history on the trend."""
    make_check_in(ratified, roles["member_a"], D1, (4, 4))
    make_check_in(ratified, roles["member_a"], D2, (3, 3))
    ratified.status = NormSet.Status.SUPERSEDED
    ratified.save(update_fields=["status"])
    old_engaged, old_pause = ratified.norms.all()
    version_2 = NormSet.objects.create(
        team=roles["team_a"], number=2, status=NormSet.Status.RATIFIED, based_on=ratified
    )
    engaged = version_2.norms.create(
        statement="Stay engaged", position=1, lineage=old_engaged.lineage
    )
    version_2.norms.create(statement="Listen first", position=2)  # new in version 2
    make_check_in(version_2, roles["member_a"], D3, (2, 4))

    norms = list(version_2.norms.all())
    with django_assert_max_num_queries(1):
        dates, series = rating_series(version_2, norms)
    assert dates == [D1, D2, D3]
    by_norm = {s.norm.statement: s for s in series}
    assert [p[:2] for p in by_norm["Stay engaged"].points] == [(D1, 4.0), (D2, 3.0), (D3, 2.0)]
    assert [p[:2] for p in by_norm["Listen first"].points] == [(D3, 4.0)]
    assert by_norm["Stay engaged"].norm == engaged
    assert "Pause" not in by_norm


def test_a_new_check_in_shows_on_the_cached_trend_chart_at_once(roles, ratified):
    engaged, pause = ratified.norms.all()
    make_check_in(ratified, roles["member_a"], D1, (4, 3))
    client = client_for("member_a", roles)
    url = reverse("norms:index", args=["team-a"])
    assert "4.0 (1)" in client.get(url).text
    assert "4.0 (1)" in client.get(url).text  # the cached chart
    posted = client.post(
        reverse("norms:check_in", args=["team-a"]),
        {"met_on": D2.isoformat(), f"norm_{engaged.pk}": "1", f"norm_{pause.pk}": "2"},
    )
    assert posted.status_code == 302
    html = client.get(url).text
    assert "1.0 (1)" in html and "2.0 (1)" in html and "4.0 (1)" in html


def test_another_team_never_sees_a_chart_cached_for_this_one(roles, ratified):
    other = make_set(
        roles["team_b"], status=NormSet.Status.RATIFIED, statements=("Stay engaged", "Pause")
    )
    make_check_in(ratified, roles["member_a"], D1, (4, 3))
    make_check_in(other, roles["member_b"], D1, (2, 1))
    assert (
        "4.0 (1)" in client_for("member_a", roles).get(reverse("norms:index", args=["team-a"])).text
    )
    theirs = client_for("member_b", roles).get(reverse("norms:index", args=["team-b"])).text
    assert "2.0 (1)" in theirs and "1.0 (1)" in theirs and "4.0 (1)" not in theirs
