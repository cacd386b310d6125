"""`GET /health`: 200 when the database and the cache answer, 503 when either does not,
shown with real servers whose cache or database is unreachable; pages are served without
the cache."""

import json
import os
import uuid

import pytest
import redis

from tests.servers import app_server, fetch, free_port


def test_healthy(client):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]
    assert client.head("/health").status_code == 200


def test_only_reads(client):
    assert client.post("/health").status_code == 405


# Real servers on a database of their own, or none: the run's database plays no part.
standalone = pytest.mark.standalone


@pytest.fixture(scope="module")
def database_url(tmp_path_factory, server_databases) -> str:
    return server_databases.migrated(tmp_path_factory.mktemp("health"))


def health_of(env: dict[str, str]) -> tuple[int, dict]:
    with app_server(env) as url:
        answer = fetch(f"{url}/health")
    return answer.status, json.loads(answer.body)


@standalone
def test_healthy_with_redis(database_url):
    redis_url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    try:
        redis.Redis.from_url(redis_url).ping()
    except redis.ConnectionError:
        pytest.skip(f"no Redis at {redis_url}")
    env = {
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "CACHE_KEY_PREFIX": f"ll2-test-{uuid.uuid4().hex}",
    }
    assert health_of(env) == (200, {"database": "ok", "cache": "ok"})


@standalone
def test_unreachable_cache_answers_503(database_url):
    env = {"DATABASE_URL": database_url, "REDIS_URL": f"redis://127.0.0.1:{free_port()}/0"}
    assert health_of(env) == (503, {"database": "ok", "cache": "error"})


@standalone
def test_unreachable_cache_still_serves_pages_uncounted(database_url):
    env = {
        "DATABASE_URL": database_url,
        "REDIS_URL": f"redis://127.0.0.1:{free_port()}/0",
        "LL2_ANON_RATE": "2/hour",
    }
    with app_server(env) as url:
        pages = [fetch(f"{url}/2.3.0/spacecraft/?format=json") for _ in range(3)]
        throttle = fetch(f"{url}/2.3.0/api-throttle/?format=json")
        health = fetch(f"{url}/health")
    assert [page.status for page in pages] == [200] * 3
    assert json.loads(pages[0].body) == {"count": 0, "next": None, "previous": None, "results": []}
    assert throttle.status == 200
    assert health.status == 503


@standalone
def test_unreachable_database_answers_503():
    env = {"DATABASE_URL": f"postgres://postgres@127.0.0.1:{free_port()}/ll2"}
    assert health_of(env) == (503, {"database": "error", "cache": "ok"})
