"""`make bench`: the read path under load, live against fast, with nginx as the ceiling.

Builds a database of 10,000 spacecraft (`scale_dataset`, cached under var/bench/ between
runs) and one of the bundled data alone, serves them as `make serve` does, drives the
server over loopback with wrk and writes benchmarks/results.md:

  (a) /2.3.0/spacecraft/?limit=100&mode=detailed, the same request repeated
  (b) the same with a fresh query each request: random offset and ordering
  (c) /2.3.0/spacecraft/{id}/ for random ids
  (d) nginx serving the bytes of (a) as a static file, the ceiling
  (e) the browsable page (`?format=api`) of /2.3.0/spacecraft/, repeated

(a) and (b) run again with `Accept-Encoding: br` and `gzip` on the fast path, and
benchmarks/http_costs.py adds what compression and the browsable page cost in process, and
benchmarks/rename_cost.py what renaming an agency embedded by 1,000 configurations costs.
Last, benchmarks/launches.py measures the launches at launch-day load (100,000 of them,
`--launches`) and adds its section.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "var" / "bench"
RESULTS = ROOT / "benchmarks" / "results.md"
BIN = Path(sys.executable).parent
ORDERINGS = ["flights_count", "id", "mission_ends_count", "time_docked", "time_in_space"]
FIRST_CLONE_ID = 10_000_000  # as scale_dataset numbers its clones
# The options of the load, the same for the spacecraft and for the launches.
LOAD_OPTIONS = ("seconds", "warm_up", "rounds", "connections", "threads", "workers")
PAGE = "/2.3.0/spacecraft/?limit=100&mode=detailed"
BROWSABLE_PAGE = "/2.3.0/spacecraft/?format=api"
# (b) with pages of the bundled data's size (28), so that both sizes serve the same bytes.
EQUAL_PAGES = "(b) fresh query, 28 a page"
BUNDLED_PAGE_STATIC = "(a) page repeated, bundled data's page"

# Each wrk thread draws its own random numbers.
SEEDED_LUA = """
local thread_number = 0
function setup(thread)
  thread_number = thread_number + 1
  thread:set("seed", thread_number)
end
function init(args)
  math.randomseed(os.time() * 100 + seed)
end
"""

FRESH_QUERY_LUA = (
    SEEDED_LUA
    + """local orderings = {%(orderings)s}
