from django.urls import path

from . import views

app_name = "cohorts"

urlpatterns = [
    path("teams/", views.MyTeamsView.as_view(), name="my_teams"),
    path("teams/<slug:slug>/", views.TeamSpaceView.as_view(), name="team"),
    path(
        "teams/<slug:slug>/members/<int:pk>/remove/",
        views.MembershipRemoveView.as_view(),
        name="member_remove",
    ),
    path(
        "teams/<slug:slug>/members/<int:pk>/move/",
        views.MembershipMoveView.as_view(),
        name="member_move",
    ),
    path("program/", views.ProgramView.as_view(), name="program"),
    path("cohorts/<slug:slug>/", views.CohortView.as_view(), name="cohort"),
    path("cohorts/<slug:slug>/export.csv", views.CohortExportView.as_view(), name="cohort_export"),
    path(
        "cohorts/<slug:slug>/export.xlsx",
        views.CohortExportView.as_view(fmt="xlsx"),
        name="cohort_export_xlsx",
    ),
    path(
        "cohorts/<slug:slug>/sessions/new/",
        views.CohortSessionFormView.as_view(),
        name="session_new",
    ),
    path(
        "cohorts/<slug:slug>/sessions/<int:pk>/edit/",
        views.CohortSessionFormView.as_view(),
        name="session_edit",
    ),
    path(
        "cohorts/<slug:slug>/sessions/<int:pk>/delete/",
        views.CohortSessionDeleteView.as_view(),
        name="session_delete",
    ),
    path("cohorts/<slug:slug>/invite/", views.InviteView.as_view(), name="invite"),
    path("cohorts/<slug:slug>/invite/bulk/", views.BulkInviteView.as_view(), name="bulk_invite"),
    path(
        "cohorts/<slug:slug>/invite/bulk/template.<str:fmt>",
        views.BulkInviteTemplateView.as_view(),
        name="bulk_invite_template",
    ),
    path(
        "cohorts/<slug:slug>/invitations/<int:pk>/resend/",
        views.InvitationResendView.as_view(),
        name="invitation_resend",
    ),
    path(
        "cohorts/<slug:slug>/invitations/<int:pk>/revoke/",
        views.InvitationRevokeView.as_view(),
        name="invitation_revoke",
    ),
    path("invitations/<str:token>/", views.InvitationView.as_view(), name="invitation"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar"),
]
