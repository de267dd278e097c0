"""Feedback's personal data for "download my data" and account erasure.

A person's export holds what they asked and what they answered (their own answers only, so it
never names the givers of answers they received). Responses stay with the team that asked when
their giver leaves (shown as a former member's, and still anonymous where they were). Responses
are not in a team's portfolio, so no export can pair an anonymous answer with anyone.
"""

from privacy.registry import Erase, registry

from .models import (
    Assignment,
    FeedbackRequest,
    FeedbackResponse,
    PairingRound,
    SessionFeedbackMarker,
)

registry.register(
    FeedbackRequest,
    user_field="requested_by",
    export_fields=[
        "team__name",
        "artifact_title",
        "artifact_url",
        "focusing_question",
        "protocol",
        "anonymous",
        "due_on",
        "created_on",
        "closed_on",
    ],
    erase=Erase.KEEP,
    portfolio_filter={},
)
registry.register(
    FeedbackResponse,
    user_field="giver",
    export_fields=["request__artifact_title", "answers", "status", "submitted_on", "back_feedback"],
    erase=Erase.KEEP,
)
registry.register(
    Assignment,
    user_field="reviewer",
    export_fields=["request__artifact_title", "status"],
    erase=Erase.KEEP,
)
registry.register(
    PairingRound, user_field="created_by", export_fields=["name", "created_on"], erase=Erase.NULLIFY
)
registry.register(
    SessionFeedbackMarker, user_field="user", export_fields=["session__title"], erase=Erase.DELETE
)
