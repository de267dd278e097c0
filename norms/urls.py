from django.urls import path

from . import views

app_name = "norms"

P = "teams/<slug:slug>/norms/"

urlpatterns = [
    path(P, views.NormsPageView.as_view(), name="index"),
    path(P + "conditions/", views.ConditionAddView.as_view(), name="condition_add"),
    path(
        P + "conditions/<int:pk>/group/", views.ConditionGroupView.as_view(), name="condition_group"
    ),
    path(P + "draft/", views.DraftStartView.as_view(), name="draft_start"),
    path(P + "draft/template/", views.TemplateApplyView.as_view(), name="template_apply"),
    path(P + "draft/norms/", views.NormAddView.as_view(), name="norm_add"),
    path(P + "draft/norms/<int:pk>/", views.NormEditView.as_view(), name="norm_edit"),
    path(P + "draft/norms/<int:pk>/delete/", views.NormDeleteView.as_view(), name="norm_delete"),
    path(P + "versions/", views.HistoryView.as_view(), name="history"),
    path(P + "versions/<int:number>/propose/", views.ProposeView.as_view(), name="propose"),
    path(P + "versions/<int:number>/vote/", views.VoteView.as_view(), name="vote"),
    path(P + "versions/<int:number>/close/", views.CloseVoteView.as_view(), name="close"),
    path(P + "check-in/", views.CheckInView.as_view(), name="check_in"),
    path(P + "statement/", views.StatementView.as_view(), name="statement"),
    path(
        P + "statement/<int:number>/endorse/",
        views.StatementEndorseView.as_view(),
        name="statement_endorse",
    ),
    path(
        P + "statement/<int:number>/comment/",
        views.StatementCommentView.as_view(),
        name="statement_comment",
    ),
]
