"""Feedback pages. Every object is found through a `visible_to(user)` queryset, so other
teams' and cohorts' requests answer 404; writes go through services.py.

One module per part of the app: requests (inbox, ask, read, give, close), responses (what a
receiver does with an answer), cohort (facilitators' page, rounds, reassigning), sessions.
"""

from .cohort import OVERDUE_PAGE_SIZE, CohortFeedbackView, ReassignView, RoundCreateView
from .requests import (
    ArtifactFileView,
    ChooseTeamView,
    GiveView,
    InboxView,
    RequestCloseView,
    RequestCreateView,
    RequestDetailView,
    RequestMixin,
    RequestTakeView,
)
from .responses import BackFeedbackView, HelpfulView, ResponseActionMixin
from .sessions import SessionFeedbackView, SessionResultsView

__all__ = [
    "OVERDUE_PAGE_SIZE",
    "ArtifactFileView",
    "BackFeedbackView",
    "ChooseTeamView",
    "CohortFeedbackView",
    "GiveView",
    "HelpfulView",
    "InboxView",
    "ReassignView",
    "RequestCloseView",
    "RequestCreateView",
    "RequestDetailView",
    "RequestMixin",
    "RequestTakeView",
    "ResponseActionMixin",
    "RoundCreateView",
    "SessionFeedbackView",
    "SessionResultsView",
]
