import io
import json
import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections
from django.utils import timezone
from rest_framework.test import APIClient, ForceAuthClientHandler

from launchlibrary.accounts.authentication import recent_keys
from launchlibrary.readpath import responses
from tests.contract import spec

REPO = Path(__file__).resolve().parent.parent
# The official spec, the seed pages and real LL2 responses (see fixtures/README.md).
FIXTURES = REPO / "tests" / "fixtures"
# The spec as published; tests/contract/spec.py reads it and works around its defects.
SPEC = spec.SPEC
BUNDLED_FILES = sorted((REPO / "data").glob("*.json"))
SEED_DATA_FILES = sorted((REPO / "data").glob("90-seed-*.json"))
# Rows no public LL2 response holds (boosters), made for the tests: see fixtures/README.md.
MADE_FILES = sorted((FIXTURES / "made").glob("*.json"))


def seed_page(path: Path) -> tuple[str, dict]:
    """A seed file's request line and JSON body (the docs block and headers precede them)."""
    text = path.read_text()
    request_line = next(line for line in text.splitlines() if line.startswith("GET "))
    body = text[text.index("\n{", text.index("Vary: Accept")) + 1 :]
    return request_line.removeprefix("GET "), json.loads(body)


def pytest_configure(config) -> None:
    """Test processes running side by side (pytest-xdist) may share one Redis: each keeps
    its keys apart. Set before any cache is made."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker:
        from django.conf import settings

        default = settings.CACHES["default"]
        default["KEY_PREFIX"] = f"{default.get('KEY_PREFIX', '')}{worker}"


def pytest_ignore_collect(collection_path: Path, config) -> bool | None:
    """`-m serial` alone (`make test`'s second run) imports only the test modules that mark
    tests `serial`: importing the others would cost seconds (tests/test_fuzz.py builds its
    cases as it is collected) to deselect all they hold."""
    if (
        config.getoption("markexpr") == "serial"
        and collection_path.suffix == ".py"
        and collection_path.name.startswith("test_")
        and "mark.serial" not in collection_path.read_text()
    ):
        return True
    return None  # other plugins' say, as if this hook were not here


@pytest.hookimpl(trylast=True)  # after pytest-django's order, which puts tests without `db` last
def pytest_collection_modifyitems(config, items: list[pytest.Item]) -> None:
    """Tests marked `standalone` read no database of the run's (they make SQLite databases
    of their own): a run on another database skips them, as the SQLite run has run them.
    There they come first: they start servers and commands, the suite's longest tests;
    begun first, none is left running in one test process while the others have finished."""
    if connections["default"].vendor != "sqlite":
        skip = pytest.mark.skip(reason="standalone: the run on SQLite runs it")
        for item in items:
            if item.get_closest_marker("standalone"):
                item.add_marker(skip)
        return
    items.sort(key=lambda item: item.get_closest_marker("standalone") is None)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from the bundled dataset, and the rows made for the tests, loaded
    once through the importer."""
    with django_db_blocker.unblock():
        call_command("import_ll2", *BUNDLED_FILES, *MADE_FILES, stdout=io.StringIO())


def as_another_worker() -> None:
    """Forget what this process keeps between requests, as a worker that has served nothing
    yet."""
    for kept in (
        responses.recent_responses,
        responses.document_shelves,
        responses.recent_listings,
        responses.shared_keys,
        responses.moments,
        recent_keys,
    ):
        kept.clear()


@pytest.fixture(autouse=True)
def fresh_response_cache():
    """Each test's data is rolled back after it, and with it the data version the response
    cache is keyed by: responses cached by one test must not answer the next."""
    # This test process's keys alone: Redis may serve test processes running side by side.
    if hasattr(cache, "delete_pattern"):
        cache.delete_pattern("*")
    else:
        cache.clear()
    as_another_worker()


@pytest.fixture
def clock(monkeypatch):
    """The time the server reads, moved by the test."""

    class Clock:
        now = timezone.now()

        def advance(self, delta: timedelta) -> None:
            self.now += delta

    moved = Clock()
    monkeypatch.setattr(timezone, "now", lambda: moved.now)
    return moved


@pytest.fixture
def edit(django_capture_on_commit_callbacks):
    """A block of writes committed as an edit is: the documents of what they change are
    rendered again, and the data version moves on."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture(scope="session")
def server_databases(tmp_path_factory):
    """New SQLite databases for real servers, copied from templates the run makes once
    (tests/servers.py), in a folder its test processes share."""
    from tests.servers import ServerDatabases  # which imports this module

    folder = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        folder = folder.parent  # the run's, above each process's own
    return ServerDatabases(folder)


class ReusedMiddlewareHandler(ForceAuthClientHandler):
    """A test client's handler that takes the middleware an earlier one built under the same
    settings, as a server's worker builds it once for all the requests it serves. Building it
    costs about 10 ms (WhiteNoise lists every static file): as much as a cheap test's
    requests, once per test otherwise."""

    built: dict[tuple[str, bool], tuple] = {}

    def load_middleware(self, is_async: bool = False) -> None:
        # Middleware read settings as they are built: what they hold follows from these.
        key = repr(
            sorted((name, getattr(settings, name)) for name in dir(settings) if name.isupper())
        )
        if (key, is_async) not in self.built:
            super().load_middleware(is_async)
            self.built[key, is_async] = (
                self._view_middleware,
                self._template_response_middleware,
                self._exception_middleware,
                self._middleware_chain,
            )
        (
            self._view_middleware,
            self._template_response_middleware,
            self._exception_middleware,
            self._middleware_chain,
        ) = self.built[key, is_async]


@pytest.fixture
def client(db) -> APIClient:
    client = APIClient()
    client.handler = ReusedMiddlewareHandler(enforce_csrf_checks=False)
    return client


@pytest.fixture
def get_json(client):
    def get(path: str, **params):
        response = client.get(path, {"format": "json", **params})
        assert response.status_code == 200, response.content
        return response.json()

    return get


def pytest_addoption(parser):
    # Read by tests/contract/conftest.py; declared here, where pytest reads options before
    # it collects tests/contract.
    parser.addoption(
        "--update-query-counts",
        action="store_true",
        default=False,
        help="rewrite tests/contract/query_counts.json with the query counts measured, "
        "instead of checking them against it",
    )
