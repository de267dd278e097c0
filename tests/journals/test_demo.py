import pytest

from journals.demo import seed_journals
from journals.models import IdentityTool, JournalEntry


def test_seed_journals_does_nothing_without_people(db):
    assert seed_journals() == 0
    assert not JournalEntry.objects.exists()


def test_seed_journals_is_idempotent_and_covers_every_kind_and_visibility(roles):
    from programs.demo_content import JOURNAL_SAMPLES

    first = seed_journals()
    assert first == 2 * len(JOURNAL_SAMPLES)
    assert seed_journals() == 0
    for email in ("member@example.org", "lead@example.org"):
        mine = JournalEntry.objects.filter(author__email=email)
        assert set(mine.values_list("kind", flat=True)) == {"identity", "learning", "team"}
        assert set(mine.values_list("visibility", flat=True)) == {"private", "facilitator", "team"}
        assert IdentityTool.objects.filter(author__email=email, kind="wheel").count() == 1
    assert "<script" not in "".join(JournalEntry.objects.values_list("body", flat=True))


@pytest.mark.parametrize("email", ["member@example.org"])
def test_seeded_private_entries_stay_private(roles, email, client):
    seed_journals()
    private = JournalEntry.objects.filter(author__email="lead@example.org", visibility="private")
    client.force_login(roles["member_a"])
    for entry in private:
        assert client.get(entry.get_absolute_url()).status_code == 404
