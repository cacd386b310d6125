"""Cross-origin requests to the API, by django-cors-headers (settings `CORS_*`)."""

from __future__ import annotations

from corsheaders.conf import conf
from corsheaders.middleware import CorsMiddleware
from django.http import HttpRequest
from django.http.response import HttpResponseBase


class PublicCorsMiddleware(CorsMiddleware):
    """django-cors-headers, but when every origin is allowed (the default) each API response
    says `Access-Control-Allow-Origin: *`, whether or not its request named an origin.

    The response then does not depend on `Origin`, so it goes without `Vary: Origin`, and a
    CDN or proxy keeps one copy of a page for browsers and other clients alike rather than
    one per web site. With `CORS_ALLOWED_ORIGINS` listing origins, each listed one is
    echoed back and `Vary: Origin` is needed: the library's own behaviour.
    """

    def add_response_headers(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        vary = response.get("Vary")
        super().add_response_headers(request, response)
        if conf.CORS_ALLOW_ALL_ORIGINS and self.is_enabled(request):
            response["Access-Control-Allow-Origin"] = "*"
            if vary is None:
                del response["Vary"]
            else:
                response["Vary"] = vary
        return response
