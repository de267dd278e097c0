from django.db import IntegrityError
from django.urls import path

from cohort_site.urls import handler500  # noqa: F401
from cohort_site.urls import urlpatterns as site_urlpatterns


def twin(request):
    """A view whose unique constraint met a twin request that committed first."""
    raise IntegrityError("duplicate key value violates unique constraint")


urlpatterns = [path("twin/", twin), *site_urlpatterns]  # the site's pages link to its URLs
