"""Copying the mirrored endpoints of an LL2 server into this database, page by page, through
the one importer.

Each page is imported in one transaction with the record of where its endpoint's copy
stands (`SyncProgress`), so a sync stopped at any moment, run again, goes on from the page
after the last it imported and skips the endpoints it finished (`SyncRun`).

`launches` and `events` are copied whole once; after that only what changed since the last
copy's high-water mark (`last_updated__gte`), which is the source's own clock (its `Date`
header) when the copy began: a change made on the source while a copy runs is fetched by
the next one. The other endpoints, and these two with `full`, are copied whole each time.
"""

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

from django.db import transaction
from django.utils import timezone
from tqdm import tqdm

from launchlibrary.ingest.importer import Importer, ImportRefused, top_level_objects
from launchlibrary.ingest.statistics import refresh_planner_statistics
from launchlibrary.mirror.client import Answer, LL2Client, NotLL2
from launchlibrary.mirror.models import SyncProgress, SyncRun
from launchlibrary.mirror.resources import Mirrored

# The endpoints whose source can list what changed since a moment.
INCREMENTAL_RESOURCES = frozenset({"launches", "events"})
# LL2's largest page.
PAGE_SIZE = 100


@dataclass
class Outcome:
    """What the sync of one endpoint did in this run."""

    path: str
    # None: the run had copied it before being stopped, and it was not fetched again.
    kind: str | None
    requests: int = 0
    pages: int = 0
    changed: int = 0
    stopped: str | None = None


@dataclass
class Totals:
    requests: dict[str, int]
    pages: int
    throttled: int
    retried: int
    waited_seconds: float
    stopped: list[Outcome]


class Sync:
    def __init__(
        self,
        client: LL2Client,
        items: list[Mirrored],
        say: Callable[[str], None],
        full: bool = False,
    ) -> None:
        self.client = client
        self.items = items
        self.say = say
        self.full = full
        self.outcomes: list[Outcome] = []

    @property
    def source(self) -> str:
        return self.client.source

    def run(self) -> Totals:
        run = self._run()
        self.client.start()
        if self.client.limit:
            self.say(
                f"{self.source} allows {self.client.limit.requests} requests every "
                f"{self.client.limit.period_seconds} s ({self.client.left} left now)."
            )
        refused = []
        for index, item in enumerate(self.items):
            outcome, held = self._sync_endpoint(run, item, self.items[index + 1 :])
            self.outcomes.append(outcome)
            if held:
                refused.append((item, outcome, held))
        # Endpoints come in loading order (`mirrored()`), but a page may still nest a short
        # copy of a row only a later page brings (a source's data this server has not
        # seen): imported again at the end, without fetching it again, it finds it.
        for item, outcome, held in refused:
            self.say(f"{item.path}: importing again its page refused, after the others")
            outcome.stopped = None
            progress = SyncProgress.objects.get(source=self.source, resource=item.path)
            self._copy_pages(progress, item, outcome, held, may_hold=False)
        run.finished = timezone.now()
        run.save(update_fields=["finished"])
        if any(outcome.changed for outcome in self.outcomes):
            refresh_planner_statistics()
        return self.totals()

    def totals(self) -> Totals:
        requests = {SyncProgress.FULL: 0, SyncProgress.INCREMENTAL: 0}
        for outcome in self.outcomes:
            if outcome.kind:
                requests[outcome.kind] += outcome.requests
        return Totals(
            requests,
            sum(outcome.pages for outcome in self.outcomes),
            self.client.throttled,
            self.client.retried,
            self.client.waited_seconds,
            [outcome for outcome in self.outcomes if outcome.stopped],
        )

    def _run(self) -> SyncRun:
        """The unfinished run of the same endpoints from this source, to go on with, or a
        new one."""
        paths = [item.path for item in self.items]
        for run in SyncRun.objects.filter(source=self.source, finished=None):
            if run.resources == paths:
                self.say(f"Going on with the sync begun {run.started:%Y-%m-%d %H:%M:%S} UTC.")
                return run
        return SyncRun.objects.create(source=self.source, resources=paths)

    def _sync_endpoint(
        self, run: SyncRun, item: Mirrored, after: list[Mirrored]
    ) -> tuple[Outcome, Answer | None]:
        """Copy an endpoint; with the answer whose page the importer refused, if it did."""
        progress, _ = SyncProgress.objects.get_or_create(source=self.source, resource=item.path)
        if progress.done_in(run):
            return Outcome(item.path, None), None
        if progress.under_way:
            progress.run = run
            progress.save(update_fields=["run", "updated"])
        else:
            self._begin_pass(progress, run, item)
        outcome = Outcome(item.path, progress.kind)
        self._say_estimate(progress, after)
        return outcome, self._copy_pages(progress, item, outcome, None, may_hold=True)

    def _copy_pages(
        self,
        progress: SyncProgress,
        item: Mirrored,
        outcome: Outcome,
        answer: Answer | None,
        may_hold: bool,
    ) -> Answer | None:
        """Fetch and import the endpoint's pages from where its progress stands, beginning
        with `answer` if given. A page the importer refuses stops the copy: when `may_hold`,
        its answer is returned to be imported again later."""
        bar = tqdm(
            total=pages_in(progress.count),
            initial=progress.pages,
            desc=item.path,
            unit="req",
            disable=None,
            leave=False,
        )
        held = None
        try:
            while progress.under_way:
                if answer is None:
                    answer = self._fetch(progress.next_url, outcome)
                objects, next_url, count = read_page(item, answer)
                try:
                    with transaction.atomic():
                        report = Importer(resource=item.path).import_objects(objects)
                        record_page(progress, answer, next_url, count)
                except ImportRefused as error:
                    outcome.stopped = f"{answer.url}: refused at {error.json_path}: {error.reason}"
                    progress.refresh_from_db()  # as the transaction left it
                    held = answer if may_hold else None
                    break
                answer = None
                outcome.pages += 1
                outcome.changed += report.changed
                bar.total = pages_in(progress.count)
                bar.update()
        except NotLL2 as error:
            if item.endpoint.one_object and error.status == 404:
                # The source holds no such object (a server with no dashboard curated).
                with transaction.atomic():
                    record_page(progress, None, None, 0)
            else:
                outcome.stopped = f"{error.url}: {error.reason}"
        finally:
            bar.close()
            if held is None:
                self.say(describe(outcome))
        return held

    def _fetch(self, url: str, outcome: Outcome) -> Answer:
        made = self.client.requests
        try:
            return self.client.get(url)
        finally:
            outcome.requests += self.client.requests - made

    def _begin_pass(self, progress: SyncProgress, run: SyncRun, item: Mirrored) -> None:
        incremental = (
            not self.full
            and item.path in INCREMENTAL_RESOURCES
            and progress.high_water_mark is not None
        )
        progress.kind = SyncProgress.INCREMENTAL if incremental else SyncProgress.FULL
        query = {**item.query(), "limit": str(PAGE_SIZE)}
        if incremental:
            query["last_updated__gte"] = iso_utc(progress.high_water_mark)
            query["ordering"] = "last_updated"
        progress.next_url = f"{self.client.api_url(item.path)}?{urlencode(query)}"
        progress.run = run
        progress.pass_mark = progress.count = progress.finished = None
        progress.pages = 0
        progress.started = timezone.now()
        progress.save()

    def _say_estimate(self, progress: SyncProgress, after: list[Mirrored]) -> None:
        """How many requests the rest of the sync takes at least (an endpoint not begun,
        one page each), and how long they take at the source's limit."""
        here = (pages_in(progress.count) or progress.pages + 1) - progress.pages
        requests = here + len(after)
        seconds = self.client.seconds_for(requests)
        self.say(
            f"{progress.resource}: {progress.kind} copy; the rest of the sync takes at least "
            f"{requests} requests, about {seconds:.0f} s at the source's limit."
        )


