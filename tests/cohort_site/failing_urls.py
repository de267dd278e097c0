from django.urls import path

from cohort_site.urls import handler500  # noqa: F401  (the 500 handler under test)


def boom(request):
    return 1 / 0


urlpatterns = [path("boom/", boom)]
