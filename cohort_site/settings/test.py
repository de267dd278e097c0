"""Test settings: fast hashing, in-memory email; the database comes from DATABASE_URL if set."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key-with-enough-length-and-characters-0123456789"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
COHORT_REQUIRE_STAFF_MFA = False
SITE_BASE_URL = "http://testserver"
WAGTAILADMIN_BASE_URL = SITE_BASE_URL
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
