"""The project's URLs plus a refused view and a failing one, for the 403 and 500 pages."""

from django.core.exceptions import PermissionDenied
from django.urls import path

from cohort_site.urls import handler403, handler404, handler500  # noqa: F401
from cohort_site.urls import urlpatterns as project_urlpatterns


def denied(request):
    raise PermissionDenied


def boom(request):
    raise RuntimeError("The axe suite's deliberate failure")


urlpatterns = [
    path("__axe__/denied/", denied),
    path("__axe__/boom/", boom),
    *project_urlpatterns,
]
