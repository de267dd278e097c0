from django.urls import path

from . import views

app_name = "programs"

urlpatterns = [
    path("modules/<int:pk>/done/", views.ModuleDoneView.as_view(), name="module_done"),
]
