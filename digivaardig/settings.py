"""Settings for the Digivaardig portal, read from the environment (or a `.env` file).

Defaults give the embedded demo: SQLite under var/, e-mail into var/mail/, Celery tasks run
in-process. A deployment sets DATABASE_URL, REDIS_URL, EMAIL_URL, SECRET_KEY and ALLOWED_HOSTS.
"""

from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import environ
from django.utils.translation import gettext_lazy as _

from common.release import code_digest, database_identity

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"
# Home of the demo's SQLite file and e-mails; harmless when a deployment uses neither.
for _folder in ("mail", "staticfiles"):
    (VAR_DIR / _folder).mkdir(parents=True, exist_ok=True)

env = environ.Env()
if (BASE_DIR / ".env").is_file():
    environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=False)
# The demo and tests may run with a throwaway key; a deployment (DEBUG off) must bring its own.
SECRET_KEY = env.str("SECRET_KEY") if not DEBUG else env.str("SECRET_KEY", default="dev-only-insecure-key")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# The portal's public address: links in e-mails, and the domain of calendar event UIDs (which must
# not change with the host name a request happens to use).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
SITE_DOMAIN = urlsplit(SITE_URL).hostname or "localhost"

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
    "axes",
    "csp",
    "common",
    "core",
    "organisations",
    "personas",
    "selfscan",
    "campaigns",
    "learning",
    "agendas",
    "coaching",
    "reminders",
    "dashboards",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "common.cache.RequestVersions",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.SessionTimeoutMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "common.preserve.PreservePostMiddleware",
    "core.middleware.MethodNotAllowedPageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "digivaardig.urls"
WSGI_APPLICATION = "digivaardig.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "organisations.context_processors.roles",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'digivaardig.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
# Form choices iterate querysets with .iterator(); on PostgreSQL that opens a server-side cursor per
# select box (DECLARE, FETCH, CLOSE), which cost more than the query itself. Ours are small.
DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the demo's web server and in-process tasks share the file.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "organisations.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "organisations.backends.EmailBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "login"

# A whole town hall shares one address, so lock out a username *at* an address, never the address.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=10)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=0.5)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
# The address as the portal knows it (stripped, lower case): 'Digicoach@…' and 'digicoach@…' share a lock.
AXES_USERNAME_CALLABLE = "organisations.identity.lockout_username"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)

SESSION_IDLE_TIMEOUT_MINUTES = env.int("SESSION_IDLE_TIMEOUT_MINUTES", default=60)
SESSION_COOKIE_AGE = env.int("SESSION_ABSOLUTE_TIMEOUT_HOURS", default=12) * 3600
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# A form from a page that is no longer valid: the portal's page, and the typed values kept (core.views).
CSRF_FAILURE_VIEW = "core.views.csrf_failure"

# The interface language is the person's preference (User.language, core.middleware.
# UserLanguageMiddleware), Dutch for anyone not logged in; never the browser's Accept-Language.
# locale/en holds the English catalogue, locale/nl overrides Django's own formal Dutch ("Uw") with the
# portal's "je". Both .po and compiled .mo files are committed: nothing needs gettext to run.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}


def file_mail_path(url: str) -> str:
    """The folder of a `filemail://` EMAIL_URL: `filemail:///srv/mail` is absolute, `filemail://var/mail`
    is relative to the project folder. (django-environ drops the first part of either.)"""
    parts = urlsplit(url)
    path = parts.netloc + parts.path
    if not path.strip("/"):
        return str(VAR_DIR / "mail")
    return path if path.startswith("/") else str(BASE_DIR / path)


EMAIL_URL = env.str("EMAIL_URL", default="filemail://var/mail")
EMAIL_CONFIG = env.email_url_config(EMAIL_URL)
vars().update(EMAIL_CONFIG)
if EMAIL_CONFIG["EMAIL_BACKEND"] == "django.core.mail.backends.filebased.EmailBackend":
    EMAIL_FILE_PATH = file_mail_path(EMAIL_URL)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Digivaardig <digivaardig@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery: without REDIS_URL every task runs in-process, so the demo needs no other service.
