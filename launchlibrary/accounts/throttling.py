"""LL2's rate limits: each API key at its own rate, anonymous clients at `LL2_ANON_RATE` per
IP address (no limit when it is unset).

Counts are DRF's: a list of request times per client in the Django cache, so with Redis
every worker of every server counts against the same list.
"""

import math

from django.conf import settings
from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle

from launchlibrary.accounts.models import ApiKey


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

    def allow_request(self, request: Request, view) -> bool:
        self.configure(request)
        return super().allow_request(request, view)

    def get_cache_key(self, request: Request, view) -> str:
        return self.key

    def status(self, request: Request) -> dict:
        """The client's standing, in the fields of LL2's `/api-throttle/`; the limit and its
        period are null where no limit applies."""
        self.configure(request)
        now = self.timer()
        history = []
        if self.rate is not None:
            history = [at for at in self.cache.get(self.key, []) if at > now - self.duration]
        return {
            "your_request_limit": self.num_requests,
            "limit_frequency_secs": self.duration,
            "current_use": len(history),
            # As a 429 would name it: until the oldest counted request stops counting.
            "next_use_secs": math.ceil(self.duration - (now - history[-1])) if history else 0,
            "ident": self.ident,
        }
