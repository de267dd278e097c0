"""Settings shared by every environment.

Safe for production on their own: DEBUG is off and secrets, hosts and services come from the
environment. `dev`, `test` and `production` adjust from here.
"""

import os
from pathlib import Path

import dj_database_url

from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "cohort_site",
    "accounts",
    "programs",
    "cohorts",
    "improvement",
    "notifications",
    "coaching",
    "privacy",
    "norms",
    "journals",
    "feedback",
    "partnerships",
    "assessments",
    "committees",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    # Curriculum translations (program, module and library pages): wagtail-localize keeps each
    # translation linked to its English source and shows what is out of date. Its locales app
    # replaces wagtail.locales.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_htmx",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "cohort_site.middleware.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # WhiteNoise right after SecurityMiddleware so static files get the security headers too.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "cohort_site.middleware.PathAwareCSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Responses to a logged-in person default to `private, no-store` (after the user is known,
    # so it also sees error pages and the redirects of the middleware below it).
    "cohort_site.middleware.PrivateResponsesMiddleware",
    # After the user is known: a logged-in person's profile language wins over the browser's.
    "cohort_site.middleware.ProfileLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A unique constraint no service caught answers "try again", never 500 (double submits).
    "cohort_site.idempotency.IntegrityErrorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "cohort_site.middleware.StaffMFAMiddleware",
    "cohort_site.middleware.OutageMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: an anonymous visitor's cached curriculum page answers before Wagtail's routing,
    # with every middleware above still adding its headers (programs/public_cache.py).
    "programs.public_cache.PublicPageCacheMiddleware",
]

ROOT_URLCONF = "cohort_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "cohort_site.context_processors.navigation",
                "notifications.context_processors.unread_notifications",
            ],
        },
    },
]

WSGI_APPLICATION = "cohort_site.wsgi.application"

# SQLite is the embedded default; DATABASE_URL=postgres://... is the production path.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded demo database: readers never block the writer (WAL), a writer waits up to
    # 20 s for another instead of answering "database is locked", and every transaction takes
    # the write lock when it starts, so two writers cannot deadlock on a lock upgrade.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Behind PgBouncer in transaction pooling mode a server-side cursor (QuerySet.iterator(), WITH
# HOLD outside a transaction) can land on another server connection: use client-side ones.
# Persistent connections (CONN_MAX_AGE) to the pooler are fine; psycopg binds parameters on the
# client (Django's default), so no prepared statements outlive a transaction either.
DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = (
    os.environ.get("DATABASE_TRANSACTION_POOLING", "false").lower() == "true"
)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Wagtail's search index uses PostgreSQL full-text search and GIN indexes there.
    INSTALLED_APPS.append("django.contrib.postgres")


def caches_for(redis_url: str) -> dict:
    """Redis when REDIS_URL is set, degrading to misses while it is down (cohort_site/cache.py),
    so no request answers 500; local memory otherwise."""
    if redis_url:
        return {
            "default": {"BACKEND": "cohort_site.cache.ResilientRedisCache", "LOCATION": redis_url}
        }
    return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = caches_for(REDIS_URL)
# cached_db: sessions are read from and written to the database; the cache is only a layer.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Argon2 (Django's recommended hasher, at OWASP's costs: accounts/hashers.py) costs a fraction
# of PBKDF2's CPU per login, so a whole district can log in at the start of a session on a small
# server. PBKDF2 stays to check the hashes stored before; each is rehashed with Argon2 at the
# person's next login.
PASSWORD_HASHERS = [
    "accounts.hashers.Argon2idHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
]

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
# Wagtail sends people it turns away here: login for anonymous people, a 403 for the others.
WAGTAILADMIN_LOGIN_URL = "cohort_admin_login"

# django-allauth: email login, no usernames, people join by invitation.
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = os.environ.get("ACCOUNT_EMAIL_VERIFICATION", "mandatory")
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {"signup": "accounts.forms.SignupForm"}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Equity Improvement Project] "
# A whole district can sit behind one NAT address: per-IP limits are generous. After 5 failed
# logins in 5 minutes an account locks for that client address only (the key is the account and
# the address, see accounts.adapter), so one person typing wrong passwords cannot lock a
# facilitator out for everyone. "public_form": the site's own public Wagtail forms, 5 posts per
# 10 minutes per form and address (programs.services.form_rate_limited). The same lock is kept
# in the database too (accounts/lockout.py), so it holds while the cache is down; per-IP limits
# live in the cache only and fail open then.
ACCOUNT_RATE_LIMITS = {
    "login": "600/m/ip",
    "login_failed": "300/m/ip,5/300s/key",
    "public_form": "5/10m/key",
    "signup": "300/m/ip",
    "reset_password": "300/m/ip,5/m/key",
    "reset_password_from_key": "300/m/ip",
}
# Behind a reverse proxy or load balancer, TRUSTED_PROXY_COUNT is the number of proxies in front
# of the app that append to X-Forwarded-For; every rate limit (allauth's and the site's own) then
# takes the client address from that header. 0 (the default): the connection's address.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Equity Improvement Project"
# Facilitators and site admins must set up MFA before using the site (on in production).
COHORT_REQUIRE_STAFF_MFA = os.environ.get("COHORT_REQUIRE_STAFF_MFA", "true").lower() == "true"
# Signup stays closed; invitations open it for the invited address only.
COHORT_SIGNUP_OPEN = False

# Background work runs at once in development and tests; production queues it in the
# database for `manage.py db_worker` (django-tasks-db; Wagtail's index updates).
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
# Email is queued in the outbox (notifications.outbox) and sent by `manage.py send_outbox
# --loop`, with retries. In development and tests each email is also handed to the tasks
# framework after commit, whose immediate backend sends it at once.
OUTBOX_SEND_ON_COMMIT = True

