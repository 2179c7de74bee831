"""Gonghui settings. Every value comes from the environment; defaults suit `make run`.

Production is simply DEBUG=0 plus the variables README.md lists; `manage.py check
--deploy` is clean then.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from gonghui.envconf import envbool, envint, envlist, envstr

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent
VAR_DIR = Path(envstr("GONGHUI_VAR_DIR", str(PROJECT_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)  # SQLite database, dev keys, uploads

DEBUG = envbool("DEBUG", True)
SECRET_KEY = envstr("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG=0")
    SECRET_KEY = "dev-only-insecure-key-" + "x" * 40

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = envstr("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",  # its widget templates, for FORM_RENDERER below
    "axes",
    "django_ratelimit",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "treebeard",
    "django_tasks",
    "django_tasks_db",
    "gonghui.common",
    "gonghui.accounts",
    "gonghui.orgs",
    "gonghui.members",
    "gonghui.campaigns",
    "gonghui.assistance",
    "gonghui.ledger",
    "gonghui.innovation",
    "gonghui.experts",
    "gonghui.stations",
    "gonghui.events",
    "gonghui.benefits",
    "gonghui.wishes",
    "gonghui.appointments",
    "gonghui.skills.certification",
    "gonghui.skills.competitions",
    "gonghui.skills.training",
    "gonghui.skills.study",
    "gonghui.skills.mentoring",
    "gonghui.rights.democracy",
    "gonghui.rights.contracts",
    "gonghui.rights.legalaid",
    "gonghui.rights.mediation",
    "gonghui.rights.arrears",
    "gonghui.rights.earlywarning",
    "gonghui.workbench",
    "gonghui.portal",
    "gonghui.reports",
    "gonghui.reports.returns",
    "gonghui.reports.workreport",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "gonghui.common.db_busy.DatabaseBusyMiddleware",
    "gonghui.common.nul_guard.NulGuardMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "gonghui.common.security_headers.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "gonghui.common.locale.CookieLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "gonghui.orgs.second_factor.SecondFactorMiddleware",
    "gonghui.accounts.password_change.PasswordChangeRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "gonghui.urls"
FORMAT_MODULE_PATH = ["gonghui.formats"]  # one date format everywhere: 2026-12-02
# Widgets render through TEMPLATES, so our own widget templates (the union picker) sit beside the pages.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
WSGI_APPLICATION = "gonghui.wsgi.application"

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
                "gonghui.workbench.context_processors.workbench",
            ],
            # Money and counts format the same in every template without a {% load %}: yuan, wan, count.
            "builtins": ["gonghui.common.templatetags.money"],
        },
    },
]

# --- database -----------------------------------------------------------------
# SQLite under var/ by default; DATABASE_URL=postgres://... for PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        envstr("DATABASE_URL", f"sqlite:///{VAR_DIR / 'gonghui.sqlite3'}"),
        conn_max_age=envint("DB_CONN_MAX_AGE", 0),
    )
}
# A request never waits long on a lock or a runaway statement: PostgreSQL cancels it and the request
# answers 503 in Chinese (common.db_busy); job workers get their own, longer limits (jobs_worker).
DB_LOCK_TIMEOUT_MS = envint("DB_LOCK_TIMEOUT_MS", 5_000)
DB_STATEMENT_TIMEOUT_MS = envint("DB_STATEMENT_TIMEOUT_MS", 30_000)
# How old a stored figure may be before a page counts it again (ADR 0019); past periods never go stale.
GONGHUI_FIGURES_FRESH_SECONDS = envint("GONGHUI_FIGURES_FRESH_SECONDS", 900)
JOB_LOCK_TIMEOUT_MS = envint("JOB_LOCK_TIMEOUT_MS", 60_000)
JOB_STATEMENT_TIMEOUT_MS = envint("JOB_STATEMENT_TIMEOUT_MS", 0)  # 0: none (an import of a million rows)
HEALTHZ_TIMEOUT_MS = envint("HEALTHZ_TIMEOUT_MS", 800)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["OPTIONS"] = {
        "options": f"-c lock_timeout={DB_LOCK_TIMEOUT_MS} -c statement_timeout={DB_STATEMENT_TIMEOUT_MS}"
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web process read while the job worker writes; IMMEDIATE
    # transactions take the write lock up front instead of failing half-way.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- cache -------------------------------------------------------------------
REDIS_URL = envstr("REDIS_URL")
# django-redis, not Django's own RedisCache: it keeps one client per connection pool (Django's builds a new
# client object for every operation, which tripled the cost of a rate-limit check) and it is the Redis
# backend django-ratelimit supports.
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Rate-limit counters must be shared by every app server and survive restarts: Redis when there is one,
# else a database table (created by the common app's migration). Never a per-process memory cache.
CACHES["limits"] = (
    {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": REDIS_URL, "KEY_PREFIX": "limits"}
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "gonghui_limits"}
)
# The database cache increments by read-then-write: two racing tries may count once. That is the embedded
# default's trade (one machine, few clients); production runs Redis, whose INCR is atomic (ADR 0008).
SILENCED_SYSTEM_CHECKS = [] if REDIS_URL else ["django_ratelimit.E003", "django_ratelimit.W001"]

# --- roster imports ------------------------------------------------------------
# Checked before a spreadsheet is parsed (common.excel.reader.check_unpacked): a 3 MB zip bomb that
# unpacks to 785 MB is refused at once. A real million-row roster unpacks to some 300 MB at 10:1.
SPREADSHEET_MAX_UNPACKED_MB = envint("SPREADSHEET_MAX_UNPACKED_MB", 1024)
SPREADSHEET_MAX_RATIO = envint("SPREADSHEET_MAX_RATIO", 100)
SPREADSHEET_MAX_ROWS = envint("SPREADSHEET_MAX_ROWS", 1_100_000)
# Files of at least IMPORT_PARALLEL_MIN_BYTES (about 30,000 xlsx rows per MB) are read and validated in
# IMPORT_WORKERS spawned processes; 1 turns that off.
IMPORT_WORKERS = envint("GONGHUI_IMPORT_WORKERS", min(os.cpu_count() or 1, 4))
IMPORT_PARALLEL_MIN_BYTES = envint("GONGHUI_IMPORT_PARALLEL_MIN_BYTES", 1_000_000)

# --- background jobs ----------------------------------------------------------
# Database backend by default (no extra server). TASKS_BACKEND=rq moves the same
# task code onto Redis + RQ workers (see docs/adr/0003-job-backend.md).
TASKS_BACKEND = envstr("TASKS_BACKEND", "db")
if TASKS_BACKEND == "rq":
    if not REDIS_URL:
        raise ImproperlyConfigured("TASKS_BACKEND=rq needs REDIS_URL")
    INSTALLED_APPS += ["django_rq"]
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 3600}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
elif TASKS_BACKEND == "immediate":
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
elif TASKS_BACKEND == "db":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
else:
    raise ImproperlyConfigured(f"Unknown TASKS_BACKEND {TASKS_BACKEND!r} (db, rq, immediate)")
JOB_WORKER_HEARTBEAT_SECONDS = envint("JOB_WORKER_HEARTBEAT_SECONDS", 10)

# --- auth ---------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
# Administrators and holders of full-data, finance or staff-management roles confirm sign-in with a TOTP
# code (django-otp). Off only in tests that are not about it (tests/settings.py).
STAFF_SECOND_FACTOR = envbool("STAFF_SECOND_FACTOR", True)
OTP_TOTP_ISSUER = "Gonghui 工会"
OTP_DEMO_DEVICE = "demo"  # seed_demo's devices: with DEBUG=1 the second-factor page shows their current code
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "workbench:home"
LOGOUT_REDIRECT_URL = "accounts:login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "gonghui.accounts.password_rules.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Lock-out: AXES_FAILURE_LIMIT failures per username+IP lock that pair for AXES_COOLOFF_MINUTES.
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = envint("AXES_COOLOFF_MINUTES", 15) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
AXES_ENABLE_ACCESS_FAILURE_LOG = True

SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", 8 * 3600)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the page, not the cookie

# --- security headers (all on when DEBUG=0) ---------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = envbool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# Behind a reverse proxy the client's address is the last X-Forwarded-For entry (the one the proxy added);
# without BEHIND_PROXY=1 that header is whatever the client typed and is never read.
BEHIND_PROXY = envbool("BEHIND_PROXY", False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- public forms: rate limits (django-ratelimit), phone codes, SMS -------------------
# Every public form counts each try three times, in separate buckets: per client address, per ID number
# and per mobile (their HMACs). A factory behind one NAT shares the client bucket, hence its larger size.
RATELIMIT_USE_CACHE = "limits"
PUBLIC_LIMIT_PER_IDENTITY = envstr("PUBLIC_LIMIT_PER_IDENTITY", "10/h")
PUBLIC_LIMIT_PER_CLIENT = envstr("PUBLIC_LIMIT_PER_CLIENT", "300/h")
JOIN_MIN_AGE = envint("JOIN_MIN_AGE", 16)
PHONE_CODE_TTL_SECONDS = envint("PHONE_CODE_TTL_SECONDS", 300)
PHONE_CODE_MAX_TRIES = envint("PHONE_CODE_MAX_TRIES", 5)
PHONE_CODE_RESEND_SECONDS = envint("PHONE_CODE_RESEND_SECONDS", 60)
PHONE_CODE_DAILY_PER_NUMBER = envint("PHONE_CODE_DAILY_PER_NUMBER", 10)
PHONE_CODE_DAILY_PER_CLIENT = envint("PHONE_CODE_DAILY_PER_CLIENT", 200)
# SMS_BACKEND: console (writes codes to the log; the embedded default, refused when DEBUG=0) or tencent
# (腾讯云短信 through its official SDK). See docs/adr/0008-worker-accounts-and-phone-codes.md.
SMS_BACKEND = envstr("SMS_BACKEND", "console")
SMS_SIGN_NAME = envstr("SMS_SIGN_NAME")
SMS_TEMPLATE_ID = envstr("SMS_TEMPLATE_ID")
SMS_NOTICE_TEMPLATE_ID = envstr("SMS_NOTICE_TEMPLATE_ID")  # reminders and alerts; none: they are not sent
SMS_TENCENT_SECRET_ID = envstr("SMS_TENCENT_SECRET_ID")
SMS_TENCENT_SECRET_KEY = envstr("SMS_TENCENT_SECRET_KEY")
SMS_TENCENT_APP_ID = envstr("SMS_TENCENT_APP_ID")
SMS_TENCENT_REGION = envstr("SMS_TENCENT_REGION", "ap-guangzhou")
if SMS_BACKEND not in ("console", "tencent"):
    raise ImproperlyConfigured(f"Unknown SMS_BACKEND {SMS_BACKEND!r} (console, tencent)")
if SMS_BACKEND == "tencent" and not all(
    (SMS_SIGN_NAME, SMS_TEMPLATE_ID, SMS_TENCENT_SECRET_ID, SMS_TENCENT_SECRET_KEY, SMS_TENCENT_APP_ID)
):
    raise ImproperlyConfigured(
        "SMS_BACKEND=tencent needs SMS_SIGN_NAME, SMS_TEMPLATE_ID, SMS_TENCENT_SECRET_ID, "
        "SMS_TENCENT_SECRET_KEY and SMS_TENCENT_APP_ID"
    )
if SMS_BACKEND == "console" and not DEBUG and not envbool("SMS_CONSOLE_IN_PRODUCTION", False):
    raise ImproperlyConfigured("SMS_BACKEND=console writes codes to the log: set SMS_BACKEND=tencent when DEBUG=0")
# The member card's QR token lives this long; the phone renews it before then.
CARD_TOKEN_SECONDS = envint("CARD_TOKEN_SECONDS", 120)
# Events: how long a waiting worker has to accept a place that came free (never past the start).
EVENT_OFFER_HOURS = envint("EVENT_OFFER_HOURS", 24)
EVENT_MAX_PHOTOS = envint("EVENT_MAX_PHOTOS", 30)

# --- maps (stations) ------------------------------------------------------------
# The tile source of the stations map. Chinese tile servers (AutoNavi/高德, Tencent) draw in GCJ-02: the
# stations are stored in WGS-84 and shifted for such tiles; set MAP_TILE_GCJ02=0 for WGS-84 tiles (OSM).
MAP_TILE_URL = envstr(
    "MAP_TILE_URL", "https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}"
)
MAP_TILE_SUBDOMAINS = envstr("MAP_TILE_SUBDOMAINS", "1234")
MAP_TILE_GCJ02 = envbool("MAP_TILE_GCJ02", True)
MAP_TILE_ATTRIBUTION = envstr("MAP_TILE_ATTRIBUTION", "© 高德地图")
# A visitor's repeated scans of a station's poster within this window count as one visit.
STATION_VISIT_WINDOW_MINUTES = envint("STATION_VISIT_WINDOW_MINUTES", 30)

# --- i18n ---------------------------------------------------------------------
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("简体中文")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = envstr("TIME_ZONE", "Asia/Shanghai")
USE_I18N = True
USE_TZ = True

# --- static & media -----------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT.mkdir(exist_ok=True)
MEDIA_URL = "media/"
MEDIA_ROOT = VAR_DIR / "media"
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
# Uploads and exports hold personal data: readable by the app's user only, deleted when no longer needed
# (common/file_purge.py, run hourly by the job worker).
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
UPLOAD_KEEP_HOURS = envint("UPLOAD_KEEP_HOURS", 24)
EXPORT_KEEP_HOURS = envint("EXPORT_KEEP_HOURS", 24)
FILE_PURGE_INTERVAL_SECONDS = envint("FILE_PURGE_INTERVAL_SECONDS", 3600)
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- personal data (PIPL) -----------------------------------------------------
# GONGHUI_PII_KEYS="2:<base64 32 bytes>,1:<base64 32 bytes>" (first = current);
# GONGHUI_PII_HMAC_KEY="<base64 32 bytes>". In DEBUG a dev key file is generated
# under var/ on first use. See docs/adr/0002-pii-keys.md.
PII_KEYS = envstr("GONGHUI_PII_KEYS")
PII_HMAC_KEY = envstr("GONGHUI_PII_HMAC_KEY")
PII_DEV_KEY_FILE = VAR_DIR / "pii_dev_keys.json"
if not DEBUG and not (PII_KEYS and PII_HMAC_KEY):
    raise ImproperlyConfigured("GONGHUI_PII_KEYS and GONGHUI_PII_HMAC_KEY must be set when DEBUG=0")

# --- API ----------------------------------------------------------------------
NINJA_PAGINATION_PER_PAGE = 50
NINJA_PAGINATION_MAX_LIMIT = 500

# --- logging ------------------------------------------------------------------
LOG_LEVEL = envstr("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"pii": {"()": "gonghui.common.log_filters.RedactPIIFilter"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["pii"]}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
