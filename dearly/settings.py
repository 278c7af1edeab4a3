"""Dearly's only settings module: every deployment difference comes from the environment."""

from datetime import timedelta
from pathlib import Path

import dj_database_url

from dearly.env import (
    env_bool,
    env_int,
    env_list,
    env_str,
    random_fernet_key,
    required_secret,
)

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("DEARLY_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", default=False)
SECRET_KEY = required_secret("SECRET_KEY", DEBUG, VAR_DIR / "dev-secret-key")
# Letters, pen names and emails are encrypted with these keys (first encrypts, all decrypt).
FIELD_ENCRYPTION_KEYS = env_list("FIELD_ENCRYPTION_KEYS", []) or [
    required_secret(
        "FIELD_ENCRYPTION_KEYS", DEBUG, VAR_DIR / "dev-field-encryption-key", random_fernet_key
    )
]
# Keys the fingerprints of emails and IP addresses; changing it forgets every match.
PRIVACY_HASH_KEY = required_secret("PRIVACY_HASH_KEY", DEBUG, VAR_DIR / "dev-privacy-hash-key")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # First, so that its templates (CSP nonces on Wagtail's inline scripts) override Wagtail's.
    "dearly",
    "column",
    "therapists",
    "discussion",
    "demo",
    "letters",
    "safety",
    "privacy",
    "staffauth",
    "wagtail.contrib.redirects",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.syndication",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
]

MIDDLEWARE = [
    # First, so every later log line carries the request's id.
    "privacy.request_ids.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "dearly.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "staffauth.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A database that does not answer gives a friendly 503, and posted words back.
    "dearly.unavailable.DatabaseUnavailableMiddleware",
    # Last, as django-axes asks: it turns a refused sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "dearly.urls"
WSGI_APPLICATION = "dearly.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "dearly" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "privacy.context_processors.consent",
                "dearly.security.csp_nonce",
            ],
        },
    },
]


def database_config(url: str) -> dict:
    if url:
        return dj_database_url.parse(url, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": VAR_DIR / "db.sqlite3",
        "OPTIONS": {
            # WAL lets readers go on while one writer commits; IMMEDIATE avoids
            # "database is locked" on upgrade from read to write transactions.
            "transaction_mode": "IMMEDIATE",
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"
            ),
        },
    }


DATABASES = {"default": database_config(env_str("DATABASE_URL"))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTHENTICATION_BACKENDS = [
    # Counts failed sign-ins and refuses locked-out ones before any password is checked.
    "staffauth.throttle.LoginAttemptsBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": env_int("PASSWORD_MIN_LENGTH", 12)},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = env_str("TIME_ZONE", "America/New_York")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
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

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Dearly <column@localhost>")

# Hardening. dearly/security.py adds the Content-Security-Policy and Permissions-Policy headers;
# Django adds the rest. Only staff sign in, so only staff have sessions.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG and env_bool("SECURE_COOKIES", default=True)
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env_int("SESSION_HOURS", 8) * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# Wagtail's admin takes the token from the page, never from the cookie.
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Off by default: `make bench` and local runs serve DEBUG=0 over plain http. Production behind
# TLS sets SECURE_SSL_REDIRECT=1 (and TRUST_X_FORWARDED_PROTO=1 behind a proxy that sets it).
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=False)
if env_bool("TRUST_X_FORWARDED_PROTO", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# HSTS only when DEBUG is off; Django sends it on secure (https) responses only.
SECURE_HSTS_SECONDS = 0 if DEBUG else env_int("SECURE_HSTS_SECONDS", 365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=False)

# Sign-in throttling (django-axes): after LOGIN_FAILURE_LIMIT wrong passwords for one username
# from one address, that pair is refused, right password or not, for LOGIN_LOCKOUT_MINUTES.
# No raw IP is stored: axes sees a keyed pseudonym of it (staffauth/throttle.py); failed attempts
# are deleted once the cool-off has passed, and successful sign-ins are not logged.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "staffauth.throttle.pseudonymous_address"
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "csrfmiddlewaretoken"]
AXES_LOCKOUT_CALLABLE = "staffauth.throttle.locked_out"
AXES_VERBOSE = False

# Two-step sign-in (TOTP, django-otp). Any staff member may turn it on for their account, and
# must then use it; with REQUIRE_EDITOR_2FA on, Column editors and superusers must set it up
# before anything else in the admin.
REQUIRE_EDITOR_2FA = env_bool("REQUIRE_EDITOR_2FA", default=False)
OTP_TOTP_ISSUER = env_str("SITE_NAME", "Dearly")

WAGTAIL_SITE_NAME = env_str("SITE_NAME", "Dearly")
# No avatars from a third party: gravatar would receive hashes of staff emails.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor a release check from the dashboard (it would call a third party, and CSP refuses it).
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_BASE_URL = env_str("BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]

# Raising the version asks every visitor for their cookie choice again.
COOKIE_POLICY_VERSION = env_str("COOKIE_POLICY_VERSION", "2026-11")
# A self-hosted analytics script, rendered only for visitors who allowed "analytics".
ANALYTICS_SCRIPT_URL = env_str("ANALYTICS_SCRIPT_URL", "")

# Column behaviour an editor may want to tune per deployment.
ANSWERS_PER_PAGE = env_int("ANSWERS_PER_PAGE", 12)
LETTER_MAX_CHARS = env_int("LETTER_MAX_CHARS", 6000)
LETTERS_PER_IP_PER_HOUR = env_int("LETTERS_PER_IP_PER_HOUR", 5)
# Original letters are erased this many days after their answer is published or declined.
LETTER_RETENTION_DAYS = env_int("LETTER_RETENTION_DAYS", 90)
# Hashed IP addresses (for flood limits, bans and reports) are blanked after this many days.
IP_HASH_DAYS = env_int("IP_HASH_DAYS", 30)

# Logs carry request ids, never letter or comment words, emails, names or IP addresses.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "privacy.request_ids.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"}
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["request_id"],
        }
    },
    # Request bodies never reach the logs; Django's request warnings name the view, not the path.
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # One line per background task is noise; failures still show as warnings.
        "django_tasks": {"level": "WARNING"},
        # SQL parameters hold names and comments: never log queries, even at LOG_LEVEL=DEBUG.
        "django.db.backends": {"level": "INFO"},
        # At DEBUG, a missing template variable is logged with the whole template context,
        # which can hold a reader's words or a secret link.
        "django.template": {"level": "INFO"},
    },
}
