"""Launches at launch-day load: the detailed launch list under wrk, live against fast, with
nginx as the ceiling.

Builds a database of 100,000 launches (`scale_dataset --launches`, cached under var/bench/
between runs), serves it as `make serve` does and drives it over loopback with wrk:

  (a) /2.3.0/launches/?mode=detailed&limit=100, the same request repeated, on both paths
      and from nginx serving its bytes as a static file
  (b) the same with a fresh query each request: random offset and ordering, on both paths;
      and with a random month-long NET window, so that the listing itself is new each time
  (c) (b) with pages of the bundled data's size, at 100,000 launches and on the bundled
      data alone: pages of the same length, on tables of both sizes

and each worker's resident memory when it is up and after each path's load, against the
caches it is configured with. `make bench` runs it after the spacecraft; on its own
(`.venv/bin/python benchmarks/launches.py`) it replaces its section of
benchmarks/results.md alone.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run  # noqa: E402  (a sibling script, found through the path above)
from http_costs import replace_section  # noqa: E402

HEADING = "## Launches at launch-day load"
PAGE = "/2.3.0/launches/?mode=detailed&limit=100"
ORDERINGS = ["id", "last_updated", "name", "net"]
REPEATED = "(a) page repeated"
FRESH = "(b) fresh query each request"
FRESH_WINDOW = "(b) fresh NET window each request"
LIVE, FAST, NGINX = "granian, live path", "granian, fast path", "nginx, static file"

FRESH_QUERY_LUA = (
    run.SEEDED_LUA
    + """local orderings = {%(orderings)s}
