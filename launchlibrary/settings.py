"""Settings, all taken from the environment so that nothing host-specific lives in code."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).lower() in {"1", "true", "yes", "on"}


DEBUG = env_flag("DEBUG")
SECRET_KEY = os.environ.get("SECRET_KEY") or "insecure-key-for-local-use-only"
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "*").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Limits on admin logins (launchlibrary/accounts/admin_logins.py).
    "axes",
    "corsheaders",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    # Swagger UI's scripts and styles, served from here: the server has no network at run time.
    "drf_spectacular_sidecar",
    "launchlibrary.api",
    "launchlibrary.readpath",
    "launchlibrary.images",
    "launchlibrary.locations",
    "launchlibrary.agencies",
    "launchlibrary.spacecraft",
    "launchlibrary.landings",
    "launchlibrary.launches",
    "launchlibrary.stations",
    "launchlibrary.astronauts",
    "launchlibrary.events",
    "launchlibrary.spacewalks",
    "launchlibrary.dashboard",
    "launchlibrary.mirror",
    "launchlibrary.payloads",
    "launchlibrary.ingest",
    "launchlibrary.accounts",
    "launchlibrary.config",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before anything that answers: a CORS preflight is answered here, and every response
    # gets its CORS headers (launchlibrary/api/cors.py).
    "launchlibrary.api.cors.PublicCorsMiddleware",
    # Compresses the API's responses built per request; cached ones come compressed.
    "launchlibrary.api.compression.CompressionMiddleware",
    # Serves the browsable API's CSS and scripts without a separate web server.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Turns a login refused for a lockout into its page (launchlibrary/accounts/admin_logins.py);
    # it touches no other response, so API responses keep their headers.
    "axes.middleware.AxesMiddleware",
    # Innermost: a view failing on an unreachable database answers a JSON 503, logged once per
    # outage (launchlibrary/resilience.py).
    "launchlibrary.resilience.DatabaseOutageMiddleware",
]

# No CsrfViewMiddleware: its cookie would add `Vary: Cookie` to the browsable pages, which
# LL2's lack. The API only reads, and the admin's views protect themselves (csrf_protect).
SILENCED_SYSTEM_CHECKS = ["security.W003"]

ROOT_URLCONF = "launchlibrary.urls"
WSGI_APPLICATION = "launchlibrary.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]

# How long each worker thread keeps its database connection for the next requests (0: one
# connection per request). One that failed is dropped at the end of its request either way.
DATABASE_CONN_MAX_AGE = int(os.environ.get("DATABASE_CONN_MAX_AGE", "60"))
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}"),
        conn_max_age=DATABASE_CONN_MAX_AGE,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
# Read replicas, comma-separated: reads outside transactions go to one of them.
for number, url in enumerate(
    filter(None, os.environ.get("DATABASE_REPLICA_URLS", "").split(",")), 1
):
    DATABASES[f"replica{number}"] = {
        **dj_database_url.parse(url, conn_max_age=DATABASE_CONN_MAX_AGE),
        "TEST": {"MIRROR": "default"},
    }
DATABASE_ROUTERS = ["launchlibrary.replicas.ReplicaRouter"]

# Local memory by default; Redis, shared by every worker and server, when REDIS_URL is set.
REDIS_URL = os.environ.get("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                # A Redis that does not answer costs one call a second at most, and then none
                # for a while: its breaker (launchlibrary/resilience.py) stops asking it.
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
                "REDIS_CLIENT_CLASS": "launchlibrary.resilience.BreakerRedis",
            },
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "ll2"),
        }
    }
    # An unreachable Redis costs what it holds, not the requests: responses are built without
    # it and rate limits go uncounted, while /health answers 503. Its breaker logs each outage
    # once, when it begins and when it ends, not each call that fails.
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# After a Redis server fails, each worker leaves it alone this long before asking it again.
LL2_REDIS_RETRY_SECONDS = float(os.environ.get("LL2_REDIS_RETRY_SECONDS", "5"))

USE_TZ = True
TIME_ZONE = "UTC"
USE_I18N = False

STATIC_URL = "static/"
# WhiteNoise serves the installed apps' static files straight from their folders, so no
# collectstatic step stands between a fresh clone and a styled browsable API, and no
# STATIC_ROOT is set (WhiteNoise would warn at every start that the folder is missing).
WHITENOISE_USE_FINDERS = True

# Behind a TLS-terminating proxy, `url` fields must say https like LL2's do.
if env_flag("BEHIND_TLS_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True

# Served over HTTPS only: redirect plain HTTP, send HSTS, keep cookies off plain HTTP.
if env_flag("LL2_HTTPS"):
    SECURE_SSL_REDIRECT = True
    # Load balancers probe over plain HTTP.
    SECURE_REDIRECT_EXEMPT = [r"^health$"]
    SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_flag("HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "launchlibrary.accounts.authentication.ApiKeyAuthentication"
    ],
    "DEFAULT_THROTTLE_CLASSES": ["launchlibrary.accounts.throttling.LL2RateThrottle"],
    # How many proxies in front append to X-Forwarded-For; 0 trusts none of it.
    "NUM_PROXIES": int(os.environ.get("NUM_PROXIES", "0")),
    "DEFAULT_PERMISSION_CLASSES": [],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_PAGINATION_CLASS": "launchlibrary.api.pagination.LL2Pagination",
    "DEFAULT_FILTER_BACKENDS": [
        "launchlibrary.api.filters.RequestedFiltersBackend",
        "launchlibrary.api.filters.BoundedSearchFilter",
        "launchlibrary.api.filters.StableOrderingFilter",
    ],
    "URL_FORMAT_OVERRIDE": "format",
    "COERCE_DECIMAL_TO_STRING": False,
    "DEFAULT_SCHEMA_CLASS": "launchlibrary.api.schema.EndpointSchema",
}

# `fast` serves JSON from materialized documents behind a response cache; `live` renders
# every response with the serializers, the reference the fast path is tested against.
LL2_READ_PATH = os.environ.get("LL2_READ_PATH", "fast")
# Responses asked for more than once go to Redis too, for every worker and server, and stay
# there this long.
LL2_SHARED_RESPONSES = bool(REDIS_URL)
LL2_RESPONSE_CACHE_SECONDS = int(os.environ.get("LL2_RESPONSE_CACHE_SECONDS", "600"))
# Each worker also keeps, as ready Python objects, its most recent responses and the ordered
# ids of recent listings, up to this many bytes each...
LL2_PROCESS_CACHE_BYTES = int(os.environ.get("LL2_PROCESS_CACHE_BYTES", str(64 * 2**20)))
# ...and the documents it served with their links filled in, up to this many bytes: 10,000
# detailed spacecraft take 110 MB.
LL2_DOCUMENT_CACHE_BYTES = int(os.environ.get("LL2_DOCUMENT_CACHE_BYTES", str(128 * 2**20)))
# Cache-Control max-age for clients and proxies: LL2's data changes a few times an hour.
LL2_CACHE_MAX_AGE = int(os.environ.get("LL2_CACHE_MAX_AGE", "60"))

# Requests an anonymous client may make per IP address, e.g. `15/hour` as on LL2; unset:
# no limit. API keys carry their own rates.
LL2_ANON_RATE = os.environ.get("LL2_ANON_RATE") or None
# How long a worker may answer from an API key as it last read it: a key changed or
# deleted in one worker takes effect in the others within this time.
LL2_API_KEY_CACHE_SECONDS = float(os.environ.get("LL2_API_KEY_CACHE_SECONDS", "60"))

# The docs block of every browsable page ends with this link, as LL2's does.
LL2_DOCS_URL = os.environ.get("LL2_DOCS_URL", "https://ll.thespacedevs.com/docs/")

# Cross-origin requests to the API (not the admin): from any web page by default, or from
# the origins listed (`CORS_ALLOWED_ORIGINS=https://a.example,https://b.example`). Browsers
# may send `Authorization` (API keys) and `If-None-Match`, and read ETag and Retry-After.
CORS_URLS_REGEX = r"^/2\.3\.0/"
_cors_origins = [
    origin.strip() for origin in os.environ.get("CORS_ALLOWED_ORIGINS", "*").split(",")
]
CORS_ALLOW_ALL_ORIGINS = _cors_origins == ["*"]
CORS_ALLOWED_ORIGINS = [] if CORS_ALLOW_ALL_ORIGINS else list(filter(None, _cors_origins))
CORS_ALLOW_METHODS = ["GET", "HEAD"]
CORS_ALLOW_HEADERS = ["accept", "authorization", "if-none-match"]
CORS_EXPOSE_HEADERS = ["ETag", "Retry-After"]

# Where the admin is served: a prefix of your own keeps it off the path every scanner tries.
LL2_ADMIN_PATH = (os.environ.get("LL2_ADMIN_PATH") or "admin").strip("/") + "/"

# Admin logins are limited by django-axes (launchlibrary/accounts/admin_logins.py): this many
# failures for one username, or from one IP address, refuse its logins until the cool-off
# passes without another attempt. Counts live in the database, shared by every worker.
# API keys never reach these backends: DRF authenticates them itself.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LL2_ADMIN_LOGIN_FAILURES", "5"))
AXES_COOLOFF_TIME = timedelta(seconds=float(os.environ.get("LL2_ADMIN_LOCKOUT_SECONDS", "900")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "launchlibrary.accounts.admin_logins.client_ip"
AXES_LOCKOUT_CALLABLE = "launchlibrary.accounts.admin_logins.locked_out"
# A librarian who mistypes and then gets in starts from nothing again.
AXES_RESET_ON_SUCCESS = True

# The OpenAPI schema at /2.3.0/json (launchlibrary/api/schema.py): LL2's own title, description
# and license, so that docs and clients generated from it read as LL2's do.
SPECTACULAR_SETTINGS = {
    "TITLE": "Launch Library 2 - Docs",
    "VERSION": "v2.3.0",
    "LICENSE": {"name": "Apache License 2.0"},
    "DESCRIPTION": (
        "The [Launch Library 2](https://thespacedevs.com/llapi) (**LL2**) API is a "
        "product by [The Space Devs](https://thespacedevs.com) (**TSD**) with an "
        "up-to-date database of spaceflight events. \n\n"
        "While this API is **free to use** it is subject to **rate limiting** (15 calls "
        "per hour) for non-authenticated requests.\n\n"
        "→ Please use [https://lldev.thespacedevs.com](https://lldev.thespacedevs.com) "
        "for development testing - the development endpoint has stale and limited data "
        "but is not subject to any rate limits.\n\n"
        "If you are interested in a higher rate limit please consider supporting the "
        "project on [Patreon](https://www.patreon.com/TheSpaceDevs) to get an API Key. "
        "You can also send us one-time donations in [USD]"
        "(https://www.paypal.com/donate/?hosted_button_id=UCPX4EL6E9JFA) or [EUR]"
        "(https://www.paypal.com/donate/?hosted_button_id=5S7MGGWJJBHL6).\n\n"
        "You can use the [`/api-throttle`](../2.3.0/api-throttle) endpoint to check your "
        "current usage statistics of the API.\n\n ### Announcements\n\n - [LL 2.3.0 release]"
        "(https://github.com/TheSpaceDevs/Tutorials/blob/main/announcements/LL_230_changelog.md): "
        "full announcement and changelog for the release of LL version 2.3.0\n\n ### FAQs "
        "& Tutorials\n\n - [GitHub "
        "repository](https://github.com/TheSpaceDevs/Tutorials/): contains FAQs and "
        "tutorials for TSD APIs\n\n - [TSD FAQ]"
        "(https://github.com/TheSpaceDevs/Tutorials/blob/main/faqs/faq_TSD.md): "
        "TSD-specific FAQ (e.g. history, network, funding, etc.)\n\n - [LL2 FAQ]"
        "(https://github.com/TheSpaceDevs/Tutorials/blob/main/faqs/faq_LL2.md): "
        "LL2-specific FAQ (e.g. data, authentication, filtering, etc.)\n\n - [LL2 Getting "
        "Started guide]"
        "(https://github.com/TheSpaceDevs/Tutorials/blob/main/tutorials/"
        "getting_started_LL2/README.md): "
        "a simple guide to get started with LL2\n\n ### Feedback & Support\n\n If you need "
        "any help with LL2, you can ask in the [`💬feedback-and-help`]"
        "(https://discord.com/channels/676725644444565514/1019976345884827750) forum of "
        "the TSD [Discord server](https://discord.gg/p7ntkNA) or email "
        "[support@thespacedevs.com](mailto:support@thespacedevs.com).\n\n If you notice "
        "any issue or outdated/missing data, please let us know in the [`💬data-issues`]"
        "(https://discord.com/channels/676725644444565514/738822880875380746) channel of "
        "the TSD [Discord server](https://discord.gg/p7ntkNA) or email "
        "[support@thespacedevs.com](mailto:support@thespacedevs.com)."
    ),
    # Operation ids and tags are read from the path after the version, as LL2's are.
    "SCHEMA_PATH_PREFIX": r"/2\.3\.0/",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "launchlibrary.api.schema.without_component_descriptions",
    ],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    # An outage of Redis or the database is logged once when it begins and once when it ends
    # (launchlibrary/resilience.py), not once per 503 answered meanwhile.
    "filters": {"quiet_outages": {"()": "launchlibrary.resilience.QuietOutageAnswers"}},
    # Axes warns at every failed login, with the username and address masked; a lockout is
    # logged once, naming both, by launchlibrary.accounts.admin_logins.
    "loggers": {
        "axes": {"level": "ERROR"},
        "django.request": {"filters": ["quiet_outages"]},
    },
}
