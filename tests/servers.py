"""Real servers for tests: granian subprocesses, as `make serve` runs them."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from typing import IO

from tests.conftest import REPO

MANAGE = [sys.executable, str(REPO / "manage.py")]


@dataclass
class Answer:
    status: int
    headers: Message  # read by name whatever its case, as HTTP has it
    body: bytes


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs) -> None:
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def fetch(url: str, headers: dict[str, str] | None = None) -> Answer:
    """A GET, whatever its status; redirects are answers, not followed."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with _opener.open(request, timeout=10) as response:
            return Answer(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return Answer(error.code, error.headers, error.read())


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def migrated_sqlite(folder: Path) -> str:
    """The URL of a new, migrated (and empty) SQLite database."""
    folder.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{folder / 'db.sqlite3'}"
    subprocess.run(
        [*MANAGE, "migrate", "--noinput", "-v", "0"],
        env={**os.environ, "DATABASE_URL": url},
        check=True,
    )
    return url


@contextmanager
def app_server(
    env: dict[str, str], output: IO[bytes] | None = None, workers: int = 2
) -> Iterator[str]:
    """A server with `workers` worker processes on `env` (over this process's environment),
    answering at the URL it yields. Its output goes to `output`, or where the test's goes."""
    port = free_port()
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "granian"), "--interface", "wsgi"]
        + ["--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)]
        + ["--blocking-threads", "4"]
        + ["--workers-kill-timeout", "3"]
        + ["--log-level", "warning", "launchlibrary.wsgi:application"],
        cwd=REPO,
        env={**os.environ, **env},
        stdout=output,
        stderr=output,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                fetch(f"{url}/health")
                break
            except OSError:  # refused, or reset while the server starts
                if server.poll() is not None:
                    raise RuntimeError("the server exited") from None
                time.sleep(0.05)
        else:
            raise RuntimeError("the server did not start")
        yield url
    finally:
        stop(server)


def stop(server: subprocess.Popen) -> None:
    """Stop a server started in a session of its own, with every process it started."""
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()
