from django.urls import path

from . import views

app_name = "committees"

urlpatterns = [
    path("committees/join/<str:token>/", views.JoinView.as_view(), name="join"),
    path("committees/<slug:slug>/", views.CommitteeSpaceView.as_view(), name="space"),
    path("committees/<slug:slug>/charter/", views.CharterView.as_view(), name="charter"),
    path(
        "committees/<slug:slug>/meetings/new/",
        views.MeetingCreateView.as_view(),
        name="meeting_new",
    ),
    path(
        "committees/<slug:slug>/recommendations/new/",
        views.RecommendationCreateView.as_view(),
        name="recommendation_new",
    ),
    path(
        "committees/<slug:slug>/recommendations/<int:pk>/answer/",
        views.RecommendationRespondView.as_view(),
        name="recommendation_answer",
    ),
    path("committees/<slug:slug>/invite/", views.CommitteeInviteView.as_view(), name="invite"),
]
