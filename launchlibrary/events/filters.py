"""The filters LL2 declares for events."""

from django.db.models import QuerySet

from launchlibrary.api.filters import (
    EXACT,
    IntegerListFilter,
    LeaveOutFilter,
    LL2FilterSet,
    MomentFilter,
    TextListFilter,
)
from launchlibrary.events.clock import EVENTS
from launchlibrary.events.models import Event


class EventFilter(LL2FilterSet):
    # Comma lists: `id=1,2`, `agency__ids=44,63`, `type__ids=2,8`.
    id = IntegerListFilter(lookup_expr="in")
    agency__ids = IntegerListFilter(field_name="agencies", lookup_expr="in", distinct=True)
    type__ids = IntegerListFilter(field_name="type", lookup_expr="in")
    # LL2 declares `date__gt__lt` with no field behind it and describes it "Date is less
    # than": it reads as `date__lt`.
    date__gt__lt = MomentFilter(field_name="date", lookup_expr="lt")
    # A video of the event, by its whole URL.
    video_url = TextListFilter(field_name="vid_urls__url", lookup_expr="in", distinct=True)
    # The date's day of the month, month and year, in UTC.
    day = IntegerListFilter(field_name="date", lookup_expr="day__in")
    month = IntegerListFilter(field_name="date", lookup_expr="month__in")
    year = IntegerListFilter(field_name="date", lookup_expr="year__in")

    class Meta:
        model = Event
        fields = {
            "date": ["gt", "gte", "lte"],
            "last_updated": ["gte", "lte"],
            # By id, repeated for several: `program=1&program=2`.
            "program": EXACT,
            "slug": EXACT,
            "type": EXACT,
        }


class UpcomingEventFilter(EventFilter):
    # Events of the last 24 hours are listed among the upcoming ones unless hidden (see
    # `launchlibrary.events.clock`).
    hide_recent_previous = LeaveOutFilter(leaves_out_on=True, method="filter_hide_recent_previous")

    def filter_hide_recent_previous(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        return EVENTS.not_yet_passed(queryset) if value else queryset
