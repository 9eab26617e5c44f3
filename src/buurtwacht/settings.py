"""Configuration for Buurtwacht, read from the environment in this one place.

The embedded mode (no environment at all) must work on a fresh clone: SQLite under ./var/,
secrets generated into ./var/. Production (BUURTWACHT_ENV=production) refuses to start
without explicit secrets, so a forgotten variable can never silently weaken a deployment.
"""

import os
import secrets
from pathlib import Path

import dj_database_url

PACKAGE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("BUURTWACHT_VAR_DIR", Path.cwd() / "var")).resolve()
PRODUCTION = os.environ.get("BUURTWACHT_ENV", "development") == "production"


def _secret(env_name: str, file_name: str, make) -> str:
    """A secret from the environment, or (embedded mode only) one generated once into var/."""
    value = os.environ.get(env_name)
    if value:
        return value
    if PRODUCTION:
        raise RuntimeError(f"{env_name} must be set when BUURTWACHT_ENV=production")
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    path = VAR_DIR / file_name
    if not path.exists():
        path.write_text(make())
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret("SECRET_KEY", "secret_key", lambda: secrets.token_urlsafe(50))
# "kid:base64key[,kid:base64key...]": the first key encrypts, all keys decrypt (rotation).
FIELD_ENCRYPTION_KEYS = _secret(
    "FIELD_ENCRYPTION_KEY", "field_key", lambda: "k1:" + secrets.token_urlsafe(32)
)
BLIND_INDEX_KEY = _secret("BLIND_INDEX_KEY", "blind_index_key", lambda: secrets.token_urlsafe(32))

DEBUG = os.environ.get("DEBUG", "0" if PRODUCTION else "1") == "1"
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'buurtwacht.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=0)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets the web process read while the worker writes; IMMEDIATE avoids
        # "database is locked" upgrades from read to write transactions. A writer waits up to
        # 30 s for the lock: an overloaded process (bench/load.py saw 10 s queues) should
        # answer a member's alert late rather than with a 500 "database is locked".
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
        "PRAGMA busy_timeout=30000;",
        "transaction_mode": "IMMEDIATE",
    }
    # A file (not :memory:) so tests can start real server and worker processes on it; one per
    # test run so that concurrent runs never share it.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-{os.getpid()}.sqlite3")}

REDIS_URL = os.environ.get("REDIS_URL", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "buurtwacht.privacy",
    "buurtwacht.accounts",
    "buurtwacht.organisation",
    "buurtwacht.delivery",
    "buurtwacht.delivery.live",
    "buurtwacht.delivery.whatsapp",
    "buurtwacht.alerts",
    "buurtwacht.conversation",
    "buurtwacht.reports",
    "buurtwacht.police",
    "buurtwacht.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "buurtwacht.web.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = 1  # hours

ROOT_URLCONF = "buurtwacht.urls"
ASGI_APPLICATION = "buurtwacht.asgi.application"
AUTH_USER_MODEL = "organisation.User"
LOGIN_URL = "/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("fr", "Français"), ("de", "Deutsch"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Brussels"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise serves from finders; root may be empty
WHITENOISE_USE_FINDERS = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

EMAIL_HOST = os.environ.get("EMAIL_HOST", "127.0.0.1")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "1025"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "0") == "1"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "buurtwacht@localhost")

# Delivery (outbox) tuning; see docs/delivery.md.
DELIVERY_LEASE_SECONDS = int(os.environ.get("DELIVERY_LEASE_SECONDS", "60"))
DELIVERY_MAX_ATTEMPTS = int(os.environ.get("DELIVERY_MAX_ATTEMPTS", "6"))
DELIVERY_BACKOFF_BASE_SECONDS = int(os.environ.get("DELIVERY_BACKOFF_BASE_SECONDS", "30"))
DELIVERY_BACKOFF_MAX_SECONDS = int(os.environ.get("DELIVERY_BACKOFF_MAX_SECONDS", "3600"))

# Jobs the worker runs periodically: (dotted path, every N seconds).
PERIODIC_JOBS = [
    ("buurtwacht.alerts.closing.close_stale_alerts", 60),
    # webhooks stored but not processed yet (the task queue normally wakes it at once)
    ("buurtwacht.delivery.whatsapp.inbound.process_pending", 2),
    ("buurtwacht.delivery.whatsapp.inbound.purge", 3600),
]