LANGUAGE_CODE = "en"
# Each person's profile chooses; without one, the browser's Accept-Language (LocaleMiddleware).
# Language names are written in their own language so a reader finds theirs in either.
LANGUAGES = [("en", "English"), ("es", "Español")]
# The curriculum's pages may be translated into the same languages (programs/localized.py):
# one English page tree serves every URL and a reader's translation is swapped in at render.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Dates and numbers follow the active language (cohort_site/formats/<lang>/formats.py).
FORMAT_MODULE_PATH = ["cohort_site.formats"]

LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "America/Los_Angeles"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# A confirmed import of at least this many rows runs in the task queue behind a progress page;
# a running one silent for IMPORT_JOB_STALL_SECONDS has lost its worker and may be retried.
IMPORT_QUEUE_ROWS = int(os.environ.get("IMPORT_QUEUE_ROWS", "5000"))
IMPORT_JOB_STALL_SECONDS = int(os.environ.get("IMPORT_JOB_STALL_SECONDS", "300"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


def object_storages(env) -> dict:
    """Uploads in S3-compatible object storage (django-storages) when AWS_STORAGE_BUCKET_NAME is
    set, so no app server keeps files on its own disk; {} keeps them in MEDIA_ROOT.

    "default" (feedback artifacts, Wagtail's original images and documents) is kept under
    private/ and a URL to one is presigned for AWS_QUERYSTRING_EXPIRE seconds; views hand it out
    only after their access checks (cohort_site.files). "public" keeps Wagtail's image
    renditions under public/, which public pages show with plain, cacheable URLs. The bucket
    policy (README, Deployment) lets anyone read public/ only; no object ACLs are set.
    """
    bucket = env.get("AWS_STORAGE_BUCKET_NAME", "")
    if not bucket:
        return {}
    common = {
        "bucket_name": bucket,
        "endpoint_url": env.get("AWS_S3_ENDPOINT_URL") or None,
        "region_name": env.get("AWS_S3_REGION_NAME") or None,
        "addressing_style": env.get("AWS_S3_ADDRESSING_STYLE") or None,
        "signature_version": "s3v4",
        # Two uploads with the same name never replace each other.
        "file_overwrite": False,
    }
    backend = "storages.backends.s3.S3Storage"
    private = {
        **common,
        "location": "private",
        "querystring_auth": True,
        "querystring_expire": int(env.get("AWS_QUERYSTRING_EXPIRE", "60")),
    }
    public = {
        **common,
        "location": "public",
        "querystring_auth": False,
        "custom_domain": env.get("AWS_S3_CUSTOM_DOMAIN") or None,
    }
    return {
        "default": {"BACKEND": backend, "OPTIONS": private},
        "public": {"BACKEND": backend, "OPTIONS": public},
    }


def public_media_origin(env) -> str:
    """Where pages load public images from when they are in object storage ("" when local)."""
    if env.get("AWS_S3_CUSTOM_DOMAIN"):
        return "https://" + env["AWS_S3_CUSTOM_DOMAIN"].rstrip("/")
    endpoint = env.get("AWS_S3_ENDPOINT_URL", "").rstrip("/")
    if endpoint:
        return endpoint
    region = env.get("AWS_S3_REGION_NAME", "us-east-1")
    return f"https://{env.get('AWS_STORAGE_BUCKET_NAME', '')}.s3.{region}.amazonaws.com"


OBJECT_STORAGE = object_storages(os.environ)
STORAGES.update(OBJECT_STORAGE)

# Django 6.1 mailers (EMAIL_* settings are deprecated). SMTP by default, read from the environment.
MAILERS = {
    "default": {
        "BACKEND": os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"),
        "OPTIONS": {
            "host": os.environ.get("EMAIL_HOST", "localhost"),
            "port": int(os.environ.get("EMAIL_PORT", "25")),
            "username": os.environ.get("EMAIL_HOST_USER", ""),
            "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
            "use_tls": os.environ.get("EMAIL_USE_TLS", "false").lower() == "true",
            "timeout": 10,
        },
    }
}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "equity-project@example.org")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Content Security Policy (Django's built-in middleware): nothing from another host, no inline
# script; scripts carry the per-request nonce.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", *([public_media_origin(os.environ)] if OBJECT_STORAGE else [])],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
}
# The Wagtail admin still uses inline styles and scripts (wagtail/wagtail#1288), so it gets a
# looser policy of its own; member pages keep the strict one.
COHORT_ADMIN_CSP = {
    **SECURE_CSP,
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [*SECURE_CSP["img-src"], "blob:"],
    "frame-ancestors": [CSP.SELF],
}
COHORT_ADMIN_PATH_PREFIXES = ("/admin/", "/django-admin/")
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

WAGTAIL_SITE_NAME = "Equity Improvement Project"
# Where people reach the site: every link in an email or a calendar feed starts with it (the
# outbox worker has no request to take the host from). Production falls back to
# https://<first of ALLOWED_HOSTS>; see README "Environment variables".
SITE_BASE_URL = os.environ.get("SITE_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", SITE_BASE_URL)
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
if OBJECT_STORAGE:
    # Wagtail checks the document's privacy, then redirects to a presigned, expiring URL.
    WAGTAILDOCS_SERVE_METHOD = "redirect"
    WAGTAILIMAGES_RENDITION_STORAGE = "public"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILEMBEDS_RESPONSIVE_HTML = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Immediate tasks log every run at INFO; that is noise in commands and tests.
    "loggers": {"django.tasks": {"level": "WARNING"}},
}
