"""What compression and the browsable page cost, measured in process on the benchmark's data.

  - each page compressed by gzip at several levels and brotli at several qualities: bytes,
    ratio and CPU time, the median of a few runs;
  - the browsable page (`?format=api`) asked for again and again, rendered live every time
    (`LL2_READ_PATH=live`, as every browsable page was before it was cached) and from the
    response cache, in requests/s of one thread.

`make bench` runs it after the servers' figures and adds its section to
benchmarks/results.md; on its own (`.venv/bin/python benchmarks/http_costs.py`) it replaces
that section alone, on the database `make bench` grows (built first if missing).
"""

from __future__ import annotations

import argparse
import functools
import os
import statistics
import sys
import time
import zlib
from collections.abc import Callable
from pathlib import Path

HEADING = "## Compression and the browsable page, in process"
GZIP_LEVELS = (1, 4, 6, 9)
BROTLI_QUALITIES = (1, 4, 5, 6, 9, 11)
DETAILED_PAGE = "/2.3.0/spacecraft/?limit=100&mode=detailed"
PAGES = {
    "detailed page of 100 (a)": DETAILED_PAGE,
    "normal page of 100": "/2.3.0/spacecraft/?limit=100",
    "default page (10, normal)": "/2.3.0/spacecraft/",
    "one spacecraft (c)": "/2.3.0/spacecraft/{id}/",
}
BROWSABLE = {
    "default page (10, normal)": ("/2.3.0/spacecraft/?format=api", 20),
    "detailed page of 100": (DETAILED_PAGE + "&format=api", 3),
}


def cpu_ms(compress, body: bytes, runs: int) -> float:
    """The median CPU time of compressing `body` `runs` times, in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.process_time()
        compress(body)
        times.append((time.process_time() - start) * 1000)
    return statistics.median(times)


def codecs() -> dict[str, Callable[[bytes], bytes]]:
    import brotli

    found = {
        f"gzip {level}": functools.partial(zlib.compress, level=level, wbits=31)
        for level in GZIP_LEVELS
    }
    for quality in BROTLI_QUALITIES:
        found[f"brotli {quality}"] = functools.partial(
            brotli.compress, mode=brotli.MODE_TEXT, quality=quality
        )
    return found


def compression_rows(client, first_id: int, runs: int) -> list[str]:
    rows = []
    for name, path in PAGES.items():
        path = path.format(id=first_id)
        body = client.get(path + ("&" if "?" in path else "?") + "format=json").content
        for codec, compress in codecs().items():
            size = len(compress(body))
            ms = cpu_ms(compress, body, runs)
            rows.append(
                f"| {name} | {len(body):,} | {codec} | {size:,} | {len(body) / size:.1f}× | "
                f"{ms:.2f} | {len(body) / 1e6 / (ms / 1000):.0f} |"
            )
    return rows


def browsable_rows(client, settings) -> list[str]:
    from launchlibrary.readpath.responses import recent_responses

    rows = []
    for name, (path, live_runs) in BROWSABLE.items():
        figures = {}
        for read_path, runs in (("live", live_runs), ("fast", 200)):
            settings.LL2_READ_PATH = read_path
            recent_responses.clear()
            client.get(path)  # the first asking renders it on either path
            start = time.perf_counter()
            for _ in range(runs):
                assert client.get(path).status_code == 200
            figures[read_path] = runs / (time.perf_counter() - start)
        rows.append(
            f"| {name} | {figures['live']:,.1f} | {figures['fast']:,.0f} | "
            f"{figures['fast'] / figures['live']:,.0f}× |"
        )
    settings.LL2_READ_PATH = "fast"
    return rows


def section(database_url: str, runs: int = 5) -> str:
    """The results.md section, measured on the database at `database_url`."""
    os.environ["DATABASE_URL"] = database_url
    os.environ.pop("REDIS_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "launchlibrary.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    from launchlibrary.api.compression import BROTLI_QUALITY, GZIP_LEVEL
    from launchlibrary.spacecraft.models import Spacecraft

    client = Client()
    first_id = Spacecraft.objects.order_by("-pk").values_list("pk", flat=True).first()
    lines = [
        HEADING,
        "",
        f"By `benchmarks/http_costs.py` on {os.cpu_count()} cores: each page's JSON as served, "
        f"compressed in process; CPU time is the median of {runs} runs. The server sends "
        f"brotli {BROTLI_QUALITY} where the client accepts it, else gzip {GZIP_LEVEL} "
        "(`launchlibrary/api/compression.py`); a cached response is compressed once per "
        "encoding, a fresh query on each request.",
        "",
        "| page | bytes | codec | compressed | ratio | CPU ms | MB/s |",
        "|---|---:|---|---:|---:|---:|---:|",
        *compression_rows(client, first_id, runs),
        "",
        "The browsable page (`?format=api`) asked for again by one thread, in requests/s: "
        "rendered live on each request (the live path, as every browsable page was before it "
        "was cached), and from the response cache on the fast path.",
        "",
        "| page | rendered live | cached | gain |",
        "|---|---:|---:|---:|",
        *browsable_rows(client, settings),
    ]
    return "\n".join(lines) + "\n"


def replace_section(results: Path, text: str, heading: str = HEADING) -> None:
    """Put `text` in place of the section under `heading` in results.md, or after it."""
    old = results.read_text() if results.exists() else ""
    start = old.find(heading)
    if start < 0:
        results.write_text(old.rstrip("\n") + "\n\n" + text)
        return
    end = old.find("\n## ", start + len(heading))
    rest = old[end + 1 :] if end >= 0 else ""
    results.write_text(old[:start] + text + ("\n" + rest if rest else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", help="a database URL; default: make bench's")
    parser.add_argument("--spacecraft", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--print", action="store_true", help="print the section, write nothing")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import run

    sys.path.insert(0, str(run.ROOT))
    run.WORK.mkdir(parents=True, exist_ok=True)
    url = args.database or run.database(f"spacecraft-{args.spacecraft}", args.spacecraft)
    text = section(url, args.runs)
    if args.print:
        print(text, end="")
    else:
        replace_section(run.RESULTS, text)
        print(f"written {run.RESULTS.relative_to(run.ROOT)}")


if __name__ == "__main__":
    main()
