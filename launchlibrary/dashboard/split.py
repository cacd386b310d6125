"""A dashboard's launches and events, split by the clock as `/launches/upcoming/` and
`/launches/previous/` split them (`launchlibrary.launches.clock`; an event by its `date`):
a launch of the last 24 hours is on both sides.

`limit` cuts each of the four lists (upcoming launches, upcoming events, previous launches,
previous events), read as a page's `limit` is: 10 unless given, at most 100. Upcoming rows
come soonest first, previous ones latest first, so a cut list keeps those nearest now.
"""

from datetime import datetime

from django.db.models import QuerySet
from rest_framework.request import Request

from launchlibrary.api.pagination import LL2Pagination
from launchlibrary.dashboard.models import Dashboard
from launchlibrary.events.clock import EVENTS
from launchlibrary.launches.clock import LAUNCHES


def limit(request: Request | None) -> int:
    """The `limit` of a request, as LL2's pages read it."""
    paginator = LL2Pagination()
    return paginator.default_limit if request is None else paginator.get_limit(request)


def side(dashboard: Dashboard, *, upcoming: bool, limit: int) -> tuple[QuerySet, QuerySet]:
    """The dashboard's launches and events on one side of now."""
    if upcoming:
        launches = LAUNCHES.upcoming().order_by("net", "id")
        events = EVENTS.upcoming().order_by("date", "id")
    else:
        launches = LAUNCHES.previous().order_by("-net", "-id")
        events = EVENTS.previous().order_by("-date", "-id")
    return (
        launches.filter(dashboards=dashboard)[:limit],
        events.filter(dashboards=dashboard)[:limit],
    )


def changes_at(now: datetime) -> datetime | None:
    """The next moment a launch or event moves between the sides or leaves the upcoming one."""
    moments = [LAUNCHES.upcoming_changes_at(now), EVENTS.upcoming_changes_at(now)]
    return min((moment for moment in moments if moment is not None), default=None)
