"""What an edit of a much-embedded object costs the writer: an agency that manufactures
1,000 launcher configurations is renamed, and every document embedding it is rendered
again, inside the saving transaction.

The agency is NASA of the bundled data, given 1,000 more configurations through the
importer (clones of one of its own, as an `AgencyEndpointDetailed` response lists them);
the time is that of the transaction saving the new name and rendering the documents its
change touches (`launchlibrary.readpath.documents.flush`), the median of a few renames.

`make bench` runs it after the servers' figures and adds its section to
benchmarks/results.md; on its own (`.venv/bin/python benchmarks/rename_cost.py`) it replaces
that section alone. `--database URL` measures on another database (PostgreSQL), which it
fills the same way when it is empty.
"""

from __future__ import annotations

import argparse
import copy
import io
import os
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

HEADING = "## Renaming an agency embedded by 1,000 launcher configurations"
AGENCY_ID = 44
CONFIGURATIONS = 1_000
FIRST_CLONE_ID = 10_000_000


def agency_response(root: Path) -> dict:
    """NASA's detailed response with `CONFIGURATIONS` configurations in its launcher list."""
    import orjson

    (path,) = sorted((root / "data").glob("*agencies-44-detailed*.json"))
    agency = orjson.loads(path.read_bytes())
    template = agency["launcher_list"][0]
    clones = []
    for n in range(CONFIGURATIONS):
        clone = copy.deepcopy(template)
        clone_id = FIRST_CLONE_ID + n
        clone["id"] = clone_id
        clone["url"] = template["url"].replace(f"/{template['id']}/", f"/{clone_id}/")
        clone["name"] = f"{template['name']} {n}"
        clones.append(clone)
    agency["launcher_list"] = clones
    return agency


def prepare(root: Path) -> None:
    """Give the agency its configurations and render every missing document, once."""
    from django.core.management import call_command

    from launchlibrary.ingest.importer import Importer, top_level_objects
    from launchlibrary.launches.models import LauncherConfig

    if LauncherConfig.objects.filter(pk__gte=FIRST_CLONE_ID).count() < CONFIGURATIONS:
        Importer().import_objects(top_level_objects(agency_response(root)))
    call_command("materialize", stdout=io.StringIO())


def rename(agency, name: str) -> tuple[float, Counter, Counter]:
    """Rename the agency in one transaction that renders what it touches: the seconds it
    took, the documents rendered by schema, and the rendering passes by schema."""
    from django.db import transaction

    from launchlibrary.api.endpoint import schema_name
    from launchlibrary.readpath import documents

    rendered, passes = Counter(), Counter()
    render = documents.render

    def counted(serializer_class, ids):
        ids = list(ids)
        rendered[schema_name(serializer_class)] += len(ids)
        passes[schema_name(serializer_class)] += 1
        return render(serializer_class, ids)

    documents.render = counted
    try:
        start = time.perf_counter()
        with transaction.atomic():
            agency.name = name
            agency.save()
            documents.flush()
        return time.perf_counter() - start, rendered, passes
    finally:
        documents.render = render


def section(database_url: str, root: Path, runs: int) -> str:
    os.environ["DATABASE_URL"] = database_url
    os.environ.pop("REDIS_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "launchlibrary.settings")
    import django

    django.setup()
    from django.db import connection

    from launchlibrary.agencies.models import Agency

    prepare(root)
    agency = Agency.objects.get(pk=AGENCY_ID)
    original = agency.name
    timings, rendered, passes = [], Counter(), Counter()
    for run in range(runs):
        seconds, rendered, passes = rename(agency, f"{original} ({run})")
        timings.append(seconds)
    rename(agency, original)
    total = sum(rendered.values())
    median = statistics.median(timings)
    rows = [
        f"| {schema} | {count:,} | {passes[schema]} |" for schema, count in sorted(rendered.items())
    ]
    return "\n".join(
        [
            HEADING,
            "",
            f"By `benchmarks/rename_cost.py` on {os.cpu_count()} cores, {connection.vendor}: "
            f"agency {AGENCY_ID} ({original}) manufactures {CONFIGURATIONS:,} more launcher "
            "configurations, imported as its detailed response lists them; it is renamed in "
            "a transaction that renders again every document its change touches. Median of "
            f"{runs} renames.",
            "",
            f"- time inside the saving transaction: **{median:.2f} s** "
            f"(runs: {', '.join(f'{t:.2f}' for t in timings)})",
            f"- documents rendered: {total:,}, **{median / total * 1000 * 1000:.0f} ms per "
            "thousand documents**",
            "",
            "| schema | documents rendered | passes |",
            "|---|---:|---:|",
            *rows,
            "",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", help="a database URL; default: a SQLite database here")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--print", action="store_true", help="print the section, write nothing")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import run
    from http_costs import replace_section

    sys.path.insert(0, str(run.ROOT))
    run.WORK.mkdir(parents=True, exist_ok=True)
    url = args.database or run.database("rename", None)
    if args.database:
        run.manage(url, "migrate", "--noinput", "-v", "0")
        run.manage(url, "load_bundled", *sorted(str(p) for p in (run.ROOT / "data").glob("*.json")))
    text = section(url, run.ROOT, args.runs)
    if args.print:
        print(text, end="")
    else:
        replace_section(run.RESULTS, text, HEADING)
        print(f"written {run.RESULTS.relative_to(run.ROOT)}")


if __name__ == "__main__":
    main()
