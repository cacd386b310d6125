"""`GET /health`: whether this server reaches its databases and its cache, for load balancers
and monitors. 200 when both answer, 503 when either does not."""

import logging
import secrets

from django.core.cache import cache
from django.db import connections
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from launchlibrary.resilience import RedisOut, database_failing, database_outage, redis_is_out

logger = logging.getLogger(__name__)


def databases_answer() -> None:
    for connection in connections.all():
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")


def cache_answers() -> None:
    # A key of its own, so that concurrent checks by other workers cannot interfere.
    key, value = f"health:{secrets.token_hex(8)}", secrets.token_hex(8)
    # Each call gives up within a second (SOCKET_TIMEOUT), and once one failed the others
    # fail at once: Redis's breaker is open.
    cache.set(key, value, 10)
    if cache.get(key) != value:
        if redis_is_out():
            raise RedisOut("Redis is out")
        raise RuntimeError("the cache did not keep a value")
    cache.delete(key)


def state(check) -> str:
    try:
        check()
    # Whatever the failure (refused, timed out, misconfigured), the answer is the same: down.
    # An outage is logged once, when this worker finds it, not at every probe.
    except Exception as error:
        if database_failing(error):
            database_outage.began(error)
        elif not isinstance(error, RedisOut):
            logger.warning("health check %s failed", check.__name__, exc_info=True)
        return "error"
    return "ok"


@require_safe
@never_cache
def health(request: HttpRequest) -> JsonResponse:
    states = {"database": state(databases_answer), "cache": state(cache_answers)}
    healthy = all(value == "ok" for value in states.values())
    return JsonResponse(states, status=200 if healthy else 503)
