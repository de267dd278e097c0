from django.urls import path

from . import views

app_name = "partnerships"

urlpatterns = [
    path("", views.ProposalListView.as_view(), name="list"),
    path("<int:pk>/", views.ProposalDetailView.as_view(), name="detail"),
    path("<int:pk>/convert/", views.ProposalConvertView.as_view(), name="convert"),
]
