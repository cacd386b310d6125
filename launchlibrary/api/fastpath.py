"""Serving JSON from materialized documents, behind a whole-response cache.

A list page is its documents, in the queryset's order, spliced into an envelope that the
same JSON renderer as the live path writes, so both paths answer the same bytes.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from rest_framework.request import Request

from launchlibrary.api.documents import current_version, fill_links, renderer
from launchlibrary.api.models import Document
from launchlibrary.api.urls import link_parts

JSON = "application/json"


class RecentBytes:
    """The most recently used values of this process, as ready bytes, up to a size: a hit
    costs no copy, no unpickling and no database read."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self.entries: OrderedDict[Hashable, bytes] = OrderedDict()
        # A worker serves requests in several threads; one's eviction must not pull a key
        # from under another's lookup.
        self.lock = threading.Lock()

    def get(self, key: Hashable) -> bytes | None:
        with self.lock:
            value = self.entries.get(key)
            if value is not None:
                self.entries.move_to_end(key)
            return value

    def put(self, key: Hashable, value: bytes) -> None:
        with self.lock:
            if len(value) > self.max_bytes or key in self.entries:
                return
            self.entries[key] = value
            self.size += len(value)
            while self.size > self.max_bytes:
                _, evicted = self.entries.popitem(last=False)
                self.size -= len(evicted)

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()
            self.size = 0


# Whole responses, and documents with the links of one origin and format filled in.
recent_responses = RecentBytes(settings.LL2_PROCESS_CACHE_BYTES)
recent_documents = RecentBytes(settings.LL2_PROCESS_CACHE_BYTES)


def serves_documents(request: Request) -> bool:
    return settings.LL2_READ_PATH == "fast" and request.accepted_renderer.format == "json"


def list_page(view, request: Request, version: int) -> HttpResponse | None:
    """The page of documents the live list would serialize; None if one is not rendered yet."""
    queryset = view.filter_queryset(view.endpoint.model._default_manager.all())
    paginator = view.paginator
    limit, offset = paginator.get_limit(request), paginator.get_offset(request)
    ids = [str(pk) for pk in queryset.values_list("pk", flat=True)[offset : offset + limit]]
    bodies = documents(request, version, view.endpoint.resource, view.get_mode_name(), ids)
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
    return HttpResponse(b"".join([envelope[:-2], b",".join(bodies), b"]}"]), content_type=JSON)


def detail(view, request: Request, version: int, pk: str) -> HttpResponse | None:
    [body] = documents(request, version, view.endpoint.resource, view.endpoint.detail_mode, [pk])
    return None if body is None else HttpResponse(body, content_type=JSON)


def documents(
    request: Request, version: int, resource: str, mode: str, ids: list[str]
) -> list[bytes | None]:
    """The documents of the given objects, in their order, links filled in for this request.

    The ids of a page are read first, from an ordering index, and then their documents by
    key: joining documents into the ordered query instead would have the database read
    the documents of every matching row (SQLite does) before cutting out the page. Each
    document read is kept, filled in, for the next page that holds it.
    """
    links = link_parts(request)
    keys = {pk: (version, *links, resource, mode, pk) for pk in ids}
    found = {pk: recent_documents.get(key) for pk, key in keys.items()}
    missing = [pk for pk, body in found.items() if body is None]
    if missing:
        for pk, body in Document.objects.filter(
            resource=resource, mode=mode, object_id__in=missing
        ).values_list("object_id", "body"):
            found[pk] = fill_links(bytes(body), *links)
            recent_documents.put(keys[pk], found[pk])
    return [found[pk] for pk in ids]


def cached(request: Request, build: Callable[[int], HttpResponse | None]) -> HttpResponse | None:
    """The response for this query of this data version, from this process's recent ones,
    the shared cache (Redis when configured) or built and kept; `304 Not Modified` when the
    client holds it already (`If-None-Match`)."""
    version = current_version()
    query = urlencode(sorted(request.query_params.lists()), doseq=True)
    origin, _ = link_parts(request)
    identity = f"{version}|{origin}|{request.path}|{query}"
    digest = hashlib.blake2b(identity.encode(), digest_size=20).hexdigest()
    # The key names the data version and the query, so it names the body: it is the ETag.
    key, etag = f"ll2:response:{digest}", f'"{digest}"'
    body = recent_responses.get(key)
    if body is None and settings.REDIS_URL:
        body = cache.get(key)
    if body is None:
        response = build(version)
        if response is None:
            return None
        body = response.content
        if settings.REDIS_URL:
            cache.set(key, body, settings.LL2_RESPONSE_CACHE_SECONDS)
    recent_responses.put(key, body)
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(body, content_type=JSON)
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=settings.LL2_CACHE_MAX_AGE)
    return response
