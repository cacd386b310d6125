"""`sync_ll2` against a second real server of this project, holding data the mirror lacks,
under a rate-limited key: the mirror ends serving every list as the source does, killed
halfway it goes on where it stopped, a second sync fetches only what changed, and a source
that is not LL2 stops the endpoints it answers with a clear message."""

import json
import math
import os
import re
import signal
import sqlite3
import subprocess
import threading
import time
from contextlib import contextmanager
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from launchlibrary.launches.models import Launch
from launchlibrary.mirror.models import SyncProgress
from launchlibrary.mirror.resources import mirrored
from tests.conftest import MADE_FILES, REPO
from tests.servers import MANAGE, app_server, fetch

# Fast enough for a whole sync (56 pages of the bundled data) in seconds, slow enough that
# the sync must wait for the limit a dozen times.
RATE = "5/second"
# What the sync reports last.
REPORT = re.compile(
    r"(?P<requests>\d+) requests, (?P<pages>\d+) pages, full=(?P<full>\d+) "
    r"incremental=(?P<incremental>\d+) throttled=(?P<throttled>\d+) "
    r"retried=(?P<retried>\d+) waited=(?P<waited>[\d.]+)s"
)
# Subprocesses keep off the run's Redis: the servers' limits count in their own memory.
NO_REDIS = {"REDIS_URL": ""}


def database_path(url: str) -> Path:
    return Path(url.removeprefix("sqlite:///"))


