from django.urls import path

from . import views

app_name = "journals"

urlpatterns = [
    path("", views.JournalListView.as_view(), name="list"),
    path("new/", views.EntryCreateView.as_view(), name="new"),
    path("autosave/", views.AutosaveView.as_view(), name="autosave"),
    path("export/", views.ExportView.as_view(), name="export"),
    path("facilitator/", views.FacilitatorView.as_view(), name="facilitator"),
    path("identity/wheel/", views.WheelView.as_view(), name="wheel"),
    path("identity/iceberg/", views.IcebergView.as_view(), name="iceberg"),
    path("team/<slug:slug>/", views.TeamJournalView.as_view(), name="team"),
    path("<int:pk>/", views.EntryDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.EntryEditView.as_view(), name="edit"),
    path("<int:pk>/versions/", views.VersionListView.as_view(), name="versions"),
    path(
        "<int:pk>/versions/<int:vpk>/restore/",
        views.VersionRestoreView.as_view(),
        name="restore",
    ),
    path("<int:pk>/replies/", views.ReplyCreateView.as_view(), name="replies"),
    path("<int:pk>/delete/", views.EntryDeleteView.as_view(), name="delete"),
]
