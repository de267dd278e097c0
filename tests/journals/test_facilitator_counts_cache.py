"""The facilitator journal's counts are cached per team version: a new entry counts at once."""

import pytest

from django.urls import reverse

from cohorts.models import Team
from journals import services
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

URL = reverse("journals:facilitator")


def _counts(client) -> dict[str, tuple[int, int]]:
    rows = client.get(URL).context["counts"]
    return {row["team__name"]: (row["total"], row["shared"]) for row in rows}


def _write(roles, visibility):
    return services.entry_create(
        author=roles["member_a"], team=roles["team_a"], title="Week 5", body="<p>Notes</p>",
        kind="learning", visibility=visibility,
    )  # fmt: skip


def test_entries_written_made_private_and_deleted_count_at_once(roles):
    client = client_for("facilitator", roles)
    assert _counts(client) == {}
    entry = _write(roles, "team")
    assert _counts(client) == {"Team A": (1, 1)}
    _write(roles, "private")
    assert _counts(client) == {"Team A": (2, 1)}
    services.entry_update(
        entry=entry, author=roles["member_a"], version=None, title="Week 5", body="<p>Notes</p>",
        visibility="private",
    )  # fmt: skip
    assert _counts(client) == {"Team A": (2, 0)}
    services.entry_delete(entry=entry, author=roles["member_a"])
    assert _counts(client) == {"Team A": (1, 0)}
    Team.objects.filter(pk=roles["team_a"].pk).update(name="Team Alpha")
    assert _counts(client) == {"Team Alpha": (1, 0)}


def test_another_cohorts_facilitator_never_sees_these_counts(roles):
    _write(roles, "team")
    assert _counts(client_for("facilitator", roles)) == {"Team A": (1, 1)}
    other = client_for("facilitator_other", roles).get(URL)
    assert "Team A" not in other.content.decode()
