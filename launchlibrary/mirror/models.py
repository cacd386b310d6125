"""What a sync has copied from an LL2 server, kept in the database beside the rows it
imported, so that a sync stopped at any moment continues where it stopped.

A run is one `sync_ll2` over a list of endpoints; run again after being stopped, it goes on
with the same run and skips the endpoints it finished. A pass is the copy of one endpoint:
full (every page) or incremental (what changed since the last pass's high-water mark). Each
page is imported in the same transaction that records it here, so the database never holds
a page without its record or a record without its page.
"""

from django.db import models


class SyncRun(models.Model):
    """One sync of a list of endpoints from a source; unfinished until every endpoint has
    been tried."""

    source = models.URLField(max_length=500)
    resources = models.JSONField(help_text="The endpoints of the run, in their order.")
    started = models.DateTimeField(auto_now_add=True)
    finished = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started", "-id"]

    def __str__(self) -> str:
        return f"{self.source} at {self.started:%Y-%m-%d %H:%M:%S}"


class SyncProgress(models.Model):
    """Where the copy of one endpoint from one source stands."""

    FULL = "full"
    INCREMENTAL = "incremental"
    KINDS = [(FULL, "full"), (INCREMENTAL, "incremental")]

    source = models.URLField(max_length=500)
    resource = models.CharField(max_length=100)
    run = models.ForeignKey(SyncRun, null=True, blank=True, on_delete=models.SET_NULL)
    kind = models.CharField(max_length=20, choices=KINDS, default=FULL)
    next_url = models.TextField(
        null=True, blank=True, help_text="The page to fetch next; none when no pass is under way."
    )
    pass_mark = models.DateTimeField(
        null=True,
        blank=True,
        help_text="The source's time when the pass under way began: its high-water mark once done.",
    )
    high_water_mark = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Every change on the source since then is yet to be fetched.",
    )
    count = models.PositiveIntegerField(null=True, blank=True, help_text="Objects the pass lists.")
    pages = models.PositiveIntegerField(default=0, help_text="Pages the pass imported.")
    started = models.DateTimeField(null=True, blank=True)
    finished = models.DateTimeField(null=True, blank=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "sync progress"
        ordering = ["source", "resource"]
        constraints = [
            models.UniqueConstraint(fields=["source", "resource"], name="one_progress_per_resource")
        ]

    def __str__(self) -> str:
        return f"{self.resource} from {self.source}"

    @property
    def under_way(self) -> bool:
        return self.next_url is not None

    def done_in(self, run: SyncRun) -> bool:
        return self.run_id == run.pk and not self.under_way and self.finished is not None
