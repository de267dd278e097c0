from django.urls import path

from . import views

app_name = "coaching"

urlpatterns = [
    path("teams/<slug:slug>/coaching/", views.ConversationListView.as_view(), name="list"),
    path("teams/<slug:slug>/coaching/new/", views.ConversationCreateView.as_view(), name="new"),
    path(
        "teams/<slug:slug>/coaching/steps/<int:pk>/done/",
        views.NextStepDoneView.as_view(),
        name="step_done",
    ),
]
