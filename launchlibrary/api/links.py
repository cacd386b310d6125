"""Building LL2's absolute URLs: `https://host/2.3.0/<resource>/<id>/?format=api`."""

from urllib.parse import urlencode

from rest_framework.request import Request

API_VERSION = "2.3.0"


def resource_path(resource: str, pk=None) -> str:
    path = f"/{API_VERSION}/{resource}/"
    return path if pk is None else f"{path}{pk}/"


def link_parts(request: Request) -> tuple[str, str]:
    """The request's `scheme://host` and the `?format=` it asked for, computed once per request.

    LL2 prints every link on the host it was asked on and carries the request's `?format=`
    into each of them (the seeds show `.../spacecraft/556/?format=api`).
    """
    cached = getattr(request, "_ll2_link_parts", None)
    if cached is None:
        requested = request.query_params.get("format")
        suffix = f"?{urlencode({'format': requested})}" if requested else ""
        cached = (request.build_absolute_uri("/").rstrip("/"), suffix)
        request._ll2_link_parts = cached
    return cached


def resource_url(request: Request, resource: str, pk) -> str:
    origin, suffix = link_parts(request)
    return f"{origin}{resource_path(resource, pk)}{suffix}"
