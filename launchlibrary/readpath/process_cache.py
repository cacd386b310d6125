"""What each worker process keeps between requests, as ready Python objects: a hit costs no
copy, no unpickling and no database read.

Responses, listings and documents are kept under keys that name the data version, so a
write never leaves one to be served stale: those of older versions are no longer asked for
and age out.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from typing import Any


class Recent:
    """The most recently used values, up to a total size (`size_of` each, bytes' length by
    default)."""

    def __init__(self, max_bytes: int, size_of: Callable[[Any], int] = len) -> None:
        self.max_bytes = max_bytes
        self.size_of = size_of
        self.size = 0
        self.entries: OrderedDict[Hashable, Any] = OrderedDict()
        # A worker serves requests in several threads; one's eviction must not pull a key
        # from under another's lookup.
        self.lock = threading.Lock()

    def get(self, key: Hashable) -> Any:
        with self.lock:
            value = self.entries.get(key)
            if value is not None:
                self.entries.move_to_end(key)
            return value

    def put(self, key: Hashable, value: Any) -> None:
        size = self.size_of(value)
        with self.lock:
            if size > self.max_bytes:
                return
            replaced = self.entries.pop(key, None)
            if replaced is not None:
                self.size -= self.size_of(replaced)
            self.entries[key] = value
            self.size += size
            while self.size > self.max_bytes:
                _, evicted = self.entries.popitem(last=False)
                self.size -= self.size_of(evicted)

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()
            self.size = 0


class Shelves:
    """Documents by object id, on one shelf per (data version, origin, format, resource,
    mode): a page finds its documents with one dictionary lookup each, and no key to build
    or recency to update per document.

    To stay within `max_bytes`, a shelf being filled takes room from the least recently
    read shelf, a document at a time: shelves of older data versions, or of a one-off
    origin, drain away, and shelves read in turn share the room rather than empty each
    other. A shelf that is itself the least recently read takes no more. Past
    `max_shelves`, the least recently read shelf is dropped whole (empty shelves cost
    nothing in bytes, but one is made for every origin asked for).
    """

    def __init__(self, max_bytes: int, max_shelves: int = 256) -> None:
        self.max_bytes = max_bytes
        self.max_shelves = max_shelves
        self.size = 0
        self.shelves: OrderedDict[Hashable, dict[str, bytes]] = OrderedDict()
        self.shelf_sizes: dict[Hashable, int] = {}
        self.lock = threading.Lock()

    def shelf(self, key: Hashable) -> dict[str, bytes]:
        """The shelf to read from; documents go onto it with `put`."""
        with self.lock:
            shelf = self.shelves.get(key)
            if shelf is None:
                shelf = self.shelves[key] = {}
                self.shelf_sizes[key] = 0
                if len(self.shelves) > self.max_shelves:
                    self._drop(next(iter(self.shelves)))
            self.shelves.move_to_end(key)
            return shelf

    def put(self, key: Hashable, object_id: str, body: bytes) -> None:
        with self.lock:
            shelf = self.shelves.get(key)
            if shelf is None or object_id in shelf:
                return
            while self.size + len(body) > self.max_bytes:
                oldest = next(iter(self.shelves))
                if oldest == key:
                    return
                drained = self.shelves[oldest]
                if drained:
                    _, evicted = drained.popitem()
                    self.shelf_sizes[oldest] -= len(evicted)
                    self.size -= len(evicted)
                if not drained:
                    self._drop(oldest)
            shelf[object_id] = body
            self.shelf_sizes[key] += len(body)
            self.size += len(body)

    def _drop(self, key: Hashable) -> None:
        del self.shelves[key]
        self.size -= self.shelf_sizes.pop(key)

    def clear(self) -> None:
        with self.lock:
            self.shelves.clear()
            self.shelf_sizes.clear()
            self.size = 0


class OneAtATime:
    """A lock per key, held while what is kept under that key is made: threads that miss
    the same key at once wait for the first to make it, rather than each making it again (a
    browsable page takes up to seconds to render)."""

    def __init__(self) -> None:
        # Per key, its lock and how many threads hold it or wait for it.
        self.locks: dict[Hashable, list] = {}
        self.lock = threading.Lock()

    @contextmanager
    def __call__(self, key: Hashable) -> Iterator[None]:
        with self.lock:
            entry = self.locks.setdefault(key, [threading.Lock(), 0])
            entry[1] += 1
        try:
            with entry[0]:
                yield
        finally:
            with self.lock:
                entry[1] -= 1
                if not entry[1]:
                    del self.locks[key]
