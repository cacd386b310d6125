"""Which launches (and events) are upcoming and which previous: the clock decides, not the data.

The rule, over a launch's NET (an event's `date`):
- A launch is *previous* once its NET has passed: `net <= now`.
- A launch is *upcoming* while its NET is ahead, and for the 24 hours after it: LL2 keeps
  a launch that just flew among the upcoming ones "for convenience" (the spec's words for
  `hide_recent_previous`), so a launch of the last 24 hours is in both lists.
  `hide_recent_previous=true` leaves those out: `net > now`.
- A launch without a NET is in neither.

So a launch moves from one list to the other when its NET passes, and leaves the upcoming
list 24 hours later, with no write in between: `upcoming_changes_at` and
`previous_changes_at` tell the caches (`Endpoint.changes_at`) the next such moment, both
boundaries for the upcoming list, as `hide_recent_previous` reads the second one.

`Timeline` holds the rule for any model and moment field; `LAUNCHES` is the launches' one.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Min, Model, Q, QuerySet
from django.utils import timezone

from launchlibrary.launches.models import Launch

# How long a launch stays among the upcoming ones after its NET.
RECENT = timedelta(hours=24)


@dataclass(frozen=True)
class Timeline:
    """The rule over the rows of `model` placed in time by `field` (`net`, `date`)."""

    model: type[Model]
    field: str

    def _where(self, lookup: str, moment: datetime) -> Q:
        return Q(**{f"{self.field}__{lookup}": moment})

    def upcoming(self) -> QuerySet:
        """Rows whose moment is ahead or within the last 24 hours."""
        return self.model._default_manager.filter(self._where("gt", timezone.now() - RECENT))

    def previous(self) -> QuerySet:
        """Rows whose moment has passed."""
        return self.model._default_manager.filter(self._where("lte", timezone.now()))

    def not_yet_passed(self, rows: QuerySet) -> QuerySet:
        """Of the rows, those whose moment is still ahead (`hide_recent_previous`)."""
        return rows.filter(self._where("gt", timezone.now()))

    def previous_changes_at(self, now: datetime) -> datetime | None:
        """When the next moment passes: that row joins the previous ones."""
        rows = self.model._default_manager.filter(self._where("gt", now))
        return rows.aggregate(next=Min(self.field))["next"]

    def upcoming_changes_at(self, now: datetime) -> datetime | None:
        """When the next moment passes (the row leaves the list `hide_recent_previous`
        gives), or the 24 hours after the moment of the row that passed longest ago among
        the upcoming ones end (it leaves the list), whichever comes first; in one query."""
        rows = self.model._default_manager.filter(self._where("gt", now - RECENT))
        moments = rows.aggregate(
            recent=Min(self.field), ahead=Min(self.field, filter=self._where("gt", now))
        )
        found = [moments["ahead"], moments["recent"] and moments["recent"] + RECENT]
        return min((moment for moment in found if moment is not None), default=None)


LAUNCHES = Timeline(Launch, "net")
