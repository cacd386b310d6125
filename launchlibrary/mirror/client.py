"""A client of an LL2 2.3.0 server that keeps within its rate limit.

LL2's limits are fixed windows: a client's window opens with its first request and allows
`your_request_limit` requests until `limit_frequency_secs` have passed. `/api-throttle/`
says where the client stands and uses none of the limit, so the client reads it before its
first request and whenever its own count says the window is spent, and waits for the next
window rather than being refused. Another client using the same key can still spend the
window first: a 429 is then waited out as its `Retry-After` says and the request repeated,
however often, as being throttled is no failure.

Network errors and server errors (5xx) are retried with exponential backoff, a bounded
number of times. An answer that is not LL2 JSON raises `NotLL2`, naming the URL.
"""

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from launchlibrary.api.links import API_VERSION
from launchlibrary.ingest.importer import ImportRefused, load_document

# Waits no shorter than this between readings of a spent window: `next_use_secs` is whole
# seconds and may read 0 in the window's last moment.
SHORTEST_WAIT_SECONDS = 0.2
# What a 429 without a usable `Retry-After` waits.
DEFAULT_RETRY_AFTER_SECONDS = 1.0


class NotLL2(Exception):
    """The source answered something that is not LL2 JSON."""

    def __init__(self, url: str, reason: str, status: int | None = None) -> None:
        self.url = url
        self.reason = reason
        self.status = status
        super().__init__(f"{url}: {reason}")


class Unreachable(NotLL2):
    """The source did not answer, or answered server errors, as many times as retried."""


@dataclass
class Answer:
    url: str
    document: Any
    # The source's clock when it answered (its `Date` header), if it said.
    date: datetime | None


@dataclass
class Limit:
    requests: int
    period_seconds: int


class LL2Client:
    def __init__(
        self,
        source: str,
        token: str | None = None,
        *,
        retries: int = 5,
        backoff_seconds: float = 1.0,
        timeout_seconds: float = 60.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.source = source_root(source)
        headers = {"Accept": "application/json", "User-Agent": "launchlibrary-mirror"}
        if token:
            headers["Authorization"] = f"Token {token}"
        self.http = httpx.Client(headers=headers, timeout=timeout_seconds, follow_redirects=True)
        self.retries = retries
        self.backoff_seconds = backoff_seconds
        self.sleep = sleep
        self.limit: Limit | None = None
        # Requests the current window still allows, as last read and counted since; None
        # until read.
        self.left: int | None = None
        self.ident = ""
        # False once `/api-throttle/` answered what is not LL2's: the client then goes
        # unpaced, and on a 429 waits as told.
        self.throttle_readable = True
        # What this client did, for its report.
        self.requests = 0
        self.throttled = 0
        self.retried = 0
        self.waited_seconds = 0.0

    def close(self) -> None:
        self.http.close()

    def api_url(self, path: str) -> str:
        return f"{self.source}/{API_VERSION}/{path}/"

    def read_throttle(self) -> float:
        """Read the client's standing from `/api-throttle/`; the seconds until its window
        closes."""
        answer = self._get(self.api_url("api-throttle"))
        if answer is None:  # a source that limits even this
            return DEFAULT_RETRY_AFTER_SECONDS
        status = answer.document
        try:
            self.limit = Limit(
                int(status["your_request_limit"]), int(status["limit_frequency_secs"])
            )
            self.left = self.limit.requests - int(status["current_use"])
            next_use = float(status["next_use_secs"])
        except (KeyError, TypeError, ValueError):
            raise NotLL2(answer.url, "not an LL2 api-throttle answer") from None
        self.ident = str(status.get("ident", ""))
        return next_use

    def get(self, url: str) -> Answer:
        """A GET of an LL2 page, within the limit, retried as the module says."""
        while True:
            self._pace()
            answer = self._get(url, counted=True)
            if answer is not None:
                return answer

    def seconds_for(self, requests: int) -> float:
        """About how long `requests` more requests take at the source's limit."""
        if self.limit is None or self.left is None or requests <= self.left:
            return 0.0
        windows = math.ceil((requests - self.left) / self.limit.requests)
        return windows * self.limit.period_seconds

    def start(self) -> None:
        """Read the limit before the first request, if the source says it."""
        try:
            self.read_throttle()
        except NotLL2:
            self.throttle_readable = False

    def _pace(self) -> None:
        if not self.throttle_readable:
            return
        if self.left is None:
            self.start()
        while self.left is not None and self.left <= 0:
            self._wait(max(self.read_throttle(), SHORTEST_WAIT_SECONDS))
            self.read_throttle()

    def _wait(self, seconds: float) -> None:
        self.waited_seconds += seconds
        self.sleep(seconds)

    def _get(self, url: str, counted: bool = False) -> Answer | None:
        """One GET, retried on network and server errors; None after a 429 was waited out
        (the caller paces and asks again)."""
        for attempt in range(self.retries + 1):
            last = attempt == self.retries
            try:
                response = self.http.get(url)
            except httpx.TransportError as error:
                if last:
                    reason = f"no answer after {attempt + 1} tries: {error}"
                    raise Unreachable(url, reason) from None
                self._back_off(attempt)
                continue
            if counted:
                self.requests += 1
                if self.left is not None:
                    self.left -= 1
            if response.status_code == 429:
                self.throttled += 1
                self._wait(retry_after(response))
                self.left = None  # read again: someone else spends this key's windows
                return None
            if response.status_code >= 500:
                if last:
                    raise Unreachable(url, f"HTTP {response.status_code} after {attempt + 1} tries")
                self._back_off(attempt)
                continue
            return self._read(url, response)
        raise AssertionError("unreachable")  # the last attempt returns or raises

    def _back_off(self, attempt: int) -> None:
        self.retried += 1
        self.sleep(self.backoff_seconds * 2**attempt)

    @staticmethod
    def _read(url: str, response: httpx.Response) -> Answer:
        if response.status_code != 200:
            reason = f"answered HTTP {response.status_code}: {excerpt(response)}"
            raise NotLL2(url, reason, response.status_code)
        content_type = response.headers.get("content-type", "")
        if "json" not in content_type:
            raise NotLL2(url, f"answered {content_type or 'no content type'}, not LL2 JSON")
        try:
            document = load_document(response.content)
        except ImportRefused as error:
            raise NotLL2(url, error.reason) from None
        return Answer(url, document, answer_date(response))


def source_root(source: str) -> str:
    """The server's root, from its address with or without the API's version."""
    root = source.rstrip("/")
    return root.removesuffix(f"/{API_VERSION}")


def retry_after(response: httpx.Response) -> float:
    try:
        return max(float(response.headers["retry-after"]), SHORTEST_WAIT_SECONDS)
    except (KeyError, ValueError):
        return DEFAULT_RETRY_AFTER_SECONDS


def answer_date(response: httpx.Response) -> datetime | None:
    try:
        return parsedate_to_datetime(response.headers["date"])
    except (KeyError, TypeError, ValueError):
        return None


def excerpt(response: httpx.Response, length: int = 200) -> str:
    return " ".join(response.text[:length].split())
