from django.urls import path

from . import imports, views

app_name = "improvement"

P = "teams/<slug:slug>/improvement/"
C = "cohorts/<slug:slug>/change-package/"  # the cohort's change package

urlpatterns = [
    path(
        "cohorts/<slug:slug>/bright-spots/",
        views.BrightSpotsView.as_view(),
        name="bright_spots",
    ),
    path(P, views.ProjectView.as_view(), name="project"),
    path(P + "start/", views.ProjectStartView.as_view(), name="start"),
    path(P + "edit/", views.ProjectEditView.as_view(), name="edit"),
    path(P + "progress/", views.ProgressView.as_view(), name="progress"),
    path(P + "print/", views.PrintView.as_view(), name="print"),
    path(P + "aim/", views.AimView.as_view(), name="aim"),
    path(P + "drivers/", views.DriversView.as_view(), name="drivers"),
    path(
        P + "drivers/<slug:kind>/<int:pk>/edit/",
        views.DiagramItemEditView.as_view(),
        name="diagram_item_edit",
    ),
    path(
        P + "drivers/<slug:kind>/<int:pk>/move/",
        views.DiagramItemMoveView.as_view(),
        name="diagram_item_move",
    ),
    path(
        P + "drivers/<slug:kind>/<int:pk>/delete/",
        views.DiagramItemDeleteView.as_view(),
        name="diagram_item_delete",
    ),
    path(P + "comments/", views.CommentView.as_view(), name="comment"),
    path(P + "measures/add/", views.MeasureAddView.as_view(), name="measure_add"),
    path(P + "measures/<int:pk>/", views.MeasureView.as_view(), name="measure"),
    path(P + "measures/<int:pk>/edit/", views.MeasureEditView.as_view(), name="measure_edit"),
    path(
        P + "measures/<int:pk>/points/",
        views.ObservationAddView.as_view(),
        name="observation_add",
    ),
    path(P + "measures/<int:pk>/import/", views.ImportView.as_view(), name="import"),
    path(
        P + "measures/<int:pk>/import/template.<str:fmt>",
        views.ImportTemplateView.as_view(),
        name="import_template",
    ),
    path(P + "imports/<uuid:pk>/", views.ImportJobView.as_view(), name="import_job"),
    path(P + "measures/<int:pk>/baseline/", views.BaselineView.as_view(), name="baseline"),
    path(P + "cycles/add/", views.CycleAddView.as_view(), name="cycle_add"),
    path(P + "cycles/<int:pk>/", views.CycleView.as_view(), name="cycle"),
    path(P + "cycles/<int:pk>/phase/", views.CyclePhaseView.as_view(), name="cycle_phase"),
    path(P + "cycles/<int:pk>/adapt/", views.CycleAdaptView.as_view(), name="cycle_adapt"),
    path(P + "cycles/<int:pk>/adopted/", views.IdeaAdoptedView.as_view(), name="idea_adopted"),
    path(P + "package/<int:pk>/adopt/", views.EntryAdoptView.as_view(), name="package_adopt"),
    path(C, views.PackageView.as_view(), name="package"),
    path(C + "export.csv", views.PackageExportView.as_view(), name="package_export"),
    path(
        C + "export.xlsx", views.PackageExportView.as_view(fmt="xlsx"), name="package_export_xlsx"
    ),
    path(C + "add/", views.EntryAddView.as_view(), name="package_add"),
    path(C + "<int:pk>/", views.EntryView.as_view(), name="package_entry"),
    path(C + "<int:pk>/edit/", views.EntryEditView.as_view(), name="package_edit"),
    path(P + "understand/", views.UnderstandView.as_view(), name="understand"),
    path(P + "dialogues/", views.DialogueListView.as_view(), name="dialogues"),
    path(P + "dialogues/start/", views.DialogueStartView.as_view(), name="dialogue_start"),
    path(P + "dialogues/<int:pk>/", views.DialogueView.as_view(), name="dialogue"),
    path(
        P + "dialogues/<int:pk>/notes/<slug:step>/",
        views.DialogueNoteAddView.as_view(),
        name="dialogue_note",
    ),
    path(
        P + "dialogues/<int:pk>/next/<int:note>/idea/",
        views.NoteIdeaView.as_view(),
        name="dialogue_note_idea",
    ),
    path(
        P + "dialogues/<int:pk>/next/<int:note>/cycle/",
        views.NoteCycleView.as_view(),
        name="dialogue_note_cycle",
    ),
    path(
        "cohorts/<slug:slug>/data-dialogues/",
        views.CohortDialoguesView.as_view(),
        name="cohort_dialogues",
    ),
    path(
        P + "understand/profile/import/",
        views.ProfileImportView.as_view(),
        name="profile_import",
    ),
    path(
        P + "understand/profile/template.<str:fmt>",
        views.ImportTemplateView.as_view(columns=imports.PROFILE_COLUMNS, name="profile"),
        name="profile_template",
    ),
    path(P + "understand/<slug:kind>/", views.ItemAddView.as_view(), name="item_add"),
    *[
        path(
            P + f"export/{kind}.{fmt}",
            views.CsvExportView.as_view(kind=kind, fmt=fmt),
            name=f"export_{kind}" + ("" if fmt == "csv" else "_xlsx"),
        )
        for kind in ("cycles", "measures", "observations")
        for fmt in ("csv", "xlsx")
    ],
]
