"""API keys and rate limits as LL2 has them: `Authorization: Token <key>`, a rate per key,
anonymous clients limited per IP address when LL2_ANON_RATE says so, 429 with DRF's body."""

import io
import json
import os
import re
import subprocess
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
import redis
from django.core import checks
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from launchlibrary.accounts.models import ApiKey
from tests.servers import MANAGE, app_server, fetch

LIST = "/2.3.0/spacecraft/"
THROTTLE = "/2.3.0/api-throttle/"


def throttled_body(wait: int) -> dict:
    unit = "second" if wait == 1 else "seconds"
    return {"detail": f"Request was throttled. Expected available in {wait} {unit}."}


def token(api_key: ApiKey) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Token {api_key.key}"}


def make_key(rate: str) -> ApiKey:
    out = io.StringIO()
    call_command("create_api_key", "tester", "--rate", rate, stdout=out)
    return ApiKey.objects.get(key=out.getvalue().splitlines()[-1])


def get(client, path: str = LIST, **headers):
    return client.get(path, {"format": "json", "limit": 1}, **headers)


def test_a_key_gets_its_rate_then_429_with_retry_after(client):
    api_key = make_key("100/hour")
    assert [get(client, **token(api_key)).status_code for _ in range(100)] == [200] * 100
    refused = get(client, **token(api_key))
    assert refused.status_code == 429
    wait = int(refused["Retry-After"])
    assert 3590 < wait <= 3600
    assert refused.json() == throttled_body(wait)
    # The key's count is its own: an anonymous client (unlimited by default) is not refused.
    assert get(client).status_code == 200


def test_anonymous_clients_are_unlimited_unless_a_rate_is_set(client):
    assert all(get(client).status_code == 200 for _ in range(30))
    # No limit reads as the largest 32-bit integer per hour: integers, as the spec has them.
    assert get(client, THROTTLE).json() == {
        "your_request_limit": 2**31 - 1,
        "limit_frequency_secs": 3600,
        "current_use": 0,
        "next_use_secs": 0,
        "ident": "127.0.0.1",
    }


def test_anonymous_rate_per_address_and_api_throttle_does_not_count(client, settings):
    settings.LL2_ANON_RATE = "3/hour"
    for _ in range(3):
        assert get(client).status_code == 200
        assert get(client, THROTTLE).status_code == 200
    assert get(client).status_code == 429
    status = get(client, THROTTLE).json()
    assert 3590 < status.pop("next_use_secs") <= 3600
    assert status == {
        "your_request_limit": 3,
        "limit_frequency_secs": 3600,
        "current_use": 3,
        "ident": "127.0.0.1",
    }
    # Another address has its own count.
    assert get(client, REMOTE_ADDR="10.0.0.2").status_code == 200


def test_api_throttle_reports_a_keys_use(client):
    api_key = make_key("5/minute")
    for _ in range(2):
        get(client, **token(api_key))
    status = get(client, THROTTLE, **token(api_key)).json()
    assert 55 < status.pop("next_use_secs") <= 60
    assert status == {
        "your_request_limit": 5,
        "limit_frequency_secs": 60,
        "current_use": 2,
        "ident": "tester",
    }


def test_api_throttle_answers_get_alone_and_browsable(client):
    response = client.get(THROTTLE)
    assert response.status_code == 200
    assert response["Allow"] == "GET"
    assert "Api Throttle" in client.get(THROTTLE, {"format": "api"}).content.decode()
    assert client.post(THROTTLE).status_code == 405


