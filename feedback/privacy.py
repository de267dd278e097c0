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
        "focusing_question",
        "protocol",
        "anonymous",
        "due_on",
        "created_on",
    ],
    erase=Erase.KEEP,
    portfolio_filter={},
)
# What the person gave: theirs to take with them.
registry.register(
    FeedbackResponse,
    user_field="giver",
    export_fields=["request__artifact_title", "answers", "status", "submitted_on", "back_feedback"],
    erase=Erase.KEEP,
)
# What the person received: the answers and dates, never who gave them. Anonymous answers are
# exported once their request has closed (the same rule that releases them on the site).
registry.register(
    FeedbackResponse,
    user_field="request__requested_by",
    section="feedback received (named)",
    export_fields=[
        "request__artifact_title",
        "answers",
        "submitted_on",
        "helpful",
        "back_feedback",
    ],
    erase=Erase.KEEP,
    export_filter={"status": "submitted", "request__anonymous": False},
)
registry.register(
    FeedbackResponse,
    user_field="request__requested_by",
    section="feedback received (anonymous)",
    export_fields=["request__artifact_title", "answers", "helpful", "back_feedback"],
    erase=Erase.KEEP,
    export_filter={
        "status": "submitted",
        "request__anonymous": True,
        "request__closed_on__isnull": False,
    },
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
# Only "has answered" markers: the ratings themselves were never linked to anyone.
registry.register(
    SessionFeedbackMarker, user_field="user", export_fields=["session__title"], erase=Erase.DELETE
)
