from privacy.registry import Erase, registry

from .models import Conversation, NextStep

registry.register(
    Conversation,
    user_field="facilitator",
    export_fields=["team__name", "held_on", "kind", "protocol", "steps", "notes"],
    erase=Erase.KEEP,
    other_user_fields=["participants"],
    portfolio_filter={},
)
registry.register(
    NextStep,
    user_field="owner",
    export_fields=["conversation__team__name", "description", "due_on", "done_at"],
    erase=Erase.KEEP,
    portfolio_filter={},
    team_field="conversation__team",
)