def read_page(item: Mirrored, answer: Answer) -> tuple[list[tuple[str, Any]], str | None, int]:
    """The objects of an answer, the next page's URL and the count of the listing; NotLL2
    where the answer is not what the endpoint answers."""
    document = answer.document
    if item.endpoint.one_object:
        if not isinstance(document, dict) or "results" in document:
            raise NotLL2(answer.url, "not one LL2 object, as this path answers")
        return [("$", document)], None, 1
    if not (
        isinstance(document, dict)
        and isinstance(document.get("count"), int)
        and isinstance(document.get("results"), list)
        and isinstance(document.get("next"), str | None)
    ):
        raise NotLL2(answer.url, "not an LL2 page ({count, next, previous, results})")
    next_url = document["next"]
    if next_url == answer.url:
        raise NotLL2(answer.url, "its page names itself as the next")
    return list(top_level_objects(document)), next_url, document["count"]


def record_page(
    progress: SyncProgress, answer: Answer | None, next_url: str | None, count: int
) -> None:
    """Record a page imported (None: the source had none to give), in the transaction that
    imported it."""
    if progress.pages == 0:
        progress.count = count
        # The source's clock, so that a mirror's own clock being off loses no change.
        progress.pass_mark = (answer and answer.date) or timezone.now()
    if answer is not None:
        progress.pages += 1
    progress.next_url = next_url
    if next_url is None:
        progress.finished = timezone.now()
        progress.high_water_mark = progress.pass_mark
    progress.save()


def pages_in(count: int | None) -> int | None:
    return None if count is None else max(math.ceil(count / PAGE_SIZE), 1)


def iso_utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def describe(outcome: Outcome) -> str:
    if outcome.kind is None:
        return f"{outcome.path}: copied before this run was stopped"
    said = (
        f"{outcome.path}: {outcome.kind}, {outcome.requests} requests, "
        f"{outcome.pages} pages, {outcome.changed} objects created or updated"
    )
    return f"{said}; STOPPED: {outcome.stopped}" if outcome.stopped else said