if PRODUCTION:
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Chat conversations (WhatsApp, SMS): idle drafts are dropped and purged by the worker
# (docs/conversation.md); the idle time itself is the protocol's conversation_idle_minutes.
PERIODIC_JOBS += [("buurtwacht.conversation.engine.purge_expired", 300)]

# WhatsApp Business Cloud API (docs/whatsapp.md). Without an access token and a phone number id
# the channel reports "not configured" and members fall through to their next channel.
# WHATSAPP_SIM=1 points the hub at the local stand-in of `buurtwacht whatsapp-sim` instead.
WHATSAPP_SIM = os.environ.get("WHATSAPP_SIM", "0") == "1"
_WA_SIM_DEFAULTS = {
    "WHATSAPP_API_BASE": "http://127.0.0.1:8089",
    "WHATSAPP_PHONE_NUMBER_ID": "100000000000001",
    "WHATSAPP_ACCESS_TOKEN": "dev-access-token",
    "WHATSAPP_APP_SECRET": "dev-app-secret",
    "WHATSAPP_VERIFY_TOKEN": "dev-verify-token",
}


def _wa(name: str, default: str = "") -> str:
    return os.environ.get(name) or (
        _WA_SIM_DEFAULTS.get(name, default) if WHATSAPP_SIM else default
    )


WHATSAPP_API_BASE = _wa("WHATSAPP_API_BASE", "https://graph.facebook.com")
WHATSAPP_API_VERSION = _wa("WHATSAPP_API_VERSION", "v23.0")
WHATSAPP_PHONE_NUMBER_ID = _wa("WHATSAPP_PHONE_NUMBER_ID")
WHATSAPP_ACCESS_TOKEN = _wa("WHATSAPP_ACCESS_TOKEN")
WHATSAPP_APP_SECRET = _wa("WHATSAPP_APP_SECRET")
WHATSAPP_VERIFY_TOKEN = _wa("WHATSAPP_VERIFY_TOKEN")
WHATSAPP_MAX_PER_SECOND = float(os.environ.get("WHATSAPP_MAX_PER_SECOND", "80"))
# Meta allows about one message per 6 s to the same user; the margin absorbs network jitter.
WHATSAPP_PAIR_INTERVAL_SECONDS = float(os.environ.get("WHATSAPP_PAIR_INTERVAL_SECONDS", "6.5"))
# Unique users reached outside the 24-hour window per 24 h (250, 2000, 10000, 100000; 0: unlimited)
WHATSAPP_TIER = int(os.environ.get("WHATSAPP_TIER", "250"))
WHATSAPP_TEMPLATE = os.environ.get("WHATSAPP_TEMPLATE", "buurtwacht_alert")
WHATSAPP_TIMEOUT_SECONDS = float(os.environ.get("WHATSAPP_TIMEOUT_SECONDS", "10"))

# --- Privacy lifecycle (docs/privacy.md) -----------------------------------------------------
# Members who left every group are erased this many days after leaving.
PRIVACY_LEAVER_GRACE_DAYS = int(os.environ.get("PRIVACY_LEAVER_GRACE_DAYS", "30"))
# How often the worker applies the retention rules (seconds).
PRIVACY_PURGE_EVERY_SECONDS = int(os.environ.get("PRIVACY_PURGE_EVERY_SECONDS", "3600"))
PERIODIC_JOBS = [
    *PERIODIC_JOBS,
    ("buurtwacht.privacy.retention.purge", PRIVACY_PURGE_EVERY_SECONDS),
]
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Deleted and overwritten rows are zeroed in the file, so an erased phone number or name
    # does not linger in free pages of the database file.
    DATABASES["default"]["OPTIONS"]["init_command"] += " PRAGMA secure_delete=ON;"
