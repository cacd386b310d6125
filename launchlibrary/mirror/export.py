"""Everything the database holds, as the LL2 JSON this server serves: every mirrored
endpoint's list in its richest mode, one file per page of 100, each file the bytes the list
answers for that page, and the one-object dashboard as it answers with its longest lists.

Pages are rendered through the registered views, so the files are what a client reading
the lists would get, `url` fields on the base URL given (LL2's by default). They are made
one at a time: an export of any size holds one page in memory.

`import_ll2 DIR/*.json` reads an export back, in name order: a file's name opens with its
endpoint's place in `mirrored()` (which puts a list before those nesting its rows in a short
form), and names its resource, which routes a lookup page (whose objects carry no `url`)
where it has no `next` or `previous` link to name it (`exported_resource`).
"""

from __future__ import annotations

import math
import tarfile
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import orjson
from django.core.handlers.wsgi import WSGIRequest
from django.test import RequestFactory

from launchlibrary.api.links import API_VERSION
from launchlibrary.ingest.file_names import file_name
from launchlibrary.mirror.resources import Mirrored, mirrored
from launchlibrary.readpath.views import DocumentViewSet

DEFAULT_BASE_URL = "https://ll.thespacedevs.com"
# LL2's largest page.
PAGE_SIZE = 100
# The folder the download's files are in, so that unpacking it leaves one folder.
ARCHIVE_FOLDER = f"ll2-{API_VERSION}-export"
# As the API's other compressed bodies (launchlibrary/api/compression.py).
GZIP_LEVEL = 4


@dataclass(frozen=True)
class ExportFile:
    name: str
    content: bytes


class _BaseUrlRequest(WSGIRequest):
    """A request on the export's base URL. Its host is the operator's choice, not a client's
    `Host` header, so it is not held to `ALLOWED_HOSTS` (a server on `ll2.example.org`
    exports LL2's URLs)."""

    def get_host(self) -> str:
        return self._get_raw_host()


class _BaseUrlRequests(RequestFactory):
    def request(self, **request) -> WSGIRequest:
        return _BaseUrlRequest(self._base_environ(**request))


class ExportFailed(Exception):
    """A page could not be rendered: what the list answered instead."""


class Exporter:
    """Renders the export's files, on `base_url` (`https://host[:port]`, no path)."""

    def __init__(self, base_url: str = DEFAULT_BASE_URL) -> None:
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"not an http(s) base URL: {base_url!r}")
        if parts.path.strip("/") or parts.query or parts.fragment:
            raise ValueError(f"a base URL is a scheme and host alone: {base_url!r}")
        self.requests = _BaseUrlRequests(
            HTTP_HOST=parts.netloc,
            HTTP_ACCEPT="application/json",
            SERVER_PORT=str(parts.port or (443 if parts.scheme == "https" else 80)),
        )
        self.secure = parts.scheme == "https"
        self.views: dict[str, Callable] = {}

    def files(self) -> Iterator[ExportFile]:
        """Every file of the export, in name order."""
        for place, item in enumerate(mirrored()):
            yield from self.endpoint_files(place, item)

    @staticmethod
    def page_count(item: Mirrored) -> int:
        """How many files the endpoint makes, as its rows stand now."""
        if item.endpoint.one_object:
            return 1
        return max(1, math.ceil(item.endpoint.rows().count() / PAGE_SIZE))

    def endpoint_files(self, place: int, item: Mirrored) -> Iterator[ExportFile]:
        """The endpoint's files: its pages, until one has no `next` (an empty list has one
        page, with no results), or its one object."""
        # The dashboard's `limit` cuts its launches and events: the longest it answers.
        query = {**item.query(), "limit": str(PAGE_SIZE)}
        if item.endpoint.one_object:
            yield ExportFile(file_name(place, item.path, None), self.get(item, query))
            return
        page = 1
        while True:
            content = self.get(item, {**query, "offset": str((page - 1) * PAGE_SIZE)})
            yield ExportFile(file_name(place, item.path, page), content)
            if orjson.loads(content)["next"] is None:
                return
            page += 1

    def get(self, item: Mirrored, query: dict[str, str]) -> bytes:
        """The bytes the list answers for `query`, as a client on the base URL gets them; the
        export's own requests count against no rate limit."""
        if item.path not in self.views:
            self.views[item.path] = DocumentViewSet.for_endpoint(item.endpoint).as_view(
                {"get": "list"}, authentication_classes=(), throttle_classes=()
            )
        request = self.requests.get(f"/{API_VERSION}/{item.path}/", query, secure=self.secure)
        response = self.views[item.path](request)
        if hasattr(response, "render"):
            response.render()
        if response.status_code != 200:
            raise ExportFailed(
                f"{request.get_full_path()} answered {response.status_code}: "
                f"{response.content[:200]!r}"
            )
        return response.content


def archive(files: Iterable[ExportFile], folder: str = ARCHIVE_FOLDER) -> Iterator[bytes]:
    """`files` as a gzipped tar of one folder, made as it is read: each file's header and
    content are compressed as the file comes, so memory holds one file at a time."""
    compressor = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, 16 + zlib.MAX_WBITS)  # gzip
    made_at = int(time.time())
    for file in files:
        info = tarfile.TarInfo(f"{folder}/{file.name}")
        info.size, info.mtime, info.mode = len(file.content), made_at, 0o644
        padding = b"\0" * (-len(file.content) % tarfile.BLOCKSIZE)
        chunk = compressor.compress(info.tobuf(tarfile.USTAR_FORMAT) + file.content + padding)
        if chunk:
            yield chunk
    # A tar ends with two empty blocks.
    yield compressor.compress(b"\0" * 2 * tarfile.BLOCKSIZE) + compressor.flush()
