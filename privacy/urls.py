from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("account/data/", views.MyDataView.as_view(), name="my_data"),
    path("account/delete/", views.DeleteAccountView.as_view(), name="delete_account"),
    path("teams/<slug:slug>/portfolio/", views.TeamPortfolioView.as_view(), name="team_portfolio"),
    path(
        "privacy/organizations/<int:pk>/erase/",
        views.OrganizationEraseView.as_view(),
        name="organization_erase",
    ),
]
