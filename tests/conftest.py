import io
import json
import os
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from rest_framework.test import APIClient

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
def client(db) -> APIClient:
    return APIClient()


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
