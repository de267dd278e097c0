from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [
    path("", views.InboxView.as_view(), name="inbox"),
    path("new/", views.ChooseTeamView.as_view(), name="new"),
    path("new/<slug:slug>/", views.RequestCreateView.as_view(), name="new_for_team"),
    path("requests/<int:pk>/", views.RequestDetailView.as_view(), name="request"),
    path("requests/<int:pk>/give/", views.GiveView.as_view(), name="give"),
    path("requests/<int:pk>/close/", views.RequestCloseView.as_view(), name="close"),
    path("requests/<int:pk>/file/", views.ArtifactFileView.as_view(), name="file"),
    path("requests/<int:pk>/take/", views.RequestTakeView.as_view(), name="take"),
    path("responses/<str:token>/helpful/", views.HelpfulView.as_view(), name="helpful"),
    path("responses/<str:token>/back/", views.BackFeedbackView.as_view(), name="back"),
    path("assignments/<int:pk>/reassign/", views.ReassignView.as_view(), name="reassign"),
    path("cohort/<slug:slug>/", views.CohortFeedbackView.as_view(), name="cohort"),
    path("cohort/<slug:slug>/rounds/", views.RoundCreateView.as_view(), name="rounds"),
    path("sessions/<int:pk>/", views.SessionFeedbackView.as_view(), name="session"),
    path("sessions/<int:pk>/results/", views.SessionResultsView.as_view(), name="session_results"),
]
