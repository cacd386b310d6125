"""The checked-in query counts of every endpoint, `query_counts.json`.

Each list request (every mode, `limit=100`) and each detail request (of the endpoint's
first object), on each read path, must cost the number of SQL queries the file says:

    {"spacecraft": {"detail": {"fast": 2, "live": 5}, "list?mode=normal": {...}}, ...}

A change that makes a request cost more (or less) fails until the file is rewritten:

    .venv/bin/pytest tests/contract --update-query-counts

which measures instead of checking, and rewrites the entries of the endpoints it ran
(entries of endpoints no longer registered are dropped); review the diff and commit it.
Counts are the same on SQLite and PostgreSQL; should one ever differ by nature, an entry
may be given per vendor as `"live@postgresql": n` beside `"live"`, and is then read (and
rewritten) for that vendor alone.
"""

from __future__ import annotations

import fcntl
import json
from pathlib import Path

import pytest
from django.db import connection

from launchlibrary.api.endpoint import registry
from tests.contract.walk import READ_PATHS

BASELINE = Path(__file__).with_name("query_counts.json")


class QueryCounts:
    def __init__(self, update: bool) -> None:
        self.update = update
        self.baseline = json.loads(BASELINE.read_text()) if BASELINE.exists() else {}
        self.measured: dict[str, dict[str, dict[str, int]]] = {}

    def key(self, entry: dict, read_path: str) -> str:
        vendor_key = f"{read_path}@{connection.vendor}"
        return vendor_key if vendor_key in entry else read_path

    def expected(self, path: str) -> dict[str, dict[str, int]]:
        """The baseline of one endpoint, in the shape `check` is given: `{"detail": {"fast":
        n, "live": n}, ...}`, vendor entries read for this run's database."""
        return {
            request: {read_path: entry[self.key(entry, read_path)] for read_path in READ_PATHS}
            for request, entry in self.baseline.get(path, {}).items()
        }

    def check(self, path: str, measured: dict[str, dict[str, int]]) -> None:
        if self.update:
            self.measured[path] = measured
            return
        assert path in self.baseline, (
            f"no query counts for {path} in {BASELINE.name}: run pytest with "
            "--update-query-counts, review and commit the file"
        )
        assert measured == self.expected(path), (
            f"query counts of {path} changed (measured, then the baseline); if meant, run "
            "pytest with --update-query-counts"
        )

    def write(self) -> None:
        """Merge what this process measured into the file, under a lock: pytest-xdist's
        workers each write their own endpoints."""
        if not self.measured:
            return
        BASELINE.touch()
        with BASELINE.open("r+") as file:
            fcntl.flock(file, fcntl.LOCK_EX)
            text = file.read()
            baseline = json.loads(text) if text.strip() else {}
            for path, requests in self.measured.items():
                old = baseline.get(path, {})
                baseline[path] = {}
                for request, counts in requests.items():
                    entry = dict(old.get(request, {}))
                    for read_path, count in counts.items():
                        entry[self.key(entry, read_path)] = count
                    baseline[path][request] = entry
            registered = {endpoint.path for endpoint in registry}
            baseline = {path: baseline[path] for path in sorted(baseline) if path in registered}
            file.seek(0)
            file.truncate()
            # One line per endpoint: a change shows as the line of the endpoint it touched.
            lines = [
                f"  {json.dumps(path)}: {json.dumps(requests, sort_keys=True)}"
                for path, requests in baseline.items()
            ]
            file.write("{\n" + ",\n".join(lines) + "\n}\n")


@pytest.fixture(scope="session")
def query_counts(request):
    counts = QueryCounts(update=request.config.getoption("--update-query-counts"))
    yield counts
    counts.write()
