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

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # The browser tests' live server shares this thread's in-memory connection. sqlite3's
    # statement cache would hand both threads one prepared statement for the same query, and
    # a request then fails with "bad parameter or other API misuse"; prepare per cursor.
    DATABASES["default"]["OPTIONS"]["cached_statements"] = 0  # noqa: F405
