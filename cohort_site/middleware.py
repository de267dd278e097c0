import logging

from django.conf import settings
from django.middleware.csp import ContentSecurityPolicyMiddleware, get_nonce
from django.shortcuts import redirect
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.csp import CSP, build_policy

from accounts.roles import is_site_admin, requires_mfa
from cohort_site import views
from cohort_site.views import is_outage, service_unavailable
from cohorts.access import person_roles

logger = logging.getLogger(__name__)


HEALTH_CHECKS = {
    "/healthz/live": views.healthz_live,
    "/healthz/ready": views.healthz_ready,
    "/healthz": views.healthz_ready,
}


class HealthCheckMiddleware:
    """Answers the health checks first, before host validation, the HTTPS redirect, sessions
    and the user: a load balancer probes backends by address over plain HTTP, and liveness must
    not depend on the database or the cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        check = HEALTH_CHECKS.get(request.path_info.rstrip("/") or "/")
        if check is not None and request.method in ("GET", "HEAD"):
            return check(request)
        return self.get_response(request)


class ProfileLanguageMiddleware:
    """A logged-in person sees the language chosen in their profile, whatever the browser asks
    for; everyone else gets LocaleMiddleware's choice (the switch's cookie, then
    Accept-Language, then English). URLs never change with the language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            language = user.preferred_language
            if language in dict(settings.LANGUAGES) and language != request.LANGUAGE_CODE:
                translation.activate(language)
                request.LANGUAGE_CODE = language
        return self.get_response(request)


class PathAwareCSPMiddleware(ContentSecurityPolicyMiddleware):
    """Strict CSP everywhere except the Wagtail and Django admin, which need inline code."""

    def process_response(self, request, response):
        if request.path.startswith(settings.COHORT_ADMIN_PATH_PREFIXES) and (
            CSP.HEADER_ENFORCE not in response
        ):
            response.headers[str(CSP.HEADER_ENFORCE)] = build_policy(
                settings.COHORT_ADMIN_CSP, get_nonce(request)
            )
        return super().process_response(request, response)


class PrivateResponsesMiddleware:
    """Whatever a logged-in person is shown is theirs: no shared cache or browser history keeps it.

    Team pages say so through `NoStoreMixin`; this covers everything else a logged-in person
    gets (profile, account settings, curriculum pages with their progress, error pages). A
    view that chose its own Cache-Control keeps it. Anonymous pages are left to their views
    (public curriculum pages are cached and revalidated, see programs/public_cache.py).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and "Cache-Control" not in response:
            patch_cache_control(response, private=True, no_store=True)
        return response


# Pages a facilitator or admin without MFA may still open: setting MFA up needs them.
MFA_SETUP_PATHS = ("/accounts/", "/static/", "/healthz", "/media/")


class StaffMFAMiddleware:
    """Facilitators and site admins must set up MFA first when COHORT_REQUIRE_STAFF_MFA is on.

    Who counts is `accounts.roles.requires_mfa`: anyone who facilitates a cohort or belongs to
    the Facilitators group, and site admins.

    allauth has no setting that forces MFA for a role, so the rule is enforced here.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.COHORT_REQUIRE_STAFF_MFA
            and request.user.is_authenticated
            and not request.path.startswith(MFA_SETUP_PATHS)
            and self._requires_mfa(request.user)
            and not self._has_mfa(request.user)
        ):
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def _requires_mfa(user) -> bool:
        # The Facilitators group and facilitated cohorts come with the person's other roles
        # and the header's unread count, in the one query the page makes anyway.
        if not is_site_admin(user):
            person_roles(user)
        return requires_mfa(user)

    @staticmethod
    def _has_mfa(user) -> bool:
        from allauth.mfa.models import Authenticator

        return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class OutageMiddleware:
    """A view that fails because the cache or the database is unreachable answers 503.

    The page is rendered without context processors (see `views.service_unavailable`), so it
    cannot fail again by loading the session or the user. Outages raised outside a view reach
    the 500 handler, which answers the same 503.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_outage(exception):
            return service_unavailable(request)
        return None