REDIS_URL = env.str("REDIS_URL", default="")
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=30 * 60)
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=25 * 60)
# A task of a worker that died unacknowledged goes to another worker after this long: longer than
# the longest task (a reminder batch takes seconds).
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600)}
# A pause between reminder e-mails, for an SMTP server that accepts only so many a second.
REMINDER_SEND_INTERVAL_MS = env.int("REMINDER_SEND_INTERVAL_MS", default=0)
# However busy the data, a campaign's dashboard figures are recounted at most this often (seconds).
DASHBOARD_REFRESH_SECONDS = env.int("DASHBOARD_REFRESH_SECONDS", default=30)


def _redis_database(url: str, number: int) -> str:
    """The same Redis server, another database number (the broker and the cache stay apart)."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{number}"))


# Which code is running, in every cache key: what one release kept (rendered markup, forms, texts)
# is never served by the next (common/release.py). A deployment may name it (the commit, say).
RELEASE = env.str("RELEASE", default="") or code_digest(BASE_DIR)
# Whose data the cache holds, in every key too: two installations on one Redis server (a test and a
# production instance, say) never read each other's kept pages, people or versions, even with the
# same code and cache database. Processes of one installation share its database, so its cache; one
# that reaches the same database by another address names the installation (INSTALLATION_ID).
INSTALLATION_ID = env.str("INSTALLATION_ID", default="") or database_identity(DATABASES["default"])
# The installation's own task queue: two installations on one broker (the same REDIS_URL) never run
# each other's tasks against their own database.
CELERY_TASK_DEFAULT_QUEUE = f"digivaardig-{INSTALLATION_ID}"

# Cache: shared by every web and task process through Redis when REDIS_URL is set (database 1;
# the broker uses the URL's own), else this process's memory (the one-process demo). Sessions are
# read from the cache and written through to the database, so a page needs no session query.
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "common.redis_cache.PortalRedisCache",
            "LOCATION": env.str("CACHE_REDIS_URL", default=_redis_database(REDIS_URL, 1)),
            "KEY_PREFIX": f"digivaardig:{INSTALLATION_ID}:{RELEASE}",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "digivaardig",
            "KEY_PREFIX": f"digivaardig:{INSTALLATION_ID}:{RELEASE}",
        }
    }

# Marks of work done (a reminder that went out, for a worker that takes over a killed one's batch)
# are state, not something kept that can be built again: they must outlive a release, so their own
# alias is keyed by the installation only.
CACHES["marks"] = {
    **CACHES["default"],
    "KEY_PREFIX": f"digivaardig:{INSTALLATION_ID}:marks",
    **({} if REDIS_URL else {"LOCATION": "digivaardig-marks"}),
}

# Whether every process reads the same cache (common.cache.is_shared): Redis yes, local memory no.
CACHE_IS_SHARED = not CACHES["default"]["BACKEND"].endswith("LocMemCache")

# Plain widgets rendered in Python with output identical to Django's templates (common/form_renderer.py).
FORM_RENDERER = "common.form_renderer.PortalFormRenderer"
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Production hardening, switched on by the environment (on by default when DEBUG is off).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
IMPORT_MAX_BYTES = env.int("IMPORT_MAX_BYTES", default=5 * 1024 * 1024)
# The learning platform's export: 50,000 rows are about 4 MB.
LEARNING_IMPORT_MAX_BYTES = env.int("LEARNING_IMPORT_MAX_BYTES", default=20 * 1024 * 1024)
# One request to the xAPI endpoint (a batch of 1,000 statements is about 0.5 MB); larger: 413.
XAPI_MAX_BODY_BYTES = env.int("XAPI_MAX_BODY_BYTES", default=4 * 1024 * 1024)

# Aggregates derived from scan scores are shown only for groups at least this large.
PRIVACY_MIN_GROUP_SIZE = 5

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}
