import logging
import sys

from django_tasks_db.models import DBTaskResult
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from django.contrib import admin
from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.db.models import Count, Min
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import check_for_language
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

logger = logging.getLogger(__name__)

OUTAGE_ERRORS = (RedisConnectionError, RedisTimeoutError, OperationalError, InterfaceError)


def is_outage(exception: BaseException | None) -> bool:
    """True for the errors of a service that is down for a while (cache, database)."""
    return isinstance(exception, OUTAGE_ERRORS)


def service_unavailable(request) -> HttpResponse:
    """503 'try again', rendered without context processors: they would load the session and
    the user, which may be what is failing."""
    logger.error("Service unavailable while serving %s", request.path, exc_info=True)
    body = loader.get_template("503.html").render()
    response = HttpResponse(body, status=503)
    response["Retry-After"] = "30"
    return response


@never_cache
def healthz_live(request):
    """The process answers: no database, no cache. For liveness probes (restart when failing)."""
    return JsonResponse({"status": "ok"})


def _database_state() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        logger.exception("Health check: database unavailable")
        return "unavailable"
    return "ok"


def _cache_state() -> str:
    try:
        ping = getattr(cache, "ping", None)
        if ping is not None:  # ResilientRedisCache hides errors everywhere else
            ping()
        else:
            cache.set("healthz", "1", 5)
            if cache.get("healthz") != "1":
                return "unavailable"
    except Exception:
        logger.exception("Health check: cache unavailable")
        return "unavailable"
    return "ok"


def _task_queue_state() -> dict:
    """How many tasks wait to run now, and how long the oldest has waited (seconds)."""
    try:
        waiting = DBTaskResult.objects.ready().aggregate(
            oldest=Min("enqueued_at"), count=Count("id")
        )
    except DatabaseError:
        logger.exception("Health check: task queue unavailable")
        return {"task_queue": "unavailable", "waiting_tasks": None, "oldest_task_age": None}
    oldest = waiting["oldest"]
    age = round((timezone.now() - oldest).total_seconds()) if oldest else 0
    return {
        "task_queue": "ok",
        "waiting_tasks": waiting["count"],
        "oldest_task_age": age,
        **_outbox_state(),
    }


def _outbox_state() -> dict:
    """Mail due to be sent now, how long the oldest has waited (seconds), and mail given up on."""
    from notifications.models import OutgoingEmail

    now = timezone.now()
    due = OutgoingEmail.objects.filter(
        status__in=[OutgoingEmail.Status.QUEUED, OutgoingEmail.Status.SENDING],
        next_attempt_at__lte=now,
    ).aggregate(oldest=Min("created_at"), count=Count("id"))
    oldest = due["oldest"]
    return {
        "waiting_emails": due["count"],
        "oldest_email_age": round((now - oldest).total_seconds()) if oldest else 0,
        "failed_emails": OutgoingEmail.objects.filter(status=OutgoingEmail.Status.FAILED).count(),
    }


@never_cache
def healthz_ready(request):
    """Database, cache and task queue as JSON. 503 only when the database does not answer:
    the site serves without the cache (sessions from the database, rate limits open), so a
    cache outage shows as "degraded" but keeps this instance in the load balancer."""
    state = {"database": _database_state(), "cache": _cache_state()}
    if state["database"] == "ok":
        state.update(_task_queue_state())
    else:
        state.update(task_queue="unavailable", waiting_tasks=None, oldest_task_age=None)
    ready = state["database"] == "ok"
    degraded = state["cache"] != "ok" or state["task_queue"] != "ok"
    status = "unavailable" if not ready else "degraded" if degraded else "ok"
    return JsonResponse({"status": status, **state}, status=200 if ready else 503)


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


@require_POST
def set_language(request):
    """The header's language switch: Django's set_language (cookie, then back to the page),
    and for someone logged in the profile too, since the profile decides from then on."""
    response = django_set_language(request)
    language = request.POST.get("language", "")
    if request.user.is_authenticated and check_for_language(language):
        request.user.choose_language(language)
    return response


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def server_error(request):
    # No context processors: the failure may come from them or from the database.
    if is_outage(sys.exception()):
        return service_unavailable(request)
    return HttpResponseServerError(loader.get_template("500.html").render())
