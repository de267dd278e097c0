import logging

from django.conf import settings
from django.middleware.csp import ContentSecurityPolicyMiddleware, get_nonce
from django.shortcuts import redirect, render
from django.utils.csp import CSP, build_policy
from django.utils.translation import gettext as _

from accounts.roles import requires_mfa

logger = logging.getLogger(__name__)


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
            and requires_mfa(request.user)
            and not self._has_mfa(request.user)
        ):
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def _has_mfa(user) -> bool:
        from allauth.mfa.models import Authenticator

        return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class CacheOutageMiddleware:
    """A Redis outage answers 503 'try again' instead of an unhandled 500.

    allauth's rate limiter calls the cache without catching errors, so login would otherwise fail
    with a 500; sessions live in the database too (cached_db) and survive.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        try:
            from redis.exceptions import ConnectionError as RedisConnectionError
            from redis.exceptions import TimeoutError as RedisTimeoutError
        except ImportError:  # pragma: no cover - redis is in requirements
            return None
        if isinstance(exception, RedisConnectionError | RedisTimeoutError):
            logger.error("Cache unavailable while serving %s", request.path)
            return render(
                request,
                "503.html",
                {"message": _("The site is busy. Please try again in a minute.")},
                status=503,
            )
        return None
