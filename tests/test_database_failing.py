"""While its database fails, a real server still answers the pages its workers hold, and
every other request with LL2's JSON `503` and `Retry-After` rather than Django's HTML 500;
each outage is logged once per worker, when it begins and when it ends, not per request;
and the server recovers by itself when the database is back.

On PostgreSQL the database is reached through a TCP proxy of the test's own, which the test
closes (connections refused, those open cut, as when the database's host goes away) and
reopens. On SQLite the database's folder is moved away (new connections cannot open the
file; the server makes one per request there) and back."""

import contextlib
import json
import re
import socket
import threading
import time
from pathlib import Path

import pytest
from django.db import connection, connections, transaction

from launchlibrary.resilience import database_failing
from tests.failures import Log, database_url, timed
from tests.servers import app_server, fetch, free_port

HELD = ["/2.3.0/spacecraft/?format=json", "/2.3.0/config/orbits/?format=json"]
# A listing no worker served, so holds neither its response nor its rows.
NEVER_SERVED = "/2.3.0/spacecraft/?format=json&search=never-{}"


class Proxy:
    """Forwards 127.0.0.1:`port` to `target` until closed; then connections are refused
    and those open are cut. Reopens on the same port."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.sockets: set[socket.socket] = set()
        self.lock = threading.Lock()
        self.serve()

    def serve(self) -> None:
        threading.Thread(target=self.accept, args=(self.listener,), daemon=True).start()

    def accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
                upstream = socket.create_connection(self.target)
            except OSError:  # closed
                return
            with self.lock:
                self.sockets |= {client, upstream}
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self.pipe, args=(source, sink), daemon=True).start()

    def pipe(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            self.cut(source, sink)

    def cut(self, *sockets: socket.socket) -> None:
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def close(self) -> None:
        # Shutting a listening socket down wakes the thread blocked in its accept().
        self.cut(self.listener)
        with self.lock:
            self.cut(*self.sockets)
            self.sockets.clear()

    def reopen(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", self.port))
        self.serve()


class MovedFolder:
    """The folder of an SQLite database, moved away and back: meanwhile its file cannot be
    opened."""

    def __init__(self, folder: Path) -> None:
        self.folder, self.away = folder, folder.with_name(f"{folder.name}-away")

    def close(self) -> None:
        self.folder.rename(self.away)

    def reopen(self) -> None:
        self.away.rename(self.folder)


def outage_lines(text: str) -> tuple[list[str], list[str]]:
    return (
        re.findall(r".*The database is out.*", text),
        re.findall(r".*The database answers again.*", text),
    )


@pytest.fixture
def failing_database(tmp_path, db):
    """A server's environment on the session's database, and what makes that database fail
    (`close`) and come back (`reopen`)."""
    # Local memory, not Redis: what a worker answers with comes from itself.
    env = {"REDIS_URL": "", "LL2_ANON_RATE": ""}
    if connection.vendor == "postgresql":
        db_settings = connection.settings_dict
        proxy = Proxy((db_settings["HOST"] or "127.0.0.1", int(db_settings["PORT"] or 5432)))
        # Each worker thread keeps its connection, as in production: one cut must be dropped.
        yield {**env, "DATABASE_URL": database_url(tmp_path, port=proxy.port)}, proxy
        proxy.close()
    elif connection.vendor == "sqlite":
        folder = tmp_path / "database"
        folder.mkdir()
        # A connection kept open would go on reading the file moved away.
        env |= {"DATABASE_URL": database_url(folder), "DATABASE_CONN_MAX_AGE": "0"}
        yield env, MovedFolder(folder)
    else:
        pytest.skip(f"no way to make a {connection.vendor} database fail here")


# Bounded in time, but by seconds where each answer takes milliseconds (a refused connection
# or a missing file fails at once): beside other tests as well as alone.
def test_pages_held_are_served_and_the_rest_answers_503(tmp_path, failing_database):
    env, database = failing_database
    log = Log(tmp_path / "server.log")
    # One worker: which of several answers a request is the kernel's choice, and only the
    # one that served a page holds it.
    with log.output() as output, app_server(env, output, workers=1) as base:
        held = {path: fetch(base + path).body for path in HELD}

        database.close()
        # Held pages, as the worker last served them.
        for path in HELD * 10:
            answer = fetch(base + path)
            assert (answer.status, answer.body) == (200, held[path])
        # Anything else: LL2's JSON error, when to ask again, no HTML page.
        for offset in range(10):
            answer = fetch(base + NEVER_SERVED.format(offset))
            assert answer.status == 503
            assert answer.headers["Content-Type"] == "application/json"
            assert answer.headers["Retry-After"].isdigit()
            assert "detail" in json.loads(answer.body)
        health, seconds = timed(fetch, f"{base}/health")
        assert (health.status, json.loads(health.body)["database"]) == (503, "error")
        assert seconds < 3
        outage_log = log.text()

        database.reopen()
        recover_before = time.monotonic() + 10
        while True:
            answer = fetch(base + NEVER_SERVED.format(100))
            began, ended = outage_lines(log.text())
            if answer.status == 200 and len(ended) == len(began):
                break
            assert time.monotonic() < recover_before, log.text()
            time.sleep(0.1)
        for offset in range(10):
            assert fetch(base + NEVER_SERVED.format(200 + offset)).status == 200
        assert fetch(f"{base}/health").status == 200

    began, ended = outage_lines(log.text())
    # Once when it began, once when it ended; nothing per request.
    assert (len(began), len(ended)) == (1, 1), log.text()
    assert "Traceback" not in outage_log
    assert len(log.text()) < 4096, log.text()


def error_of(sql: str) -> Exception:
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
    except Exception as error:
        return error
    raise AssertionError(f"{sql} ran")


def test_an_unreachable_database_is_an_outage(tmp_path, db):
    """Refused, or a file that cannot be opened: a 503, logged once per outage."""
    if connection.vendor == "sqlite":
        unreachable = {"NAME": str(tmp_path / "gone" / "db.sqlite3")}
    else:
        unreachable = {"PORT": free_port()}
    wrapper = type(connections["default"])({**connection.settings_dict, **unreachable})
    try:
        wrapper.ensure_connection()
    except Exception as error:
        assert database_failing(error)
    else:
        raise AssertionError("connected")
    finally:
        wrapper.close()


def test_a_query_the_database_cannot_run_is_no_outage(db):
    """A bug in a query still fails loudly (a 500, its traceback logged), on SQLite too,
    which reports it as an OperationalError."""
    assert not database_failing(error_of("SELECT no_such_column FROM no_such_table"))
    assert not database_failing(error_of("SELEKT 1"))
