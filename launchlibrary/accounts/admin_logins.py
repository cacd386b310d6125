"""Limits on logins to the admin, kept by django-axes (settings `AXES_*`).

Failed logins are counted per username and per client IP address; either reaching
`LL2_ADMIN_LOGIN_FAILURES` refuses every login of that account, or from that address, until
`LL2_ADMIN_LOCKOUT_SECONDS` pass without another attempt. The client's address is the one
the API's rate limits count (DRF's `get_ident`, which honours `NUM_PROXIES`), so one
setting decides which `X-Forwarded-For` entry is trusted everywhere.
"""

import ipaddress
import logging

from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.timesince import timeuntil
from django.utils.timezone import now
from rest_framework.throttling import BaseThrottle

log = logging.getLogger(__name__)


def client_ip(request: HttpRequest) -> str | None:
    """The client's IP address as the rate limits see it (`AXES_CLIENT_IP_CALLABLE`).

    Axes stores it in an IP address column, so an `X-Forwarded-For` entry that is no
    address (a forged header where `NUM_PROXIES` trusts too many) counts as the peer's.
    """
    ident = BaseThrottle().get_ident(request)
    try:
        return str(ipaddress.ip_address(ident))
    except ValueError:
        return request.META.get("REMOTE_ADDR")


def cool_off() -> str:
    """The cool-off in words: `15 minutes`."""
    moment = now()
    # Django joins number and unit with a no-break space; a log line wants a plain one.
    return timeuntil(moment + settings.AXES_COOLOFF_TIME, moment).replace("\xa0", " ")


def locked_out(
    request: HttpRequest, original_response: HttpResponse | None, credentials: dict | None
) -> HttpResponse:
    """The page a locked-out client gets (`AXES_LOCKOUT_CALLABLE`): a 429 in the admin's
    look, saying for how long, with `Retry-After` (every attempt meanwhile starts the
    cool-off again)."""
    # Rendered here: axes' middleware answers with it after the view's response is done.
    response = render(
        request,
        "admin/login_locked_out.html",
        {
            **admin.site.each_context(request),
            "title": "Too many failed logins",
            "cool_off": cool_off(),
        },
        status=429,
    )
    response["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    return response


def log_lockout(sender, request: HttpRequest, username: str, ip_address: str, **kwargs) -> None:
    """One warning when a lockout begins (axes' `user_locked_out`, which is sent again at
    every refused attempt while it lasts; those are not logged again)."""
    if getattr(request, "axes_failures_since_start", None) != settings.AXES_FAILURE_LIMIT:
        return
    log.warning(
        "Admin logins locked out after %d failures: username %r, IP address %s, for %s",
        settings.AXES_FAILURE_LIMIT,
        username,
        ip_address,
        cool_off(),
    )
