from privacy.registry import Erase, registry

from .models import (
    CheckIn,
    Condition,
    Endorsement,
    IdentityStatement,
    Norm,
    NormSet,
    Rating,
    StatementComment,
    Vote,
)

# Norms, votes and check-ins are the team's shared record: they stay, by a former member.
registry.register(
    Condition,
    user_field="author",
    export_fields=["team__name", "text", "group_label", "created_at"],
    erase=Erase.KEEP,
    portfolio_filter={},
)
registry.register(
    NormSet,
    user_field="created_by",
    export_fields=["team__name", "number", "status", "created_at"],
    erase=Erase.KEEP,
    other_user_fields=["proposed_by", "closed_by"],
    portfolio_filter={},
)
registry.register(
    Vote,
    user_field="user",
    export_fields=["norm_set__team__name", "norm_set__number", "choice", "reason"],
    erase=Erase.KEEP,
    portfolio_filter={},
    team_field="norm_set__team",
)
registry.register(
    CheckIn,
    user_field="user",
    export_fields=["team__name", "met_on", "created_at"],
    erase=Erase.KEEP,
    portfolio_filter={},
)
registry.register(
    IdentityStatement,
    user_field="author",
    export_fields=[
        "team__name",
        "number",
        "who_we_are",
        "why_we_do_this_work",
        "what_we_commit_to",
    ],
    erase=Erase.KEEP,
    portfolio_filter={},
)
registry.register(
    StatementComment,
    user_field="author",
    export_fields=["statement__team__name", "body", "created_at"],
    erase=Erase.KEEP,
    portfolio_filter={},
    team_field="statement__team",
)
registry.register(
    Endorsement,
    user_field="user",
    export_fields=["statement__team__name", "statement__number", "created_at"],
    erase=Erase.KEEP,
    portfolio_filter={},
    team_field="statement__team",
)
registry.register_team_content(
    Norm,
    export_fields=["norm_set__number", "statement", "in_practice"],
    team_field="norm_set__team",
)
registry.register_team_content(
    Rating,
    export_fields=["check_in__met_on", "norm__statement", "value"],
    team_field="check_in__team",
)
