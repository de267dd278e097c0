import pytest

from journals.factories import JournalEntryFactory
from journals.models import Kind, Visibility

PRIVATE_BODY = "A private thought about language and belonging"
FACILITATOR_BODY = "Shared only with facilitators about the bus schedule"
TEAM_BODY = "Shared with the team about shrinking our first test"


@pytest.fixture
def entries(roles):
    """member_a's entries at each visibility, written in team A."""
    author, team = roles["member_a"], roles["team_a"]
    return {
        "private": JournalEntryFactory(
            author=author,
            team=team,
            kind=Kind.IDENTITY,
            title="Private title",
            body=f"<p>{PRIVATE_BODY}</p>",
            visibility=Visibility.PRIVATE,
        ),
        "facilitator": JournalEntryFactory(
            author=author,
            team=team,
            title="Facilitator title",
            body=f"<p>{FACILITATOR_BODY}</p>",
            visibility=Visibility.FACILITATOR,
        ),
        "team": JournalEntryFactory(
            author=author,
            team=team,
            kind=Kind.TEAM,
            title="Team title",
            body=f"<p>{TEAM_BODY}</p>",
            visibility=Visibility.TEAM,
        ),
    }
