"""LL2's rate limits: each API key at its own rate, anonymous clients at `LL2_ANON_RATE` per
IP address (no limit when it is unset).

DRF's SimpleRateThrottle keeps a list of request times per client and writes it back whole,
so concurrent requests overwrite each other's: under 64 concurrent connections it counted
one request in three. Here a client's window opens with its first request and lasts the
rate's period; its count is a cache counter changed only by atomic operations (`add`,
`incr`), so every request counts, on any number of workers and servers sharing the cache.
"""

import math

from django.conf import settings
from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle

from launchlibrary.accounts.models import ApiKey

# A count outlives its window a little, so that it cannot expire while still being counted.
COUNT_MARGIN_SECONDS = 60
# What `/api-throttle/` reports for a client without a limit: integers, as its schema has
# them, that a client's arithmetic reads as no limit (a 0 would read as no requests left, or
# divide by zero): the largest 32-bit integer, which every generated client holds, per hour.
UNLIMITED_REQUESTS = 2**31 - 1
UNLIMITED_PERIOD_SECONDS = 3600


class LL2RateThrottle(SimpleRateThrottle):
    scope = "ll2"

    def __init__(self) -> None:
        # The rate depends on the request's key, so it is set per request by `configure`.
        self.rate = None

    def configure(self, request: Request) -> None:
        api_key = request.auth if isinstance(request.auth, ApiKey) else None
        self.rate = api_key.rate if api_key else settings.LL2_ANON_RATE
        self.num_requests, self.duration = self.parse_rate(self.rate)
        self.ident = api_key.name if api_key else self.get_ident(request)
        client = f"key-{api_key.pk}" if api_key else self.ident
        self.key = self.cache_format % {"scope": self.scope, "ident": client}
        self.now = self.timer()

    def count_key(self) -> str:
        return f"{self.key}:{self.opened:.6f}"

    def allow_request(self, request: Request, view) -> bool:
        self.configure(request)
        if self.rate is None:
            return True
        self.opened = self.cache.get_or_set(self.key, self.now, self.duration)
        count = self.count()
        # None: Redis is unreachable (django-redis logs it), and the request goes uncounted
        # rather than failing.
        return count is None or count <= self.num_requests

    def count(self) -> int | None:
        """This request's number in the window; None if the cache is unreachable."""
        key = self.count_key()
        try:
            return self.cache.incr(key)
        except ValueError:
            # The window's first request, or one of several at once: one of them adds it.
            if self.cache.add(key, 1, self.duration + COUNT_MARGIN_SECONDS):
                return 1
            return self.cache.incr(key)

    def wait(self) -> float:
        return max(self.opened + self.duration - self.now, 0.0)

    def status(self, request: Request) -> dict:
        """The client's standing, in the fields of LL2's `/api-throttle/`; where no limit
        applies, `UNLIMITED_REQUESTS` per `UNLIMITED_PERIOD_SECONDS`."""
        self.configure(request)
        use, next_use = 0, 0
        self.opened = self.cache.get(self.key) if self.rate else None
        if self.opened is not None:
            # Refused requests are counted too, but LL2 reports use up to the limit.
            use = min(self.cache.get(self.count_key(), 0), self.num_requests)
            next_use = math.ceil(self.wait())
        limited = self.rate is not None
        return {
            "your_request_limit": self.num_requests if limited else UNLIMITED_REQUESTS,
            "limit_frequency_secs": self.duration if limited else UNLIMITED_PERIOD_SECONDS,
            "current_use": use,
            # Until the window closes, as a 429 names it.
            "next_use_secs": next_use,
            "ident": self.ident,
        }
