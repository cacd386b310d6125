"""Serving JSON from materialized documents, behind a whole-response cache.

A list page is its documents, in the order of its listing (the ids its filters, search and
ordering select), spliced into an envelope that the same JSON renderer as the live path
writes, so both paths answer the same bytes.

What is kept is keyed by the data version, and for a path whose rows change with the clock
(`launches/upcoming`) by the moment they next change too, so that neither a write nor the
passing of that moment leaves a listing or a response to be served stale.
"""

from __future__ import annotations

import functools
import hashlib
import math
import threading
import time
from collections.abc import Callable
from datetime import datetime
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from rest_framework.request import Request
from rest_framework.settings import api_settings

from launchlibrary.api.compression import compress, encoding_for
from launchlibrary.api.endpoint import Endpoint, schema_name
from launchlibrary.api.filters import filter_names
from launchlibrary.api.links import link_parts
from launchlibrary.readpath.documents import fill_links, renderer
from launchlibrary.readpath.models import Document
from launchlibrary.readpath.outages import last_version
from launchlibrary.readpath.process_cache import OneAtATime, Recent, Shelves

JSON = "application/json"


def listing_size(ids: tuple[str, ...]) -> int:
    # A tuple slot and a short string per id, roughly.
    return 64 * (len(ids) + 1)


# A listing (the rows of a query, filtered, searched and ordered) is kept when it takes at
# most an eighth of the listings' budget (131,072 ids at the default 64 MB), so that a few
# orderings of the whole table stay together; the pages of a longer one are read from the
# database one at a time.
LISTING_MAX_IDS = settings.LL2_PROCESS_CACHE_BYTES // 8 // listing_size(())


# Whole responses; documents with the links of one origin and format filled in; the
# ordered ids of listings.
recent_responses = Recent(settings.LL2_PROCESS_CACHE_BYTES)
document_shelves = Shelves(settings.LL2_DOCUMENT_CACHE_BYTES)
recent_listings = Recent(settings.LL2_PROCESS_CACHE_BYTES, size_of=listing_size)
# When this worker last put each response into the shared cache, for up to 10,000.
shared_keys = Recent(10_000, size_of=lambda shared: 1)
making = OneAtATime()


class _Moments:
    """Per clock-dependent path, the moment its rows next change, as last computed."""

    def __init__(self) -> None:
        self.next_change: dict[tuple[str, int], datetime | None] = {}
        self.lock = threading.Lock()

    def until(self, endpoint: Endpoint, version: int) -> datetime | None:
        """The moment the path's rows next change by the clock alone; asked of the data once
        per data version and once each time that moment passes."""
        if endpoint.changes_at is None:
            return None
        key, now = (endpoint.path, version), timezone.now()
        with self.lock:
            until = self.next_change.get(key, now)
        if until is not None and until <= now:
            until = endpoint.changes_at(now)
            with self.lock:
                # Moments of older data versions are no longer asked for.
                self.next_change = {k: v for k, v in self.next_change.items() if k[1] >= version}
                self.next_change[key] = until
        return until

    def clear(self) -> None:
        with self.lock:
            self.next_change.clear()


moments = _Moments()


def state_of(endpoint: Endpoint, version: int) -> str:
    """What a path's listings and responses are kept under: the data version, and the
    moment its rows next change by the clock where they do."""
    until = moments.until(endpoint, version)
    return str(version) if until is None else f"{version}@{until.isoformat()}"


def serves_documents(request: Request) -> bool:
    return settings.LL2_READ_PATH == "fast" and request.accepted_renderer.format == "json"


def serves_pages(request: Request) -> bool:
    """Whether the browsable page comes from the response cache: on the fast path, unless
    it names the request's user (none here, as API keys name clients, not users)."""
    return (
        settings.LL2_READ_PATH == "fast"
        and request.accepted_renderer.format == "api"
        and not getattr(request.user, "is_authenticated", False)
    )


