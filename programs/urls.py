from django.urls import path

from . import cohort_views, views

app_name = "programs"

urlpatterns = [
    path("modules/<int:pk>/done/", views.ModuleDoneView.as_view(), name="module_done"),
    path(
        "cohorts/<slug:slug>/releases/",
        cohort_views.ReleaseDatesView.as_view(),
        name="release_dates",
    ),
]
