"""Serving through a Redis or a database that fails: at a small, bounded cost per request,
logged once per outage rather than once per request.

- Redis: `BreakerRedis`, django-redis's client class (`REDIS_CLIENT_CLASS` in `CACHES`), stops
  asking a Redis server that failed for `LL2_REDIS_RETRY_SECONDS`, then lets one call through
  to probe it. Every user of the cache (shared responses, rate limits, `/health`) gets it:
  while Redis is out its calls fail at once, and django-redis answers them as misses
  (`DJANGO_REDIS_IGNORE_EXCEPTIONS`), where each call used to wait out its socket timeout (a
  hung Redis cut fresh queries from 590 to 8 requests/s).
- The database: `DatabaseOutageMiddleware` answers a request that fails on an unreachable
  database with LL2's JSON `503` and `Retry-After`, not Django's HTML 500 and a traceback;
  the read path serves what the worker holds meanwhile (`readpath/outages.py`). Django
  reconnects by itself: a connection that failed is checked at the end of its request and
  dropped if broken.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from typing import Any

import psycopg
import redis
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.db.backends.signals import connection_created
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from rest_framework.renderers import JSONRenderer

logger = logging.getLogger(__name__)

# The database failing in its operation (unreachable, connection lost, shutting down...), as
# Django and psycopg raise it; programming errors (bad SQL, a missing column) are not here
# and still fail loudly. SQLite raises both as OperationalError: see `database_failing`.
DATABASE_ERRORS = (
    OperationalError,
    InterfaceError,
    psycopg.OperationalError,
    psycopg.InterfaceError,
)
# How long a client told the database is out waits before asking again.
RETRY_AFTER_SECONDS = 5


def database_failing(error: BaseException) -> bool:
    """Whether an error is the database failing (unreachable, cut off, locked, out of space)
    rather than a query it cannot run, which is a bug.

    SQLite reports a query it cannot run (a syntax error, a missing table) as an
    OperationalError too, told apart by its generic error code.
    """
    if not isinstance(error, DATABASE_ERRORS):
        return False
    code = getattr(error.__cause__, "sqlite_errorcode", None)
    return code is None or code & 0xFF != sqlite3.SQLITE_ERROR


class Outage:
    """Whether this worker finds a service out, logged when an outage begins and when it
    ends, not at each failure: 4 threads failing at once log one line. Per process."""

    def __init__(self, service: str, meanwhile: str) -> None:
        self.service, self.meanwhile = service, meanwhile
        # When the outage began (time.monotonic()), None while the service answers.
        self.since: float | None = None
        self.lock = threading.Lock()

    def began(self, error: BaseException) -> None:
        with self.lock:
            if self.since is None:
                self.since = time.monotonic()
                logger.warning(
                    "%s is out (%s: %s): %s",
                    self.service,
                    type(error).__name__,
                    # psycopg's messages run over several lines.
                    " ".join(str(error).split()),
                    self.meanwhile,
                )

    def ended(self, asked_at: float) -> None:
        """The service answered a call made at `asked_at`; a call made before the outage
        began proves nothing."""
        # Read without the lock first: this is on every request's path.
        if self.since is None or asked_at < self.since:
            return
        with self.lock:
            if self.since is not None and asked_at >= self.since:
                logger.warning(
                    "%s answers again, after %.1f s out",
                    self.service,
                    time.monotonic() - self.since,
                )
                self.since = None


class CircuitBreaker:
    """Stops calling a service once a call failed, for `retry_seconds`; then lets one call
    through to probe it, and closes if it succeeds. While open, callers fail at once rather
    than each waiting out a timeout. Per process, shared by its threads."""

    def __init__(self, outage: Outage, retry_seconds: float) -> None:
        self.outage, self.retry_seconds = outage, retry_seconds
        self.next_probe = 0.0
        self.lock = threading.Lock()

    def allows(self) -> bool:
        """Whether to call: always while closed; while open, once per `retry_seconds`."""
        if self.outage.since is None:
            return True
        with self.lock:
            now = time.monotonic()
            if now < self.next_probe:
                return False
            self.next_probe = now + self.retry_seconds
            return True

    def failed(self, error: BaseException) -> None:
        with self.lock:
            self.next_probe = time.monotonic() + self.retry_seconds
        self.outage.began(error)

    def succeeded(self, asked_at: float) -> None:
        self.outage.ended(asked_at)


class RedisOut(redis.ConnectionError):
    """Redis is out, as its breaker has it: a call not made. django-redis answers it as a
    miss."""


# One breaker per Redis server, shared by the clients of every thread.
_breakers: dict[tuple, CircuitBreaker] = {}
_breakers_lock = threading.Lock()


def breaker_for(pool: redis.ConnectionPool) -> CircuitBreaker:
    """The breaker of the Redis server a connection pool connects to."""
    kwargs = pool.connection_kwargs
    address = (kwargs.get("host"), kwargs.get("port"), kwargs.get("path"))
    with _breakers_lock:
        if address not in _breakers:
            outage = Outage(
                f"Redis at {':'.join(str(part) for part in address if part)}",
                "serving without it (responses are built, rate limits go uncounted), "
                f"asking it again every {settings.LL2_REDIS_RETRY_SECONDS:g} s",
            )
            _breakers[address] = CircuitBreaker(outage, settings.LL2_REDIS_RETRY_SECONDS)
        return _breakers[address]


def redis_is_out() -> bool:
    """Whether a Redis server this worker uses is out, as its breaker last found it."""
    with _breakers_lock:
        return any(breaker.outage.since is not None for breaker in _breakers.values())


class BreakerRedis(redis.Redis):
    """The Redis client django-redis makes, each command behind its server's breaker.

    Only a connection failure or a timeout opens it: an error Redis answers with (a wrong
    type, out of memory) is an answer, and is raised as before. Pipelines are not guarded;
    the cache's users here make none.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.breaker = breaker_for(self.connection_pool)

    def execute_command(self, *args, **options) -> Any:
        if not self.breaker.allows():
            raise RedisOut(f"{self.breaker.outage.service} is out")
        asked_at = time.monotonic()
        try:
            result = super().execute_command(*args, **options)
        except (redis.ConnectionError, redis.TimeoutError) as error:
            self.breaker.failed(error)
            raise
        self.breaker.succeeded(asked_at)
        return result


database_outage = Outage(
    "The database",
    "serving the responses this worker holds, 503 for the rest, until it answers again",
)


def database_reconnected(connection, **kwargs) -> None:
    """A new connection made is the database answering again."""
    database_outage.ended(time.monotonic())


connection_created.connect(database_reconnected, dispatch_uid="ll2-database-reconnected")


def unavailable(detail: str) -> HttpResponse:
    """LL2's error body, `503` and when to ask again; never kept by a cache in front."""
    response = HttpResponse(
        JSONRenderer().render({"detail": detail}), content_type="application/json", status=503
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    patch_cache_control(response, no_store=True)
    return response


class QuietOutageAnswers(logging.Filter):
    """Drops the line Django logs for each 503 answered (`django.request`): those answer an
    outage, which is logged once, when it begins and when it ends."""

    def filter(self, record: logging.LogRecord) -> bool:
        return getattr(record, "status_code", None) != 503


class DatabaseOutageMiddleware:
    """A request the database fails in its operation answers `503` in JSON with
    `Retry-After`, and the outage is logged once, rather than each request answering Django's
    HTML 500 and logging its traceback (10 s without the database logged 21 MB)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not database_failing(exception):
            return None
        database_outage.began(exception)
        return unavailable(
            f"The database is unavailable. Expected available in {RETRY_AFTER_SECONDS} seconds."
        )
