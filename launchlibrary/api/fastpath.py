"""Serving JSON from materialized documents, behind a whole-response cache.

A list page is one query returning its documents in order, spliced into an envelope that
the same JSON renderer as the live path writes, so both paths answer the same bytes.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from rest_framework.request import Request

from launchlibrary.api.documents import current_version, fill_links, renderer
from launchlibrary.api.models import Document
from launchlibrary.api.urls import link_parts

JSON = "application/json"


def serves_documents(request: Request) -> bool:
    return settings.LL2_READ_PATH == "fast" and request.accepted_renderer.format == "json"


def list_page(view, request: Request) -> HttpResponse | None:
    """The page of documents the live list would serialize; None if one is not rendered yet."""
    queryset = view.filter_queryset(view.endpoint.model._default_manager.all())
    paginator = view.paginator
    limit, offset = paginator.get_limit(request), paginator.get_offset(request)
    bodies = page_documents(queryset, view.endpoint.resource, view.get_mode_name(), offset, limit)
    if None in bodies:
        return None
    paginator.request, paginator.limit, paginator.offset = request, limit, offset
    paginator.count = queryset.count()
    envelope = renderer.render(
        {
            "count": paginator.count,
            "next": paginator.get_next_link(),
            "previous": paginator.get_previous_link(),
            "results": [],
        }
    )
    # The envelope ends in `"results":[]}`: the documents go between the brackets.
    body = b"".join([envelope[:-2], b",".join(bodies), b"]}"])
    return HttpResponse(fill_links(body, *link_parts(request)), content_type=JSON)


def page_documents(
    queryset: QuerySet, resource: str, mode: str, offset: int, limit: int
) -> list[bytes | None]:
    """The documents of a page of `queryset`, in its order.

    The page's ids come first, read from an ordering index, and then their documents by
    key: joining documents into the ordered query instead would have the database read
    the documents of every matching row (SQLite does) before cutting out the page.
    """
    ids = [str(pk) for pk in queryset.values_list("pk", flat=True)[offset : offset + limit]]
    bodies = dict(
        Document.objects.filter(resource=resource, mode=mode, object_id__in=ids).values_list(
            "object_id", "body"
        )
    )
    return [bodies.get(pk) for pk in ids]


def detail(view, request: Request, pk: str) -> HttpResponse | None:
    body = (
        Document.objects.filter(
            resource=view.endpoint.resource, mode=view.endpoint.detail_mode, object_id=pk
        )
        .values_list("body", flat=True)
        .first()
    )
    if body is None:
        return None
    return HttpResponse(fill_links(bytes(body), *link_parts(request)), content_type=JSON)


class _RecentResponses:
    """The most recent responses of this process, as ready bytes: a hit costs no copy and
    no unpickling, unlike a trip through Django's cache."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self.entries: OrderedDict[str, tuple[bytes, str]] = OrderedDict()

    def get(self, key: str) -> tuple[bytes, str] | None:
        hit = self.entries.get(key)
        if hit is not None:
            self.entries.move_to_end(key)
        return hit

    def clear(self) -> None:
        self.entries.clear()
        self.size = 0

    def put(self, key: str, entry: tuple[bytes, str]) -> None:
        if len(entry[0]) > self.max_bytes or key in self.entries:
            return
        self.entries[key] = entry
        self.size += len(entry[0])
        while self.size > self.max_bytes:
            _, (body, _) = self.entries.popitem(last=False)
            self.size -= len(body)


recent = _RecentResponses(max_bytes=settings.LL2_PROCESS_CACHE_BYTES)


def cached(request: Request, build: Callable[[], HttpResponse | None]) -> HttpResponse | None:
    """The response for this query of this data version, from this process's recent ones,
    the shared cache (Redis when configured) or built and kept; `304 Not Modified` when the
    client holds it already (`If-None-Match`)."""
    query = urlencode(sorted(request.query_params.lists()), doseq=True)
    origin, _ = link_parts(request)
    identity = f"{current_version()}|{origin}|{request.path}|{query}"
    key = "ll2:response:" + hashlib.blake2b(identity.encode(), digest_size=20).hexdigest()
    hit = recent.get(key)
    if hit is None and settings.REDIS_URL:
        hit = cache.get(key)
    if hit is None:
        response = build()
        if response is None:
            return None
        # The key names the data version and the query, so it names the body: no need
        # to hash the body for an ETag.
        hit = (response.content, f'"{key.rsplit(":", 1)[1]}"')
        if settings.REDIS_URL:
            cache.set(key, hit, settings.LL2_RESPONSE_CACHE_SECONDS)
    recent.put(key, hit)
    body, etag = hit
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(body, content_type=JSON)
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=settings.LL2_CACHE_MAX_AGE)
    return response