request = function()
  local ordering = orderings[math.random(#orderings)]
  local offset = math.random(0, %(last_offset)d)
  -- `_` busts the response cache, as clients do, so every request is a fresh query.
  return wrk.format("GET", "/2.3.0/spacecraft/?limit=%(limit)d&mode=detailed&offset=" .. offset
    .. "&ordering=" .. ordering .. "&_=" .. math.random(1, 1000000000))
end
"""
)

RANDOM_ID_LUA = (
    SEEDED_LUA
    + """request = function()
  return wrk.format("GET", "/2.3.0/spacecraft/" .. math.random(%(first)d, %(last)d) .. "/")
end
"""
)

NGINX_CONF = """
worker_processes auto;
pid %(work)s/nginx.pid;
error_log %(work)s/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  client_body_temp_path %(work)s/nginx-body;
  proxy_temp_path %(work)s/nginx-proxy;
  fastcgi_temp_path %(work)s/nginx-fastcgi;
  uwsgi_temp_path %(work)s/nginx-uwsgi;
  scgi_temp_path %(work)s/nginx-scgi;
  server {
    listen 127.0.0.1:%(port)d;
    root %(root)s;
    default_type application/json;
  }
}
"""


@dataclass
class Measure:
    scenario: str
    server: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    failures: int


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def manage(database_url: str, *args: str) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env={**os.environ, "DATABASE_URL": database_url},
        check=True,
        cwd=ROOT,
    )


def database(name: str, spacecraft: int | None, launches: int | None = None) -> str:
    """A SQLite database of the bundled data, grown to `spacecraft` and to `launches` if
    given; built once."""
    path = WORK / f"{name}.sqlite3"
    url = f"sqlite:///{path}"
    marker = path.with_suffix(".ready")
    if not marker.exists():
        path.unlink(missing_ok=True)
    manage(url, "migrate", "--noinput", "-v", "0")
    if not marker.exists():
        manage(url, "import_ll2", *sorted(str(p) for p in (ROOT / "data").glob("*.json")))
        if spacecraft:
            manage(url, "scale_dataset", "--spacecraft", str(spacecraft))
        if launches:
            manage(url, "scale_dataset", "--launches", str(launches))
        marker.touch()
    return url


def wait_until_up(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"no answer from {url}")


@contextmanager
def app_server(
    kind: str, database_url: str, read_path: str, workers: int, ready_path: str = PAGE
) -> Iterator[tuple]:
    """`make serve`'s server (granian), or gunicorn for comparison, up once it answers
    `ready_path`; yields (url, pid)."""
    port = free_port()
    if kind == "granian":
        command = [str(BIN / "granian"), "--interface", "wsgi", "--host", "127.0.0.1"]
        command += ["--port", str(port), "--workers", str(workers), "--blocking-threads", "4"]
        command += ["--workers-kill-timeout", "5", "--log-level", "warning"]
        command += ["launchlibrary.wsgi:application"]
    else:
        command = [str(BIN / "gunicorn"), "launchlibrary.wsgi", "--bind", f"127.0.0.1:{port}"]
        command += ["--workers", str(workers), "--log-level", "warning"]
    env = {**os.environ, "DATABASE_URL": database_url, "LL2_READ_PATH": read_path}
    env.pop("REDIS_URL", None)
    server = subprocess.Popen(command, env=env, cwd=ROOT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url + ready_path)
        yield url, server.pid
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


@contextmanager
def nginx(body: bytes) -> Iterator[str]:
    root = WORK / "static"
    root.mkdir(parents=True, exist_ok=True)
    (root / "page.json").write_bytes(body)
    port = free_port()
    conf = WORK / "nginx.conf"
    conf.write_text(NGINX_CONF % {"work": WORK, "port": port, "root": root})
    subprocess.run(["nginx", "-c", str(conf)], check=True)
    url = f"http://127.0.0.1:{port}/page.json"
    try:
        wait_until_up(url)
        yield url
    finally:
        subprocess.run(["nginx", "-c", str(conf), "-s", "stop"], check=False)
        time.sleep(0.5)


def to_ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(
    url: str, scenario: str, server: str, args, lua: str | None = None, encoding: str = ""
) -> Measure:
    """The median run, by requests/s, of `args.rounds`, each on new connections, after a
    warm-up with the same load: workers import lazily and fill their memory of listings and
    documents, and a server in service has done both. New connections each run, because a
    worker keeps the connections it accepts, and which worker accepts how many of a few
    varies from run to run."""
    command = ["wrk", "--latency", "--timeout", "60s", f"-t{args.threads}"]
    command += [f"-c{args.connections}"]
    if encoding:
        command += ["-H", f"Accept-Encoding: {encoding}"]
    if lua:
        script = WORK / (re.sub(r"\W+", "-", scenario).strip("-") + ".lua")
        script.write_text(lua)
        command += ["-s", str(script)]
    subprocess.run([*command, f"-d{args.warm_up}s", url], capture_output=True, check=True)
    runs = [
        parse_wrk(
            subprocess.run(
                [*command, f"-d{args.seconds}s", url], capture_output=True, text=True, check=True
            ).stdout,
            scenario,
            server,
        )
        for _ in range(args.rounds)
    ]
    measure = sorted(runs, key=lambda run: run.requests_per_second)[len(runs) // 2]
    print(f"{scenario:<42} {server:<22} {measure.requests_per_second:>9.1f} req/s", flush=True)
    return measure


def parse_wrk(output: str, scenario: str, server: str) -> Measure:
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.MULTILINE))
    failures = sum(
        int(count)
        for count in re.findall(
            r"(?:Non-2xx or 3xx responses|Socket errors:.*?timeout) (\d+)", output
        )
    )
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+)", output)
    if socket_errors:
        failures += sum(int(count) for count in socket_errors.groups())
    return Measure(
        scenario=scenario,
        server=server,
        requests_per_second=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        p50_ms=to_ms(latency["50"]),
        p99_ms=to_ms(latency["99"]),
        requests=int(re.search(r"(\d+) requests in", output).group(1)),
        failures=failures,
    )


def worker_rss_mb(master_pid: int) -> list[float]:
    """The resident memory of each worker process under the server's master."""
    sizes = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        if re.search(rf"^PPid:\s+{master_pid}$", text, re.MULTILINE):
            sizes.append(int(re.search(r"^VmRSS:\s+(\d+) kB", text, re.MULTILINE).group(1)) / 1024)
    return sizes


def fresh_query_lua(spacecraft: int, limit: int = 100) -> str:
    """Random orderings, and offsets drawn so that pages are as full as the data allows:
    0 to 9,900 of 10,000 spacecraft; a single full page of the bundled data."""
    return FRESH_QUERY_LUA % {
        "orderings": ", ".join(f'"{sign}{name}"' for name in ORDERINGS for sign in ("", "-")),
        "last_offset": max(0, spacecraft - limit),
        "limit": limit,
    }


def run(args) -> tuple[list[Measure], dict]:
    WORK.mkdir(parents=True, exist_ok=True)
    big = database(f"spacecraft-{args.spacecraft}", args.spacecraft)
    small = database("bundled", None)
    fresh_lua = fresh_query_lua(args.spacecraft)
    random_id_lua = RANDOM_ID_LUA % {
        "first": FIRST_CLONE_ID + 100,
        "last": FIRST_CLONE_ID + args.spacecraft - 1,
    }
    measures, facts = [], {}
    for read_path in ("live", "fast"):
        server = f"granian, {read_path} path"
        with app_server("granian", big, read_path, args.workers) as (url, pid):
            measures.append(wrk(url + PAGE, "(a) page repeated", server, args))
            measures.append(wrk(url, "(b) fresh query each request", server, args, fresh_lua))
            measures.append(wrk(url, "(c) /spacecraft/{id}/", server, args, random_id_lua))
            measures.append(wrk(url + BROWSABLE_PAGE, "(e) browsable page repeated", server, args))
            if read_path == "fast":
                measures.append(
                    wrk(url, EQUAL_PAGES, server, args, fresh_query_lua(args.spacecraft, 28))
                )
                for coding in ("br", "gzip"):
                    repeated, fresh = f"(a) page repeated, {coding}", f"(b) fresh query, {coding}"
                    measures.append(wrk(url + PAGE, repeated, server, args, encoding=coding))
                    measures.append(wrk(url, fresh, server, args, fresh_lua, encoding=coding))
            facts[f"worker RSS, {read_path} path (MB)"] = worker_rss_mb(pid)
            if read_path == "fast":
                with urllib.request.urlopen(url + PAGE) as response:
                    page = response.read()
    facts["bytes of page (a)"] = len(page)
    with nginx(page) as url:
        measures.append(wrk(url, "(a) page repeated", "nginx, static file", args))
    with app_server("gunicorn", big, "fast", args.workers) as (url, pid):
        measures.append(wrk(url + PAGE, "(a) page repeated", "gunicorn, fast path", args))
    with app_server("granian", small, "fast", args.workers) as (url, pid):
        with urllib.request.urlopen(url + "/2.3.0/spacecraft/?limit=1&format=json") as response:
            bundled = json.load(response)["count"]
        with urllib.request.urlopen(url + PAGE) as response:
            bundled_page = response.read()
        facts["spacecraft in the bundled data"] = bundled
        measures.append(
            wrk(
                url,
                "(b) fresh query, bundled data only",
                "granian, fast path",
                args,
                fresh_query_lua(bundled),
            )
        )
        measures.append(
            wrk(
                url,
                EQUAL_PAGES + ", bundled data only",
                "granian, fast path",
                args,
                fresh_query_lua(bundled, bundled),
            )
        )
    facts["bytes of the bundled data's page"] = len(bundled_page)
    # The ceiling's own ratio between the two sizes' pages: what bytes alone account for.
    with nginx(bundled_page) as url:
        measures.append(wrk(url, BUNDLED_PAGE_STATIC, "nginx, static file", args))
    return measures, facts


def find(measures: list[Measure], scenario: str, server: str) -> Measure:
    return next(m for m in measures if m.scenario == scenario and m.server == server)


def ratio(one: Measure, other: Measure) -> float:
    return one.requests_per_second / other.requests_per_second


def report(measures: list[Measure], facts: dict, args) -> str:
    live_b = find(measures, "(b) fresh query each request", "granian, live path")
    fast_b = find(measures, "(b) fresh query each request", "granian, fast path")
    fast_a = find(measures, "(a) page repeated", "granian, fast path")
    nginx_a = find(measures, "(a) page repeated", "nginx, static file")
    small_b = find(measures, "(b) fresh query, bundled data only", "granian, fast path")
    fast_equal = find(measures, EQUAL_PAGES, "granian, fast path")
    small_equal = find(measures, EQUAL_PAGES + ", bundled data only", "granian, fast path")
    nginx_small = find(measures, BUNDLED_PAGE_STATIC, "nginx, static file")
    live_e = find(measures, "(e) browsable page repeated", "granian, live path")
    fast_e = find(measures, "(e) browsable page repeated", "granian, fast path")
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    lines = [
        "# Read path benchmark",
        "",
        f"Run by `make bench` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC: {os.cpu_count()} cores "
        f"({cpu}), Python {platform.python_version()}, SQLite. {args.spacecraft:,} spacecraft "
        f"(bundled data grown by `scale_dataset`); servers with {args.workers} workers; "
        f"wrk with {args.threads} threads and {args.connections} connections over loopback on "
        f"the same machine; each figure is the median of {args.rounds} runs of {args.seconds} s "
        f"(by requests/s), after {args.warm_up} s of the same load.",
        "",
        "| scenario | server | requests/s | p50 ms | p99 ms | requests | failures |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for m in measures:
        lines.append(
            f"| {m.scenario} | {m.server} | {m.requests_per_second:,.1f} | {m.p50_ms:.2f} | "
            f"{m.p99_ms:.2f} | {m.requests:,} | {m.failures} |"
        )
    lines += [
        "",
        "## Against the targets",
        "",
        f"- (b) fast path / live path: **{ratio(fast_b, live_b):,.0f}×** (target ≥ 20×)",
        f"- (a) fast path / nginx: **{ratio(fast_a, nginx_a):.0%}** (target ≥ 50%)",
        f"- (b) p50 at {args.spacecraft:,} spacecraft / p50 at the bundled size: "
        f"**{fast_b.p50_ms / small_b.p50_ms:.2f}×** (target ≤ 2×). The bundled data holds "
        f"{facts['spacecraft in the bundled data']} spacecraft, so its pages are a "
        f"{facts['spacecraft in the bundled data']}-spacecraft page against 100: this compares "
        "response sizes as much as table sizes.",
        f"- The same with pages of {facts['spacecraft in the bundled data']} at both sizes, the "
        f"same bytes: **{fast_equal.p50_ms / small_equal.p50_ms:.2f}×**",
        "- nginx's own p50, serving the 100-spacecraft page against the bundled data's page as "
        f"static files: **{nginx_a.p50_ms / nginx_small.p50_ms:.2f}×**, what the bytes alone "
        "cost the ceiling",
        f"- (e) the browsable page, cached (fast path) / rendered per request (live path): "
        f"**{ratio(fast_e, live_e):,.0f}×**",
        "",
        "## Facts",
        "",
    ]
    for name, value in facts.items():
        shown = ", ".join(f"{v:.0f}" for v in value) if isinstance(value, list) else f"{value:,}"
        lines.append(f"- {name}: {shown}")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--spacecraft", type=int, default=10_000)
    parser.add_argument("--launches", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--warm-up", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    measures, facts = run(args)
    in_process = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "http_costs.py")]
        + ["--spacecraft", str(args.spacecraft), "--print"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    in_process += (
        "\n"
        + subprocess.run(
            [sys.executable, str(ROOT / "benchmarks" / "rename_cost.py"), "--print"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    RESULTS.write_text(report(measures, facts, args) + "\n" + in_process)
    (WORK / "results.json").write_text(json.dumps([m.__dict__ for m in measures], indent=2))
    print(f"written {RESULTS.relative_to(ROOT)}")
    # The launches' section, added to the file by benchmarks/launches.py itself.
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "launches.py"), "--launches", str(args.launches)]
        + [f"--{name.replace('_', '-')}={getattr(args, name)}" for name in LOAD_OPTIONS],
        check=True,
    )


if __name__ == "__main__":
    main()
