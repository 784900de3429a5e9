"""Settings for the CentreCall GDPR register, read from the environment.

Secure by default: with only DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS set, the
deployment checks pass (HTTPS redirect, secure cookies, HSTS). Local HTTP use
(`make run`, the tests) turns those off explicitly with DJANGO_HTTPS=0.
"""

import os
import tempfile
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_whole(name, default, unit, maximum, minimum=1):
    """A count of `unit` from the environment: a whole number from `minimum` to `maximum`, else a clear refusal."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    if not (value.isascii() and value.isdigit()) or not minimum <= int(value) <= maximum:
        raise ImproperlyConfigured(
            f"{name} must be a whole number of {unit} from {minimum} to {maximum}, not {value!r}."
        )
    return int(value)


def env_days(name, default):
    return env_whole(name, default, "days", 36500)


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = "insecure-development-key-only-for-local-debug-use-0123456789"
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "simple_history",
    "axes",
    "csp",
    "register",
    "processes",
    "incidents",
    "rights",
    "compliance",
    "contracts",
    "audit",
    "jobs",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",  # after whitenoise: pages, not static files
    "django.contrib.sessions.middleware.SessionMiddleware",
    "register.middleware.ChosenLanguageMiddleware",  # French unless English is chosen
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "audit.middleware.CurrentRequestMiddleware",  # who and from where, for the audit trail
    "django.contrib.messages.middleware.MessageMiddleware",
    "register.sessions.SessionExpiryMiddleware",  # idle and absolute session lifetimes
    "register.protection.PrivateResponsesMiddleware",  # no cached copy of a signed-in page
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a lockout raised during authentication into the
    # lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "centrecall.urls"

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
                "django.template.context_processors.i18n",
                "register.context_processors.roles",
            ],
        },
    },
]

WSGI_APPLICATION = "centrecall.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The tests' SQLite database is a file rather than memory, so that the Celery worker the
    # job tests start (tests/jobs/test_worker.py) opens the same database; one per process.
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"centrecall-test-{os.getpid()}.sqlite3"),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Login throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords an account is
# locked, and so is the address they came from, whichever door (/connexion/, /admin/login/)
# they used, for AXES_COOLOFF_MINUTES; a success before that forgets the failures. A
# superuser unlocks early from the admin (« Tentatives d'accès ») or with
# `manage.py axes_reset_username NAME` / `axes_reset_ip ADDRESS`.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # each counted on its own
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "register.addresses.client_address"  # the proxy's X-Forwarded-For
# The audit trail (audit app) keeps each entry this many days; `manage.py purge_audit_log`,
# run daily, deletes older ones. The CNIL recommends keeping logs six months to a year
# (délibération n° 2021-122 du 14 octobre 2021, recommandation relative à la journalisation).
AUDIT_RETENTION_DAYS = env_days("DJANGO_AUDIT_RETENTION_DAYS", 365)
# A signed-in session ends after SESSION_IDLE_MINUTES without a request, and SESSION_HOURS after
# the login whatever the activity (register/sessions.py); the cookie and the stored session
# last no longer than that.
SESSION_IDLE_MINUTES = env_whole("DJANGO_SESSION_IDLE_MINUTES", 30, "minutes", 24 * 60)
SESSION_HOURS = env_whole("DJANGO_SESSION_HOURS", 10, "hours", 24 * 31)
SESSION_COOKIE_AGE = SESSION_HOURS * 3600
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"  # each user's first page (compliance.views.home)
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The switcher's choice (Django's set_language view) is kept a year, like a preference.
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Typed dates: JJ/MM/AAAA in French, ISO 8601 in English, never a two-digit year.
FORMAT_MODULE_PATH = ["register.formats"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_MANIFEST = env_bool("DJANGO_STATIC_MANIFEST", not DEBUG)
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if STATIC_MANIFEST
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Without collected (hashed) files, whitenoise serves them from the source folders, so that
# `make run` shows static files with DEBUG off (its 404 and 500 pages are the real ones).
WHITENOISE_USE_FINDERS = not STATIC_MANIFEST

# Uploads: the ODS import refuses files over 10 MB itself; keep Django's own limits
# slightly above so that the user gets the import's French message, not a 400.
FILE_UPLOAD_MAX_MEMORY_SIZE = 11 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 11 * 1024 * 1024
# The import view drops a larger file as it arrives (register.uploads.upload_size_cap).
# Incident attachments: outside the static folders, served only by the incident's view.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("DJANGO_PRIVATE_MEDIA_ROOT", BASE_DIR / "private_media"))

# E-mail (the daily digest, register/digest.py): SMTP from the environment; the site's
# address makes the links of an e-mail absolute.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "registre-rgpd@localhost")
SITE_URL = os.environ.get("DJANGO_SITE_URL", "http://127.0.0.1:8000")
# Contracts ending within this many days are announced by the digest.
DIGEST_CONTRACT_DAYS = env_days("DJANGO_DIGEST_CONTRACT_DAYS", 60)

# The register's PDF is laid out fiche by fiche (register/exports/pdf_parts.py): in that many
# processes at once, each fiche's PDF kept in a file cache beside the private media.
PDF_RENDER_PROCESSES = int(os.environ.get("DJANGO_PDF_RENDER_PROCESSES", 0)) or os.cpu_count() or 1
PDF_PARTS_CACHE = "pdf_parts"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    PDF_PARTS_CACHE: {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": PRIVATE_MEDIA_ROOT / "pdf-parts",
        "OPTIONS": {"MAX_ENTRIES": 20000},
    },
}
# Background jobs (app `jobs`): long exports and imports go to a Celery worker through Redis,
# broker and result store. Without CELERY_BROKER_URL there is no queue and the work is done
# in the request, as `make run` and the plain test suite do.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND", "") or CELERY_BROKER_URL or None
# Several sites (or test runs) may share one Redis: their keys and queue stay apart.
CELERY_KEY_PREFIX = os.environ.get("CELERY_KEY_PREFIX", "")
CELERY_BROKER_TRANSPORT_OPTIONS = {"global_keyprefix": CELERY_KEY_PREFIX} if CELERY_KEY_PREFIX else {}
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = CELERY_BROKER_TRANSPORT_OPTIONS
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("CELERY_QUEUE", "") or "centrecall"
CELERY_TASK_TRACK_STARTED = True
CELERY_RESULT_EXPIRES = timedelta(days=1)
CELERY_WORKER_PREFETCH_MULTIPLIER = 1  # a long job does not hold the next one back on a busy worker
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# An export of at least this many fiches becomes a job (0: every export, as in the tests).
JOBS_EXPORT_THRESHOLD = env_whole("DJANGO_JOBS_EXPORT_THRESHOLD", 50, "fiches", 10**6, minimum=0)
# Finished jobs and their files are kept this many days (« Mes exports »), then purged.
JOBS_RETENTION_DAYS = env_days("DJANGO_JOBS_RETENTION_DAYS", 7)
# A job is stopped after this many seconds (Celery's hard limit; the soft one 30 s before).
JOBS_TIME_LIMIT = env_whole("DJANGO_JOBS_TIME_LIMIT", 1800, "seconds", 24 * 3600)
# A running job says it is alive this often; three beats missed and it is taken as lost (worker killed).
JOBS_HEARTBEAT_SECONDS = env_whole("DJANGO_JOBS_HEARTBEAT_SECONDS", 10, "seconds", 3600)
# The jobs' files: private, outside the static folders, shared by the web and the worker.
JOBS_DIR = Path(os.environ.get("DJANGO_JOBS_DIR", "") or PRIVATE_MEDIA_ROOT / "jobs")

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# HTTPS hardening, on unless DJANGO_HTTPS=0 (local HTTP only).
HTTPS = env_bool("DJANGO_HTTPS", True)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# The register uses none of the browser's devices or payment features: no page, nor anything
# a page could be made to load, may ask for them.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
# Content-Security-Policy (django-csp): scripts, styles, fonts and images come from the site
# itself and nothing inline runs or styles a page (no 'unsafe-inline': a script or style
# attribute slipped into a page by a stored value stays inert); no plugin, no foreign form
# target, no framing. img-src allows data: for the SVG icons inside Bootstrap's CSS.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
SESSION_COOKIE_HTTPONLY = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