def list_page(view, request: Request, version: int) -> bytes | None:
    """The page of documents the live list would serialize; None if one is not rendered yet."""
    paginator = view.paginator
    limit, offset = paginator.get_limit(request), paginator.get_offset(request)
    ids, count = page_ids(view, request, version, offset, limit)
    bodies = documents(request, version, view.get_serializer_class(), ids)
    if None in bodies:
        return None
    paginator.request, paginator.limit, paginator.offset = request, limit, offset
    paginator.count = count
    envelope = renderer.render(
        {
            "count": paginator.count,
            "next": paginator.get_next_link(),
            "previous": paginator.get_previous_link(),
            "results": [],
        }
    )
    if not bodies:
        return envelope
    # The envelope ends in `"results":[]}`: the documents go between the brackets, in one
    # join of the whole page (a megabyte) rather than one per part.
    bodies[0] = envelope[:-2] + bodies[0]
    bodies[-1] += b"]}"
    return b",".join(bodies)


def page_ids(view, request: Request, version: int, offset: int, limit: int) -> tuple[list, int]:
    """The ids of a page and the count of its listing.

    A listing's ordered ids are read once per data version and kept, so a page is a slice
    of them: its cost is the same at any offset and any table size, where the database
    walks an index up to the offset and counts every matching row for each page.
    """
    endpoint = view.endpoint
    key = (state_of(endpoint, version), endpoint.path, listing_query(view, request))
    ids = recent_listings.get(key)
    if ids is None:
        queryset = view.filter_queryset(endpoint.rows())
        pks = queryset.values_list("pk", flat=True)
        # One more than is kept: the listing's length is its count, unless it is too long.
        ids = tuple(str(pk) for pk in pks[: LISTING_MAX_IDS + 1])
        if len(ids) > LISTING_MAX_IDS:
            count = queryset.count()
            # Past the end the page is empty, as the live path has it, without asking the
            # database for an offset it may not hold.
            page = pks[offset : offset + limit] if offset < count else []
            return [str(pk) for pk in page], count
        recent_listings.put(key, ids)
    return list(ids[offset : offset + limit]), len(ids)


def listing_query(view, request: Request) -> tuple:
    """The query parameters that choose and order a listing's rows, as given."""
    return tuple(
        (name, tuple(request.query_params.getlist(name)))
        for name in listing_parameters(type(view))
        if name in request.query_params
    )


@functools.cache
def listing_parameters(view_class) -> tuple[str, ...]:
    names = {api_settings.SEARCH_PARAM, api_settings.ORDERING_PARAM}
    return tuple(sorted(filter_names(view_class) | names))


def detail(view, request: Request, version: int, pk: str) -> bytes | None:
    """The object's document; None where the path does not serve it (the live view then
    answers, with its 404) or it is not rendered yet."""
    endpoint = view.endpoint
    if "\x00" in pk:
        # No id holds a NUL, and PostgreSQL refuses one in a query's text.
        return None
    if not endpoint.serves_every_row and pk not in members(endpoint, version):
        return None
    [body] = documents(request, version, view.get_serializer_class(), [pk])
    return body


def members(endpoint: Endpoint, version: int) -> frozenset[str]:
    """The ids of every row a path serves (of `launches/upcoming`, the upcoming launches)."""
    key = (state_of(endpoint, version), endpoint.path, "members")
    ids = recent_listings.get(key)
    if ids is None:
        ids = frozenset(str(pk) for pk in endpoint.rows().values_list("pk", flat=True))
        recent_listings.put(key, ids)
    return ids


def documents(
    request: Request, version: int, serializer_class, ids: list[str]
) -> list[bytes | None]:
    """The documents of the given objects, in their order, links filled in for this request.

    A page's ids come first (`page_ids`), then their documents by key: joining documents
    into the ordered query instead would have the database read the documents of every
    matching row (SQLite does) before cutting out the page. Each document read is kept,
    filled in, for the next page that holds it.
    """
    links = link_parts(request)
    schema = schema_name(serializer_class)
    shelf_key = (version, *links, schema)
    shelf = document_shelves.shelf(shelf_key)
    found = {pk: shelf.get(pk) for pk in ids}
    missing = [pk for pk, body in found.items() if body is None]
    if missing:
        for pk, body in Document.objects.filter(schema=schema, object_id__in=missing).values_list(
            "object_id", "body"
        ):
            found[pk] = fill_links(bytes(body), *links)
            document_shelves.put(shelf_key, pk, found[pk])
    return [found[pk] for pk in ids]