# --- SMS channel (delivery/channels/sms.py, delivery/sms/; docs/delivery.md "SMS") ---------
# "log" writes each SMS to the log and sends nothing (the development and demo default);
# "http" posts JSON to SMS_HTTP_URL. Production has no default: SMS is skipped until set.
SMS_PROVIDER = os.environ.get("SMS_PROVIDER", "" if PRODUCTION else "log")
SMS_HTTP_URL = os.environ.get("SMS_HTTP_URL", "")
SMS_HTTP_AUTH_HEADER = os.environ.get("SMS_HTTP_AUTH_HEADER", "")  # "Authorization: Bearer xyz"
SMS_HTTP_FIELD_TO = os.environ.get("SMS_HTTP_FIELD_TO", "to")
SMS_HTTP_FIELD_FROM = os.environ.get("SMS_HTTP_FIELD_FROM", "from")
SMS_HTTP_FIELD_TEXT = os.environ.get("SMS_HTTP_FIELD_TEXT", "text")
SMS_HTTP_FIELD_REFERENCE = os.environ.get("SMS_HTTP_FIELD_REFERENCE", "reference")
SMS_HTTP_ID_FIELD = os.environ.get("SMS_HTTP_ID_FIELD", "id")  # dotted path in the answer
SMS_HTTP_TIMEOUT_SECONDS = float(os.environ.get("SMS_HTTP_TIMEOUT_SECONDS", "10"))
SMS_FROM = os.environ.get("SMS_FROM", "")
SMS_MAX_SEGMENTS = int(os.environ.get("SMS_MAX_SEGMENTS", "3"))
SMS_MAX_PER_SECOND = float(os.environ.get("SMS_MAX_PER_SECOND", "10"))
SMS_PUBLIC_BASE_URL = os.environ.get("SMS_PUBLIC_BASE_URL", "http://127.0.0.1:8000")
SMS_CALLBACK_SECRET = os.environ.get("SMS_CALLBACK_SECRET", "")  # empty: reports refused
SMS_CALLBACK_FIELD_ID = os.environ.get("SMS_CALLBACK_FIELD_ID", "id")
SMS_CALLBACK_FIELD_STATUS = os.environ.get("SMS_CALLBACK_FIELD_STATUS", "status")
SMS_CALLBACK_FIELD_ERROR = os.environ.get("SMS_CALLBACK_FIELD_ERROR", "error")
# Police side (issue 9): the address members' e-mails and chat messages link to (the page where
# a member answers a police message or a request for information).
PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "http://127.0.0.1:8000")

# --- Sign-in (buurtwacht.accounts; docs/accounts.md) -----------------------------------------
# Residents: a one-time code (e-mail, SMS or WhatsApp) or a magic link (e-mail); staff: password
# plus TOTP. Codes: 6 digits, hashed, single use, ACCOUNTS_CODE_TTL_SECONDS, 5 attempts.
LOGIN_URL = "/login/code/"  # residents are the many; the page links to the staff password form
ACCOUNTS_CODE_TTL_SECONDS = int(os.environ.get("ACCOUNTS_CODE_TTL_SECONDS", "600"))
ACCOUNTS_CODE_MAX_ATTEMPTS = int(os.environ.get("ACCOUNTS_CODE_MAX_ATTEMPTS", "5"))
ACCOUNTS_CODE_REQUESTS_PER_HOUR = int(os.environ.get("ACCOUNTS_CODE_REQUESTS_PER_HOUR", "5"))
ACCOUNTS_CODE_REQUESTS_PER_CLIENT_HOUR = int(
    os.environ.get("ACCOUNTS_CODE_REQUESTS_PER_CLIENT_HOUR", "30")
)
# a login code is an "authentication" template in Meta's terms (one body parameter: the code)
WHATSAPP_AUTH_TEMPLATE = os.environ.get("WHATSAPP_AUTH_TEMPLATE", "buurtwacht_code")
# Sessions: residents stay signed in SESSION_COOKIE_AGE; staff sessions end when the browser
# closes and after STAFF_SESSION_SECONDS at the latest (set at login, enforced by middleware).
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(14 * 24 * 3600)))
STAFF_SESSION_SECONDS = int(os.environ.get("STAFF_SESSION_SECONDS", str(12 * 3600)))
STAFF_SESSION_EXPIRE_AT_BROWSER_CLOSE = (
    os.environ.get("STAFF_SESSION_EXPIRE_AT_BROWSER_CLOSE", "1") == "1"
)
# Paths whose pages need a verified second factor (staff); one list for the middleware.
OTP_REQUIRED_PATHS = [
    p for p in os.environ.get("OTP_REQUIRED_PATHS", "/police/,/audit/,/admin/,/reports/")
    .split(",") if p
]  # fmt: skip
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Buurtwacht")
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.messages.middleware.MessageMiddleware") + 1,
    "buurtwacht.accounts.enforcement.OtpRequiredMiddleware",
)
# django-axes: one throttle for passwords, TOTP codes and sign-in codes. Locks a client
# address or an account name after AXES_FAILURE_LIMIT failures, for AXES_COOLOFF_TIME hours.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_TIME", "1"))  # hours
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_LOCKOUT_CALLABLE = "buurtwacht.accounts.throttle.lockout_response"
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "identifier", "code", "token"]
PERIODIC_JOBS = [*PERIODIC_JOBS, ("buurtwacht.accounts.codes.purge", 3600)]

