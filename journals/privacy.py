from privacy.registry import Erase, registry

from .models import IdentityTool, JournalEntry, Reply

# Private, facilitator-only and draft entries go with the account; entries the author shared
# with the team stay with the team, attributed to a former member.
registry.register(
    JournalEntry,
    user_field="author",
    export_fields=[
        "team__name",
        "kind",
        "title",
        "body",
        "visibility",
        "is_draft",
        "created",
        "updated",
    ],
    erase=Erase.DELETE,
    keep_filter={"visibility": "team", "is_draft": False},
    portfolio_filter={"visibility": "team", "is_draft": False},
)
registry.register(
    Reply,
    user_field="author",
    export_fields=["entry__title", "body", "created"],
    erase=Erase.KEEP,
    portfolio_filter={"entry__visibility": "team", "entry__is_draft": False},
    team_field="entry__team",
)
registry.register(
    IdentityTool,
    user_field="author",
    export_fields=["kind", "data", "visibility", "updated"],
    erase=Erase.DELETE,
)
