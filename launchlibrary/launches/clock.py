"""Which launches are upcoming and which previous: the clock decides, not the data.

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
"""

from datetime import datetime, timedelta

from django.db.models import Min, Q, QuerySet
from django.utils import timezone

from launchlibrary.launches.models import Launch

# How long a launch stays among the upcoming ones after its NET.
RECENT = timedelta(hours=24)


def upcoming() -> QuerySet:
    """Launches whose NET is ahead or within the last 24 hours."""
    return Launch.objects.filter(net__gt=timezone.now() - RECENT)


def previous() -> QuerySet:
    """Launches whose NET has passed."""
    return Launch.objects.filter(net__lte=timezone.now())


def not_yet_launched(launches: QuerySet) -> QuerySet:
    """Of the launches, those whose NET is still ahead (`hide_recent_previous`)."""
    return launches.filter(net__gt=timezone.now())


def previous_changes_at(now: datetime) -> datetime | None:
    """When the next NET passes: that launch joins the previous ones."""
    return Launch.objects.filter(net__gt=now).aggregate(Min("net"))["net__min"]


def upcoming_changes_at(now: datetime) -> datetime | None:
    """When the next NET passes (the launch leaves the list `hide_recent_previous` gives),
    or the 24 hours after the NET of the launch that flew longest ago among the upcoming
    ones end (it leaves the list), whichever comes first; in one query."""
    nets = Launch.objects.filter(net__gt=now - RECENT).aggregate(
        recent=Min("net"), ahead=Min("net", filter=Q(net__gt=now))
    )
    moments = [nets["ahead"], nets["recent"] and nets["recent"] + RECENT]
    return min((moment for moment in moments if moment is not None), default=None)
