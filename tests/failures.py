"""What the tests of a failing Redis or database share: the session's database for a real
server, a Redis of the test's own, fresh queries from a few threads, the server's log."""

from __future__ import annotations

import http.client
import itertools
import os
import shutil
import signal
import sqlite3
import subprocess
import threading
import time
from collections import Counter
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from urllib.parse import urlsplit

import pytest
import redis
from django.db import connection

from tests.servers import free_port

# A listing page no client asked for before: each offset is a query of its own, so no
# response for it is held by a worker or shared in Redis.
FRESH = "/2.3.0/spacecraft/?format=json&limit=1&offset={}"
_offsets = itertools.count(1)


def fresh_path() -> str:
    return FRESH.format(next(_offsets))


def database_url(folder: Path, port: int | None = None) -> str:
    """The URL at which a server reads the test session's database (migrated, the bundled
    data loaded): on PostgreSQL the test database itself, at `port` if given; on SQLite,
    whose test database lives in this process's memory, a copy of it in `folder`."""
    if connection.vendor == "sqlite":
        path = folder / "db.sqlite3"
        connection.ensure_connection()
        with closing(sqlite3.connect(path)) as copy:
            connection.connection.backup(copy)
        return f"sqlite:///{path}"
    db = connection.settings_dict
    return (
        f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:"
        f"{port or db['PORT'] or 5432}/{db['NAME']}"
    )


class RedisServer:
    """A Redis server of the test's own on a free port, keeping nothing on disk, that the
    test can hang (SIGSTOP: connections are accepted, never answered) or kill (refused)."""

    def __init__(self) -> None:
        self.binary = shutil.which("redis-server")
        if self.binary is None:
            pytest.skip("redis-server is not installed (`make redis` installs it)")
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url)
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                return
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.02)

    def hang(self) -> None:
        self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        self.process.send_signal(signal.SIGCONT)

    def kill(self) -> None:
        self.process.send_signal(signal.SIGCONT)
        self.process.kill()
        self.process.wait()


@dataclass
class Load:
    answered: int
    seconds: float
    statuses: Counter

    @property
    def per_second(self) -> float:
        return self.answered / self.seconds


def fresh_queries(url: str, seconds: float, threads: int = 4) -> Load:
    """Fresh queries from `threads` clients, each over one kept-alive connection, for
    `seconds`: how many were answered, in how long, with which statuses."""
    parts = urlsplit(url)
    statuses: Counter = Counter()
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client() -> None:
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        with closing(conn):
            while time.monotonic() < deadline:
                try:
                    conn.request("GET", fresh_path())
                    response = conn.getresponse()
                    response.read()
                    status = response.status
                except OSError as error:  # counted, not lost with the thread
                    status = type(error).__name__
                    conn.close()
                with lock:
                    statuses[status] += 1

    started = time.monotonic()
    clients = [threading.Thread(target=client) for _ in range(threads)]
    for thread in clients:
        thread.start()
    for thread in clients:
        thread.join()
    return Load(sum(statuses.values()), time.monotonic() - started, statuses)


class Log:
    """A server's output (`output()` to give it), as a file the test reads as the server
    writes it."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def output(self) -> IO[bytes]:
        return self.path.open("wb")

    def size(self) -> int:
        return os.path.getsize(self.path)

    def text(self, since: int = 0) -> str:
        with self.path.open("rb") as file:
            file.seek(since)
            return file.read().decode(errors="replace")


def timed(call, *args):
    """A call's result and how long it took, in seconds."""
    started = time.monotonic()
    result = call(*args)
    return result, time.monotonic() - started
