from django.urls import path

from . import views

app_name = "assessments"

urlpatterns = [
    path(
        "teams/<slug:slug>/equity-self-assessment/",
        views.SelfAssessmentView.as_view(),
        name="overview",
    ),
    path(
        "teams/<slug:slug>/equity-self-assessment/<str:moment>/",
        views.SelfAssessmentEditView.as_view(),
        name="edit",
    ),
]
