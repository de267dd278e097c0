"""Norms pages. Readers: the team's members, the cohort's facilitators, site admins.

Only current members write; only leads propose; facilitators close stalled votes.
Everyone else gets 404 (the team is not in their `visible_to` queryset).
"""

from .checkins import CheckInView
from .drafting import (
    ConditionAddView,
    ConditionGroupView,
    DraftStartView,
    NormAddView,
    NormDeleteView,
    NormEditView,
    TemplateApplyView,
)
from .page import MemberPostView, NormSetMixin, NormsPageView, OpenDraftMixin, norms_url
from .statement import (
    StatementActionMixin,
    StatementCommentView,
    StatementEndorseView,
    StatementView,
)
from .voting import CloseVoteView, HistoryView, ProposeView, VoteView

__all__ = [
    "CheckInView",
    "CloseVoteView",
    "ConditionAddView",
    "ConditionGroupView",
    "DraftStartView",
    "HistoryView",
    "MemberPostView",
    "NormAddView",
    "NormDeleteView",
    "NormEditView",
    "NormSetMixin",
    "NormsPageView",
    "OpenDraftMixin",
    "ProposeView",
    "StatementActionMixin",
    "StatementCommentView",
    "StatementEndorseView",
    "StatementView",
    "TemplateApplyView",
    "VoteView",
    "norms_url",
]