@pytest.mark.parametrize(
    "header, detail",
    [
        ("Token 0123456789abcdef0123456789abcdef01234567", "Invalid token."),
        ("Token not-a-key", "Invalid token."),
        ("Token " + "a" * 5000, "Invalid token."),
        ("Token \x00" + "0" * 39, "Invalid token."),
        ("Token", "Invalid token header. No credentials provided."),
        ("Token one two", "Invalid token header. Token string should not contain spaces."),
        (
            "Token caf\xe9",
            "Invalid token header. Token string should not contain invalid characters.",
        ),
    ],
)
def test_a_bad_token_answers_401_as_drf_does(client, header, detail):
    response = get(client, HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response.json() == {"detail": detail}


def test_a_deleted_key_no_longer_answers(client):
    api_key = make_key("100/hour")
    assert get(client, **token(api_key)).status_code == 200
    api_key.delete()
    assert get(client, **token(api_key)).json() == {"detail": "Invalid token."}


def test_a_key_is_read_once_not_on_every_request(client):
    api_key = make_key("100/hour")
    assert get(client, **token(api_key)).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert get(client, **token(api_key)).status_code == 200
    assert not [query for query in queries if "accounts_apikey" in query["sql"]]


def test_a_key_changed_by_another_worker_takes_effect_within_the_cache_time(client, settings):
    settings.LL2_API_KEY_CACHE_SECONDS = 0.5
    api_key = make_key("100/hour")
    assert get(client, THROTTLE, **token(api_key)).json()["your_request_limit"] == 100
    # An update sends no signal, as a change made in another worker reaches this one.
    ApiKey.objects.filter(pk=api_key.pk).update(rate="7/hour")
    assert get(client, THROTTLE, **token(api_key)).json()["your_request_limit"] == 100
    time.sleep(0.6)
    assert get(client, THROTTLE, **token(api_key)).json()["your_request_limit"] == 7
    ApiKey.objects.filter(pk=api_key.pk).delete()  # sends a signal: at once
    assert get(client, THROTTLE, **token(api_key)).status_code == 401


def test_a_key_refused_then_made_answers_at_once(client):
    key = "0123456789abcdef0123456789abcdef01234567"
    assert get(client, HTTP_AUTHORIZATION=f"Token {key}").status_code == 401
    ApiKey.objects.create(name="late", key=key, rate="10/hour")
    assert get(client, HTTP_AUTHORIZATION=f"Token {key}").status_code == 200


def test_other_schemes_are_anonymous(client):
    assert get(client, HTTP_AUTHORIZATION="Bearer whatever").status_code == 200


def test_forwarded_addresses_count_only_behind_trusted_proxies(client, settings):
    forwarded = {"HTTP_X_FORWARDED_FOR": "198.51.100.7, 203.0.113.9"}
    assert get(client, THROTTLE, **forwarded).json()["ident"] == "127.0.0.1"
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    assert get(client, THROTTLE, **forwarded).json()["ident"] == "203.0.113.9"


@pytest.mark.parametrize("rate", ["100/hour", "15/h", "5000/day", "10/minute", "1/s"])
def test_create_api_key_prints_the_key_last(db, rate):
    out = io.StringIO()
    call_command("create_api_key", "a client", "--rate", rate, stdout=out)
    key = out.getvalue().splitlines()[-1]
    assert re.fullmatch(r"[0-9a-f]{40}", key)
    assert ApiKey.objects.get(key=key).rate == rate


@pytest.mark.parametrize("rate", ["", "100", "lots/hour", "100/week", "-1/hour", "1/hour/day"])
def test_create_api_key_refuses_a_bad_rate(db, rate):
    with pytest.raises(CommandError):
        call_command("create_api_key", "a client", f"--rate={rate}", stdout=io.StringIO())
    assert not ApiKey.objects.exists()


def test_a_bad_anonymous_rate_is_refused_at_start(settings):
    def errors() -> list[str]:
        return [error.id for error in checks.run_checks() if error.id.startswith("accounts.")]

    settings.LL2_ANON_RATE = "15/hour"
    assert errors() == []
    settings.LL2_ANON_RATE = "15/fortnight"
    assert errors() == ["accounts.E001"]


# Two real servers sharing one Redis, on a database of their own: the run's plays no part.
standalone = pytest.mark.standalone


@pytest.fixture(scope="module")
def shared_redis() -> tuple[str, str]:
    """A Redis URL and a key prefix of this run's own; its keys are removed afterwards."""
    url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    connection = redis.Redis.from_url(url)
    try:
        connection.ping()
    except redis.ConnectionError:
        pytest.skip(f"no Redis at {url}")
    prefix = f"ll2-test-{uuid.uuid4().hex}"
    yield url, prefix
    for key in connection.scan_iter(f"{prefix}:*"):
        connection.delete(key)


@pytest.fixture(scope="module")
def two_servers(tmp_path_factory, server_databases, shared_redis):
    """Two servers of two workers each, one SQLite database and one Redis between them."""
    redis_url, prefix = shared_redis
    env = {
        "DATABASE_URL": server_databases.migrated(tmp_path_factory.mktemp("two-servers")),
        "REDIS_URL": redis_url,
        "CACHE_KEY_PREFIX": prefix,
        "LL2_ANON_RATE": "15/hour",
    }
    with app_server(env, workers=2) as first, app_server(env, workers=2) as second:
        yield env, [first, second]


@standalone
def test_anonymous_limit_holds_across_servers(two_servers, shared_redis):
    _env, servers = two_servers
    answers = [fetch(f"{servers[n % 2]}{LIST}?format=json") for n in range(15)]
    assert [answer.status for answer in answers] == [200] * 15
    for server in servers:
        refused = fetch(f"{server}{LIST}?format=json")
        assert refused.status == 429
        assert 3590 < int(refused.headers["Retry-After"]) <= 3600
        status = fetch(f"{server}{THROTTLE}?format=json")
        assert status.status == 200
        assert b'"current_use":15' in status.body
    redis_url, prefix = shared_redis
    assert redis.Redis.from_url(redis_url).exists(f"{prefix}:1:throttle_ll2_127.0.0.1")


@standalone
def test_key_limit_holds_across_servers_under_concurrency(two_servers):
    """150 requests on 16 connections at once, spread over two servers of two workers each:
    exactly 100 are answered, the rest refused."""
    env, servers = two_servers
    made = subprocess.run(
        [*MANAGE, "create_api_key", "two servers", "--rate", "100/hour"],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    header = {"Authorization": f"Token {made.stdout.splitlines()[-1]}"}
    urls = [f"{servers[n % 2]}{LIST}?format=json" for n in range(150)]
    with ThreadPoolExecutor(max_workers=16) as pool:
        statuses = Counter(
            answer.status for answer in pool.map(lambda url: fetch(url, header), urls)
        )
    assert statuses == {200: 100, 429: 50}
    for server in servers:
        assert fetch(f"{server}{LIST}?format=json", header).status == 429
        status = json.loads(fetch(f"{server}{THROTTLE}?format=json", header).body)
        assert status["current_use"] == 100


def test_keys_are_made_in_the_admin(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", "", "secret"))
    add = "/admin/accounts/apikey/add/"
    refused = client.post(add, {"name": "a client", "rate": "100/fortnight"})
    assert refused.status_code == 200
    assert "not a rate" in refused.content.decode()
    assert client.post(add, {"name": "a client", "rate": "100/hour"}).status_code == 302
    api_key = ApiKey.objects.get(name="a client")
    assert re.fullmatch(r"[0-9a-f]{40}", api_key.key)
    assert api_key.key in client.get("/admin/accounts/apikey/").content.decode()
    assert get(client, **token(api_key)).status_code == 200