request = function()
  local ordering = orderings[math.random(#orderings)]
  local offset = math.random(0, %(last_offset)d)
  -- `_` busts the response cache, as clients do, so every request is a fresh query.
  return wrk.format("GET", "/2.3.0/launches/?mode=detailed&limit=%(limit)d&offset=" .. offset
    .. "&ordering=" .. ordering .. "&_=" .. math.random(1, 1000000000))
end
"""
)

# A month from a random day (the 1st to the 28th) of a year the clones fly in: a filter no
# listing kept in a worker answers.
FRESH_WINDOW_LUA = (
    run.SEEDED_LUA
    + """local orderings = {%(orderings)s}
request = function()
  local ordering = orderings[math.random(#orderings)]
  local year = math.random(%(first_year)d, %(last_year)d)
  local month, day = math.random(12), math.random(28)
  local next_year, next_month = year, month + 1
  if next_month > 12 then next_year, next_month = year + 1, 1 end
  return wrk.format("GET", string.format(
    "/2.3.0/launches/?mode=detailed&limit=100&net__gte=%%04d-%%02d-%%02dT00:00:00Z"
    .. "&net__lt=%%04d-%%02d-%%02dT00:00:00Z&ordering=%%s&_=%%d",
    year, month, day, next_year, next_month, day, ordering, math.random(1, 1000000000)))
end
"""
)


def orderings_lua() -> str:
    return ", ".join(f'"{sign}{name}"' for name in ORDERINGS for sign in ("", "-"))


def fresh_query_lua(launches: int, limit: int = 100) -> str:
    """Random orderings, and offsets drawn so that pages are as full as the data allows."""
    return FRESH_QUERY_LUA % {
        "orderings": orderings_lua(),
        "last_offset": max(0, launches - limit),
        "limit": limit,
    }


def fresh_window_lua() -> str:
    # The clones' NETs run from Sputnik's to two years ahead.
    return FRESH_WINDOW_LUA % {
        "orderings": orderings_lua(),
        "first_year": 1958,
        "last_year": datetime.now(UTC).year + 1,
    }


def count(url: str, path: str) -> int:
    with urllib.request.urlopen(f"{url}/2.3.0/{path}/?limit=1&format=json") as response:
        return json.load(response)["count"]


def configured_caches(database_url: str) -> dict[str, int]:
    """The per-worker cache budgets the servers run with, in bytes."""
    script = (
        "import json; from launchlibrary import settings as s; print(json.dumps({"
        "'responses': s.LL2_PROCESS_CACHE_BYTES, 'listings': s.LL2_PROCESS_CACHE_BYTES, "
        "'documents': s.LL2_DOCUMENT_CACHE_BYTES}))"
    )
    output = subprocess.run(
        [sys.executable, "-c", script],
        env={**os.environ, "DATABASE_URL": database_url},
        capture_output=True,
        text=True,
        check=True,
        cwd=run.ROOT,
    ).stdout
    return json.loads(output)


def measure(args) -> tuple[list[run.Measure], dict]:
    run.WORK.mkdir(parents=True, exist_ok=True)
    big = run.database(f"launches-{args.launches}", None, args.launches)
    small = run.database("bundled", None)
    measures: list[run.Measure] = []
    facts: dict = {}
    with run.app_server("granian", small, "fast", args.workers, PAGE) as (url, pid):
        bundled = count(url, "launches")
        small_pages = fresh_query_lua(bundled, bundled)
        measures.append(
            run.wrk(url, equal_pages(bundled, bundled_only=True), FAST, args, small_pages)
        )
    facts["launches in the bundled data"] = bundled
    rss: dict[str, list[float]] = {}
    # The live path renders a detailed page of 100 in seconds: its runs last long enough to
    # finish a fair number of requests under the same load.
    live_args = argparse.Namespace(**{**vars(args), "seconds": args.live_seconds})
    for read_path, server, load in (("live", LIVE, live_args), ("fast", FAST, args)):
        with run.app_server("granian", big, read_path, args.workers, PAGE) as (url, pid):
            rss[f"{read_path} path, up"] = run.worker_rss_mb(pid)
            launches = count(url, "launches")
            measures.append(run.wrk(url + PAGE, REPEATED, server, load))
            measures.append(run.wrk(url, FRESH, server, load, fresh_query_lua(launches)))
            measures.append(run.wrk(url, FRESH_WINDOW, server, load, fresh_window_lua()))
            if read_path == "fast":
                big_pages = fresh_query_lua(launches, bundled)
                measures.append(run.wrk(url, equal_pages(bundled), server, args, big_pages))
                facts["launches"] = launches
                facts["upcoming launches"] = count(url, "launches/upcoming")
                facts["previous launches"] = count(url, "launches/previous")
                with urllib.request.urlopen(url + PAGE) as response:
                    page = response.read()
            rss[f"{read_path} path, after its load"] = run.worker_rss_mb(pid)
    facts["bytes of page (a)"] = len(page)
    with run.nginx(page) as url:
        measures.append(run.wrk(url, REPEATED, NGINX, args))
    facts["worker RSS (MB)"] = rss
    facts["caches"] = configured_caches(big)
    return measures, facts


def equal_pages(bundled: int, bundled_only: bool = False) -> str:
    return f"(c) fresh query, {bundled} a page" + (", bundled data only" if bundled_only else "")


def times(fast: run.Measure, live: run.Measure) -> str:
    """How many times the live path's requests/s the fast path's are."""
    if not live.requests:
        return "no figure: the live path finished no request within a run"
    return f"**{run.ratio(fast, live):,.0f}×**"


def report(measures: list[run.Measure], facts: dict, args) -> str:
    def find(scenario: str, server: str) -> run.Measure:
        return run.find(measures, scenario, server)

    bundled = facts["launches in the bundled data"]
    fast_a, nginx_a = find(REPEATED, FAST), find(REPEATED, NGINX)
    fast_b, live_b = find(FRESH, FAST), find(FRESH, LIVE)
    fast_window, live_window = find(FRESH_WINDOW, FAST), find(FRESH_WINDOW, LIVE)
    big_c = find(equal_pages(bundled), FAST)
    small_c = find(equal_pages(bundled, bundled_only=True), FAST)
    caches = facts["caches"]
    budget_mb = sum(caches.values()) / 2**20
    rss = facts["worker RSS (MB)"]
    # The largest worker after a path's load against the largest when it came up.
    growth = max(
        max(rss[f"{path} path, after its load"]) - max(rss[f"{path} path, up"])
        for path in ("live", "fast")
    )
    lines = [
        HEADING,
        "",
        f"By `benchmarks/launches.py` (run by `make bench`) on {os.cpu_count()} cores, SQLite: "
        f"{facts['launches']:,} launches (bundled data grown by `scale_dataset --launches`; "
        f"{facts['upcoming launches']:,} upcoming, {facts['previous launches']:,} previous); "
        f"servers with {args.workers} workers; wrk with {args.threads} threads and "
        f"{args.connections} connections over loopback on the same machine; each figure is "
        f"the median of {args.rounds} runs of {args.seconds} s ({args.live_seconds} s on the "
        f"live path) by requests/s, after {args.warm_up} s of the same load. Page (a) is "
        f"`{PAGE}`.",
        "",
        "| scenario | server | requests/s | p50 ms | p99 ms | requests | failures |",
        "|---|---|---:|---:|---:|---:|---:|",
        *(
            f"| {m.scenario} | {m.server} | {m.requests_per_second:,.1f} | {m.p50_ms:.2f} | "
            f"{m.p99_ms:.2f} | {m.requests:,} | {m.failures} |"
            for m in measures
        ),
        "",
        "### Against the goals",
        "",
        f"- (a) fast path / nginx serving the same bytes: **{run.ratio(fast_a, nginx_a):.0%}** "
        "(goal ≥ 80%)",
        f"- (b) fresh queries, fast path / live path: {times(fast_b, live_b)} (goal ≥ 100×)",
        f"- (c) p50 of a fresh {bundled}-launch page at {facts['launches']:,} launches / at the "
        f"bundled size ({bundled} launches): **{big_c.p50_ms / small_c.p50_ms:.2f}×** "
        "(goal ≤ 1.5×)",
        f"- (b) with a fresh NET window, a listing read from the database each request, fast "
        f"path / live path: {times(fast_window, live_window)}",
        f"- Worker memory: the largest worker holds **{growth:,.0f} MB** more after the load "
        "than the largest when up, "
        f"against **{budget_mb:,.0f} MB** of configured caches "
        f"(`LL2_PROCESS_CACHE_BYTES` {caches['responses'] / 2**20:,.0f} MB for responses "
        f"and as much for listings, `LL2_DOCUMENT_CACHE_BYTES` "
        f"{caches['documents'] / 2**20:,.0f} MB for documents)",
        "",
        "### Facts",
        "",
        f"- bytes of page (a): {facts['bytes of page (a)']:,}",
        *(
            f"- worker RSS, {moment} (MB): {', '.join(f'{mb:.0f}' for mb in sizes)}"
            for moment, sizes in rss.items()
        ),
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--launches", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--live-seconds", type=int, default=30, help="a run on the live path")
    parser.add_argument("--warm-up", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--print", action="store_true", help="print the section, write nothing")
    args = parser.parse_args()
    measures, facts = measure(args)
    text = report(measures, facts, args)
    (run.WORK / f"launches-{args.launches}-results.json").write_text(
        json.dumps([m.__dict__ for m in measures], indent=2)
    )
    if args.print:
        print(text, end="")
    else:
        replace_section(run.RESULTS, text, HEADING)
        print(f"written {run.RESULTS.relative_to(run.ROOT)}")


if __name__ == "__main__":
    main()
