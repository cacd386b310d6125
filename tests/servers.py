"""Real servers for tests: granian subprocesses, as `make serve` runs them, and SQLite
databases of their own."""

import fcntl
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from typing import IO

from tests.conftest import BUNDLED_FILES, REPO, SEED_DATA_FILES

MANAGE = [sys.executable, str(REPO / "manage.py")]
# A worker starts in seconds, more while the tests beside it keep the cores busy.
STARTS_WITHIN_SECONDS = 60


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


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def manage(database: Path, *args: str) -> None:
    """A management command run on an SQLite database, as a user runs it; what it reports
    (its standard output) is not shown, its errors are."""
    subprocess.run(
        [*MANAGE, *args],
        env={**os.environ, "DATABASE_URL": sqlite_url(database)},
        stdout=subprocess.DEVNULL,
        check=True,
    )


class ServerDatabases:
    """New SQLite databases for real servers and commands, each a copy of a template the
    test run makes once, through the commands a user runs (`migrate`, `import_ll2`): a
    migration of every app takes seconds, a copy none. The run's test processes share
    `folder`; the first to need a template makes it while the others wait."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def migrated(self, folder: Path) -> str:
        """The URL of a new, migrated (and empty) database in `folder`."""
        return self._copy("migrated", self._migrate, folder)

    def seeded(self, folder: Path) -> str:
        """The URL of a new database in `folder` holding the seed pages' 20 spacecraft, their
        documents rendered."""
        return self._copy("seeded", self._import(SEED_DATA_FILES), folder)

    def bundled(self, folder: Path) -> str:
        """The URL of a new database in `folder` holding the bundled data."""
        return self._copy("bundled", self._import(BUNDLED_FILES), folder)

    def _migrate(self, path: Path) -> None:
        manage(path, "migrate", "--noinput", "-v", "0")

    def _import(self, files: list[Path]) -> Callable[[Path], None]:
        def make(path: Path) -> None:
            shutil.copyfile(self._template("migrated", self._migrate), path)
            manage(path, "import_ll2", *map(str, files))

        return make

    def _template(self, name: str, make: Callable[[Path], None]) -> Path:
        template = self.folder / f"{name}.sqlite3"
        with (self.folder / f"{name}.lock").open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not template.exists():
                # Made aside and renamed: a template is whole or absent, even after a failure.
                making = self.folder / f"{name}.making.sqlite3"
                making.unlink(missing_ok=True)
                make(making)
                making.rename(template)
        return template

    def _copy(self, name: str, make: Callable[[Path], None], folder: Path) -> str:
        folder.mkdir(parents=True, exist_ok=True)
        database = folder / "db.sqlite3"
        shutil.copyfile(self._template(name, make), database)
        return sqlite_url(database)


@contextmanager
def app_server(
    env: dict[str, str], output: IO[bytes] | None = None, workers: int = 1
) -> Iterator[str]:
    """A server with `workers` worker processes on `env` (over this process's environment),
    answering at the URL it yields. Its output goes to `output`, or where the test's goes.
    One worker unless what is tested spans several: each more starts the app again."""
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
        deadline = time.monotonic() + STARTS_WITHIN_SECONDS
        while True:
            try:
                fetch(f"{url}/health")
                break
            except OSError:  # refused, or reset while the server starts
                if server.poll() is not None:
                    raise RuntimeError("the server exited") from None
                if time.monotonic() > deadline:
                    raise RuntimeError("the server did not start") from None
                time.sleep(0.05)
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
