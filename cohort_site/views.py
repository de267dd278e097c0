import logging

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


@never_cache
def healthz(request):
    """Database and cache state as JSON: 200 when both answer, 503 when either does not."""
    state = {"database": "ok", "cache": "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        logger.exception("Health check: database unavailable")
        state["database"] = "unavailable"
    try:
        cache.set("healthz", "1", 5)
        if cache.get("healthz") != "1":
            state["cache"] = "unavailable"
    except Exception:
        logger.exception("Health check: cache unavailable")
        state["cache"] = "unavailable"
    healthy = all(value == "ok" for value in state.values())
    return JsonResponse(
        {"status": "ok" if healthy else "degraded", **state}, status=200 if healthy else 503
    )


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def server_error(request):
    # No context processors: the failure may come from them or from the database.
    from django.http import HttpResponseServerError
    from django.template import loader

    return HttpResponseServerError(loader.get_template("500.html").render())
