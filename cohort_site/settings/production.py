"""Production: everything from the environment; start-up stops when a required value is missing."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def required_env(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"The environment variable {name} is required in production (see README.md)."
        )
    return value


SECRET_KEY = required_env("SECRET_KEY")
if len(SECRET_KEY) < 50 or SECRET_KEY.startswith("django-insecure-"):
    raise ImproperlyConfigured(
        "The environment variable SECRET_KEY must be a random value of at least 50 characters."
    )
ALLOWED_HOSTS = [h.strip() for h in required_env("ALLOWED_HOSTS").split(",") if h.strip()]
DEBUG = False
# Links in email and calendar feeds; an old deployment's WAGTAILADMIN_BASE_URL still counts.
SITE_BASE_URL = (
    os.environ.get("SITE_BASE_URL")
    or os.environ.get("WAGTAILADMIN_BASE_URL")
    or f"https://{ALLOWED_HOSTS[0]}"
).rstrip("/")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", SITE_BASE_URL)

SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
if os.environ.get("TRUST_X_FORWARDED_PROTO", "false").lower() == "true":
    # Only behind a proxy that sets this header itself; otherwise clients could spoof HTTPS.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
COHORT_REQUIRE_STAFF_MFA = os.environ.get("COHORT_REQUIRE_STAFF_MFA", "true").lower() == "true"

TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}
# Only the `send_outbox --loop` worker sends email (it polls every second and retries).
OUTBOX_SEND_ON_COMMIT = False

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
