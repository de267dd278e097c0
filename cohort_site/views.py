import logging

from django.contrib import admin
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views import View
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


class AdminLoginView(View):
    """Wagtail's and Django's admin login URLs, where both admins send whoever they turn away.

    Anonymous people go on to allauth's login (its rate limits and MFA apply). Someone logged in
    whom the admin turned away gets the 403 page: sending them to login would send them
    straight back to the admin, and so on forever.
    """

    admin_home = ""  # URL name of the admin's start page

    def get(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            query = request.META.get("QUERY_STRING", "")
            return redirect(reverse("account_login") + (f"?{query}" if query else ""))
        if self.has_admin_access(request):
            return redirect(self.admin_home)
        return permission_denied(request)

    post = get

    def has_admin_access(self, request) -> bool:
        raise NotImplementedError


class WagtailAdminLoginView(AdminLoginView):
    admin_home = "wagtailadmin_home"

    def has_admin_access(self, request) -> bool:
        return request.user.has_perm("wagtailadmin.access_admin")


class DjangoAdminLoginView(AdminLoginView):
    admin_home = "admin:index"

    def has_admin_access(self, request) -> bool:
        return admin.site.has_permission(request)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def server_error(request):
    # No context processors: the failure may come from them or from the database.
    from django.http import HttpResponseServerError
    from django.template import loader

    return HttpResponseServerError(loader.get_template("500.html").render())