def run_manage(database_url: str, *args: str) -> str:
    """A management command on a database of its own; its output."""
    done = subprocess.run(
        [*MANAGE, *args],
        env={**os.environ, "DATABASE_URL": database_url, **NO_REDIS},
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    return done.stdout


def new_key(database_url: str) -> str:
    """An API key at `RATE` on a source's database."""
    code = (
        "from launchlibrary.accounts.models import ApiKey; "
        f"print(ApiKey.objects.create(name='mirror', rate={RATE!r}).key)"
    )
    return run_manage(database_url, "shell", "-c", code).split()[-1]


@contextmanager
def source_server(server_databases, folder: Path):
    """A server of the bundled data and the rows made for the tests (the Starship
    dashboard, boosters), and a key to it at `RATE`."""
    database = server_databases.bundled(folder)
    run_manage(database, "import_ll2", *map(str, MADE_FILES))
    key = new_key(database)
    with app_server({"DATABASE_URL": database, **NO_REDIS}) as url:
        yield url, key, database


@pytest.fixture(scope="module")
def source(server_databases, tmp_path_factory):
    with source_server(server_databases, tmp_path_factory.mktemp("source")) as served:
        yield served


def sync(database_url: str, *args: str) -> dict[str, float]:
    """`sync_ll2` run as a user runs it, on a database of its own; its report's figures."""
    done = subprocess.run(
        [*MANAGE, "sync_ll2", *args],
        env={**os.environ, "DATABASE_URL": database_url, **NO_REDIS},
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return report_of(done.stdout)


def report_of(output: str) -> dict[str, float]:
    found = REPORT.search(output)
    assert found, output
    return {name: float(value) for name, value in found.groupdict().items()}


def get_json(url: str) -> dict:
    answer = fetch(url, {"Accept": "application/json"})
    assert answer.status == 200, (url, answer.status)
    return json.loads(answer.body)


def pages_of(source: str) -> int:
    """The pages of 100 a whole sync of `source` fetches."""
    pages = 0
    for item in mirrored():
        if item.endpoint.one_object:
            pages += 1
        else:
            count = get_json(f"{source}/2.3.0/{item.path}/?limit=1")["count"]
            pages += max(math.ceil(count / 100), 1)
    return pages


def assert_same_lists(source: str, mirror: str) -> None:
    """Every mirrored list, in every mode, page by page, and the one-object paths, serve the
    same on both servers, host aside."""
    for item in mirrored():
        modes = list(item.endpoint.modes) or [None]
        for mode in modes:
            query = f"?mode={mode}&limit=100" if mode else "?limit=100"
            url = f"{source}/2.3.0/{item.path}/{query}"
            while url:
                ours = fetch(url.replace(source, mirror), {"Accept": "application/json"})
                theirs = fetch(url, {"Accept": "application/json"})
                assert (ours.status, theirs.status) == (200, 200), url
                assert ours.body.replace(mirror.encode(), source.encode()) == theirs.body, url
                document = json.loads(theirs.body)
                url = document.get("next") if isinstance(document, dict) else None


def pages_recorded(database_url: str) -> int:
    """The pages a mirror's database records as imported, read beside a running sync."""
    with sqlite3.connect(database_path(database_url), timeout=30) as connection:
        (pages,) = connection.execute("SELECT COALESCE(SUM(pages), 0) FROM mirror_syncprogress")
        return pages[0]


@pytest.mark.standalone
def test_a_full_sync_paced_to_the_limit_gives_equal_lists(source, server_databases, tmp_path):
    source_url, key, _ = source
    mirror = server_databases.migrated(tmp_path / "mirror")
    report = sync(mirror, "--from", source_url, "--token", key)

    pages = pages_of(source_url)
    assert report["pages"] == report["full"] == report["requests"] == pages
    # Paced, not refused: it waited for windows to reopen (a page imported in more than a
    # second needs none after it), and no request answered 429.
    assert report["waited"] > 0
    assert report["throttled"] == report["retried"] == 0
    with app_server({"DATABASE_URL": mirror, **NO_REDIS}) as mirror_url:
        assert_same_lists(source_url, mirror_url)


class Competitor(threading.Thread):
    """Another client of the sync's key, spending whole windows now and then."""

    def __init__(self, source: str, key: str) -> None:
        super().__init__(daemon=True)
        self.source, self.key = source, key
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.wait(0.7):
            for _ in range(5):
                fetch(f"{self.source}/2.3.0/config/orbits/", {"Authorization": f"Token {self.key}"})


@pytest.mark.standalone
def test_a_sync_killed_halfway_goes_on_where_it_stopped(source, server_databases, tmp_path):
    source_url, key, _ = source
    mirror = server_databases.migrated(tmp_path / "mirror")
    pages = pages_of(source_url)
    killed = subprocess.Popen(
        [*MANAGE, "sync_ll2", "--from", source_url, "--token", key],
        env={**os.environ, "DATABASE_URL": mirror, **NO_REDIS},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=REPO,
    )
    try:
        while pages_recorded(mirror) < pages // 2:
            assert killed.poll() is None, "the sync ended before it could be killed"
            time.sleep(0.05)
    finally:
        killed.send_signal(signal.SIGKILL)
        killed.wait()
    before = pages_recorded(mirror)
    assert pages // 2 <= before < pages

    # Run again while another client spends the same key's windows: 429s, waited out.
    competitor = Competitor(source_url, key)
    competitor.start()
    try:
        report = sync(mirror, "--from", source_url, "--token", key)
    finally:
        competitor.stopping.set()
        competitor.join()

    # No page imported before the kill is fetched again; each request but those refused
    # for the limit brought a page.
    assert report["pages"] == pages - before
    assert report["requests"] - report["throttled"] == report["pages"]
    assert report["throttled"] >= 1
    assert pages_recorded(mirror) == pages
    with app_server({"DATABASE_URL": mirror, **NO_REDIS}) as mirror_url:
        assert_same_lists(source_url, mirror_url)


def sync_here(*args: str) -> tuple[dict[str, float], str]:
    """`sync_ll2` on the run's database (the mirror), in this process."""
    out = StringIO()
    call_command("sync_ll2", *args, stdout=out)
    return report_of(out.getvalue()), out.getvalue()


def changed_on_source(source: str, database_url: str, launch_id: str, tmp_path: Path) -> str:
    """LL2's newer word on a launch, imported on the source as its own sync would: a new
    name, and `last_updated` now."""
    launch = get_json(f"{source}/2.3.0/launches/{launch_id}/")
    launch["name"] = f"{launch['name']} (renamed)"
    launch["last_updated"] = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps(launch))
    run_manage(database_url, "import_ll2", str(newer))
    return launch["name"]


@pytest.mark.django_db
def test_an_incremental_sync_fetches_what_changed(server_databases, tmp_path):
    with source_server(server_databases, tmp_path / "source") as (source_url, key, database):
        first, _ = sync_here("--from", source_url, "--token", key, "--only", "launches,events")
        assert (first["full"], first["incremental"]) == (2, 0)

        launch = get_json(f"{source_url}/2.3.0/launches/?limit=1")["results"][0]
        name = changed_on_source(source_url, database, launch["id"], tmp_path)
        second, output = sync_here(
            "--from", source_url, "--token", key, "--only", "launches,events"
        )

    # One page of what changed for each, and the change arrived.
    assert (second["full"], second["incremental"]) == (0, 2)
    assert "launches: incremental, 1 requests, 1 pages" in output
    assert Launch.objects.get(pk=launch["id"]).name == name
    progress = SyncProgress.objects.get(source=source_url, resource="launches")
    assert progress.kind == SyncProgress.INCREMENTAL
    assert progress.count == 1
    assert not progress.under_way


class WebSite(BaseHTTPRequestHandler):
    """A web site, not an LL2 server: every path answers a page of HTML."""

    def do_GET(self) -> None:
        body = b"<!doctype html><html><body>Welcome</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.mark.django_db
def test_a_source_answering_html_stops_each_endpoint_with_a_clear_message():
    site = ThreadingHTTPServer(("127.0.0.1", 0), WebSite)
    threading.Thread(target=site.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{site.server_address[1]}"
    orbits = Launch.objects.count()
    try:
        with pytest.raises(CommandError) as stopped:
            call_command(
                "sync_ll2", "--from", url, "--only", "config/orbits,launches", stdout=StringIO()
            )
    finally:
        site.shutdown()
        site.server_close()

    message = str(stopped.value)
    assert "2 endpoints stopped" in message
    for path in ("config/orbits/?limit=100", "launches/?mode=detailed&limit=100"):
        assert f"{url}/2.3.0/{path}: answered text/html; charset=utf-8, not LL2 JSON" in message
    # Nothing imported, and each endpoint's copy is left to go on with next time.
    assert Launch.objects.count() == orbits
    progress = SyncProgress.objects.get(source=url, resource="launches")
    assert progress.under_way and progress.pages == 0
