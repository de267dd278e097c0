"""Settings for the load test (bench/load.py): production's shape on plain loopback HTTP.

Production settings require HTTPS (secure cookies, SSL redirect); the load generator speaks
plain HTTP on 127.0.0.1, so this keeps base settings (Argon2 hashing, Redis cache, cached_db
sessions) and only sets what a loopback run needs. Never used outside `make bench`.
"""

from cohort_site.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "bench-only-secret-key-for-loopback-load-tests-0123456789abcdef"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
COHORT_REQUIRE_STAFF_MFA = False
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# `run_bench.py` seeds with the test settings' fast MD5 hashes: accept them here, and each is
# upgraded to Argon2 at its first login, as PBKDF2 hashes are in production.
PASSWORD_HASHERS = [*PASSWORD_HASHERS, "django.contrib.auth.hashers.MD5PasswordHasher"]  # noqa: F405