# --- Security: headers, cookies, HTTPS (issue 12; docs/security.md) --------------------------
# A strict Content-Security-Policy on every response (web.middleware.SecurityHeadersMiddleware,
# placed first so static files and error pages get it too): no inline script or style, nothing
# from another origin. Swagger UI at /api/docs is served from Ninja's own static files ("ninja"
# in INSTALLED_APPS makes Ninja use them instead of a CDN), with its settings in a JSON block.
INSTALLED_APPS += ["ninja"]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "buurtwacht.web.middleware.SecurityHeadersMiddleware",
)
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "font-src": ["'self'"],
    "object-src": ["'none'"],
    "frame-ancestors": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}
# Browser features the pages never use are switched off; geolocation stays for this origin
# (the address check when joining may ask for the member's position).
PERMISSIONS_POLICY = {
    "camera": [],
    "microphone": [],
    "geolocation": ["self"],
    "payment": [],
    "usb": [],
    "serial": [],
    "bluetooth": [],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True  # the CSRF cookie is not: Ninja's docs page and JS read it
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
# Behind a TLS-terminating proxy: the header it sets, e.g. SECURE_PROXY_SSL_HEADER=X-Forwarded-Proto
# (only when the proxy always sets or overwrites it; otherwise clients could fake HTTPS).
if os.environ.get("SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = (
        "HTTP_" + os.environ["SECURE_PROXY_SSL_HEADER"].upper().replace("-", "_"),
        "https",
    )
if PRODUCTION:
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = os.environ.get("SECURE_HSTS_PRELOAD", "0") == "1"
    SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
    # A load balancer probes /healthz over plain HTTP inside the network.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    if not SECURE_HSTS_PRELOAD:
        # Preloading is a promise to browser vendors the domain's owner makes, not a default.
        SILENCED_SYSTEM_CHECKS = ["security.W021"]
# --- Reports (issue 11; docs/reports.md) ----------------------------------------------------
# Counts below the threshold are shown as "<N" to the provincial analyst, the national level
# and in every export (with complementary suppression). REPORTS_TILE_URL: an optional
# {z}/{x}/{y} tile template drawn behind the neighbourhood map (empty: no tile server).
REPORTS_SUPPRESSION_THRESHOLD = int(os.environ.get("REPORTS_SUPPRESSION_THRESHOLD", "5"))
REPORTS_TILE_URL = os.environ.get("REPORTS_TILE_URL", "")
# --- Web pages, PWA and Web Push (issue 12; docs/web.md) --------------------------------------
# VAPID keys for Web Push (base64url; the private key raw or as a PEM). Both empty: the
# "webpush" channel is not configured, skipped at fan-out, and the pages offer no push.
VAPID_PUBLIC_KEY = os.environ.get("VAPID_PUBLIC_KEY", "")
VAPID_PRIVATE_KEY = os.environ.get("VAPID_PRIVATE_KEY", "")
VAPID_SUBJECT = os.environ.get("VAPID_SUBJECT", "mailto:privacy@buurtwacht.invalid")
WEBPUSH_TIMEOUT_SECONDS = float(os.environ.get("WEBPUSH_TIMEOUT_SECONDS", "10"))
# How long a coordinator's invitation link stays valid (days).
INVITATION_DAYS = int(os.environ.get("INVITATION_DAYS", "14"))
# The navigation shows what the person's roles open (web/context.py).
TEMPLATES[0]["OPTIONS"]["context_processors"].append("buurtwacht.web.context.navigation")
# --- Deployment beyond one machine (docs/deploy.md) ------------------------------------------
# Under ASGI every concurrent request runs its sync code in a thread of its own, with its own
# database connection: a burst of requests opens as many PostgreSQL connections, and the server
# refuses clients past max_connections (100 by default) for every process sharing it. A pool per
# process caps that; requests beyond it wait up to DATABASE_POOL_TIMEOUT seconds. 0: no pool.
DATABASE_POOL_MAX_SIZE = int(os.environ.get("DATABASE_POOL_MAX_SIZE", "0"))
if DATABASE_POOL_MAX_SIZE and DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 1,
        "max_size": DATABASE_POOL_MAX_SIZE,
        "timeout": float(os.environ.get("DATABASE_POOL_TIMEOUT", "10")),
    }
