"""The cohorts app's pages, one module per seam; the URLconf imports them from here."""

from .cohort import (
    CohortExportView,
    CohortSessionDeleteView,
    CohortSessionFormView,
    CohortView,
    ProgramView,
)
from .invitations import (
    BulkInviteTemplateView,
    BulkInviteView,
    InvitationActionView,
    InvitationResendView,
    InvitationRevokeView,
    InvitationView,
    InviteView,
)
from .membership import MembershipActionMixin, MembershipMoveView, MembershipRemoveView
from .teams import MyTeamsView, TeamSpaceView, calendar_feed

__all__ = [
    "BulkInviteTemplateView",
    "BulkInviteView",
    "CohortExportView",
    "CohortSessionDeleteView",
    "CohortSessionFormView",
    "CohortView",
    "InvitationActionView",
    "InvitationResendView",
    "InvitationRevokeView",
    "InvitationView",
    "InviteView",
    "MembershipActionMixin",
    "MembershipMoveView",
    "MembershipRemoveView",
    "MyTeamsView",
    "ProgramView",
    "TeamSpaceView",
    "calendar_feed",
]
