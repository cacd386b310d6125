"""A Redis that hangs or refuses costs a real server little: its breaker stops asking Redis
after a failure, fresh queries keep at least half their throughput, `/health` answers 503
within a second or two, and each outage is logged once, not per request. Shown with a Redis
server of the test's own, stopped (SIGSTOP: it accepts connections and never answers) and
killed (it refuses them), under a few seconds of load from a few threads."""

import json
import os
import re
import time

import pytest

from tests.failures import Log, RedisServer, fresh_queries, timed
from tests.servers import app_server, fetch

pytestmark = [
    # Throughput is compared before and during an outage: measured alone, not beside others.
    pytest.mark.serial,
    # A Redis outage costs the same whatever database the server reads (an SQLite database of
    # its own): measured once, in the run that configures Redis (`.ci/run`'s second), not
    # again on SQLite.
    pytest.mark.skipif(
        not os.environ.get("REDIS_URL"), reason="measured in the run with REDIS_URL set"
    ),
]

# Seconds of load per phase: hundreds of requests, and the suite stays short.
LOAD_SECONDS = 3
SETTLING_SECONDS = 1.5
# What an outage may add to the log: a line per worker when it begins and one when it ends.
OUTAGE_LOG_BYTES = 4096
# The servers' breakers ask Redis again this often (LL2_REDIS_RETRY_SECONDS; 5 by default):
# often enough for a short test, seldom enough that a hung Redis still costs a probe per
# worker in each load phase.
RETRY_SECONDS = 2


@pytest.fixture
def redis_server():
    server = RedisServer()
    server.start()
    yield server
    server.kill()


@pytest.fixture
def served(tmp_path, redis_server, server_databases):
    """A server (two workers) on the seed pages' spacecraft and the test's Redis, counting
    every anonymous request against a rate limit, and its log."""
    env = {
        "DATABASE_URL": server_databases.seeded(tmp_path / "database"),
        "REDIS_URL": redis_server.url,
        "LL2_ANON_RATE": "1000000/hour",
        "LL2_REDIS_RETRY_SECONDS": str(RETRY_SECONDS),
    }
    log = Log(tmp_path / "server.log")
    with log.output() as output, app_server(env, output, workers=2) as url:
        yield url, log


def health(url: str) -> tuple[int, dict, float]:
    answer, seconds = timed(fetch, f"{url}/health")
    return answer.status, json.loads(answer.body), seconds


def current_use(url: str) -> int:
    return json.loads(fetch(f"{url}/2.3.0/api-throttle/?format=json").body)["current_use"]


def outage_lines(text: str) -> tuple[list[str], list[str]]:
    began = re.findall(r".*Redis at \S+ is out.*", text)
    ended = re.findall(r".*Redis at \S+ answers again.*", text)
    return began, ended


def wait_recovered(url: str, log: Log, since: int) -> None:
    """Until every worker that found Redis out found it back: each asks it again at its
    first request once RETRY_SECONDS have passed."""
    deadline = time.monotonic() + RETRY_SECONDS + 3
    while True:
        healthy = fetch(f"{url}/health").status == 200
        began, ended = outage_lines(log.text(since))
        if healthy and len(ended) == len(began):
            return
        assert time.monotonic() < deadline, f"not recovered: {log.text(since)}"
        time.sleep(0.1)


def check_outage(url: str, log: Log, fail, recover) -> tuple[float, float, float]:
    """Fresh queries with Redis up, then out (`fail`), then back (`recover`): their rates
    before and during the outage and the slowest `/health` meanwhile; checks what the
    outage answered and logged."""
    fresh_queries(url, 1)  # warming up: the first requests of a worker cost more
    up = fresh_queries(url, LOAD_SECONDS)
    assert up.statuses.keys() == {200}
    logged_before = log.size()

    fail()
    status, states, first_health = health(url)
    assert (status, states) == (503, {"database": "ok", "cache": "error"})
    # The outage's first second: each worker's calls then in flight wait out their timeout
    # before its breaker opens. What is measured is what follows.
    assert fresh_queries(url, SETTLING_SECONDS).statuses.keys() == {200}
    out = fresh_queries(url, LOAD_SECONDS)
    assert out.statuses.keys() == {200}
    status, states, later_health = health(url)
    assert status == 503
    outage_log = log.text(since=logged_before)

    recover()
    wait_recovered(url, log, since=logged_before)
    before = current_use(url)
    fresh_queries(url, 0.5, threads=1)
    # Counted again: the client's use grew by the requests just made.
    assert current_use(url) > before + 1

    began, ended = outage_lines(log.text(since=logged_before))
    # Once per worker (of two) that found it out, when it began and when it ended; nothing
    # per request.
    assert 1 <= len(began) == len(ended) <= 2, log.text(since=logged_before)
    assert "Traceback" not in outage_log
    assert log.size() - logged_before < OUTAGE_LOG_BYTES
    return up.per_second, out.per_second, max(first_health, later_health)


def test_hanging_redis_costs_a_bounded_delay(served, redis_server):
    url, log = served
    up, hung, slowest_health = check_outage(url, log, redis_server.hang, redis_server.resume)
    print(f"fresh queries/s: Redis up {up:.0f}, hung {hung:.0f}; /health {slowest_health:.2f} s")
    assert hung >= up / 2
    assert slowest_health < 3


def test_refusing_redis_costs_nothing(served, redis_server):
    url, log = served
    up, refused, slowest_health = check_outage(url, log, redis_server.kill, redis_server.start)
    print(f"fresh queries/s: Redis up {up:.0f}, refusing {refused:.0f}")
    assert refused >= up / 2
    assert slowest_health < 3