def cached(
    request: Request,
    endpoint: Endpoint,
    build: Callable[[int], bytes | None],
    content_type: str = JSON,
) -> HttpResponse | None:
    """The response for this query of this data version, from this process's recent ones,
    the shared cache (Redis when configured) or built and kept, compressed as the client
    accepts; `304 Not Modified` when the client holds it already (`If-None-Match`). While
    the database cannot be read, the responses this process holds under the data version it
    last read are still served.

    Each encoding of a body is kept beside it, made on its first asking: a hit costs no
    compression, and a 304 none either.
    """
    version = last_version.read()
    state = state_of(endpoint, version)
    representation = request.accepted_renderer.format
    if representation == "json":
        query = urlencode(sorted(request.query_params.lists()), doseq=True)
    else:
        # The browsable page shows the request line as it was written.
        query = request.META.get("QUERY_STRING", "")
    origin, _ = link_parts(request)
    identity = f"{state}|{origin}|{request.path}|{representation}|{query}"
    digest = hashlib.blake2b(identity.encode(), digest_size=20).hexdigest()
    # The key names the data version, the format and the query, so it names the body; with
    # the encoding, which makes another representation of it (RFC 9110 8.8.3), the ETag.
    key = f"ll2:response:{digest}"
    until = moments.until(endpoint, version)
    body = kept(key, until, lambda: build(version))
    if body is None:
        return None
    encoding = encoding_for(request, body)
    etag = f'"{digest}-{encoding}"' if encoding else f'"{digest}"'
    response = get_conditional_response(request, etag=etag)
    if response is None and encoding is None:
        response = HttpResponse(body, content_type=content_type)
    elif response is None:
        encoded = kept(f"{key}:{encoding}", until, lambda: compress(body, encoding))
        response = HttpResponse(encoded, content_type=content_type)
        response["Content-Encoding"] = encoding
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=settings.LL2_CACHE_MAX_AGE)
    return response


def kept(key: str, until: datetime | None, make: Callable[[], bytes | None]) -> bytes | None:
    """The bytes kept under `key`, from this process's recent responses or the shared
    cache, or else made and kept, once however many threads ask at once; None when `make`
    makes none."""
    body = recent_responses.get(key)
    if body is not None:
        share(key, body, until)
        return body
    with making(key):
        body = recent_responses.get(key)  # made while this thread waited
        if body is not None:
            return body
        if settings.LL2_SHARED_RESPONSES:
            body = cache.get(key)
            if body is not None:
                shared_keys.put(key, time.monotonic())
        if body is None:
            body = make()
            if body is None:
                return None
        recent_responses.put(key, body)
    return body


def share(key: str, body: bytes, until: datetime | None) -> None:
    """Put a response this worker is asked for again into the shared cache, once per its
    time there.

    Only a second asking shares it: most fresh queries are asked for once, and writing
    every response built to Redis (a page is a megabyte) cut their throughput 5.6 times,
    where a page is built again from the worker's documents in about a millisecond.
    """
    if not settings.LL2_SHARED_RESPONSES:
        return
    seconds = settings.LL2_RESPONSE_CACHE_SECONDS
    if until is not None:
        # Past that moment the key is no longer asked for; Redis need not keep it longer.
        seconds = max(1, min(seconds, math.ceil((until - timezone.now()).total_seconds())))
    shared = shared_keys.get(key)
    if shared is None or shared + seconds <= time.monotonic():
        cache.set(key, body, seconds)
        shared_keys.put(key, time.monotonic())
