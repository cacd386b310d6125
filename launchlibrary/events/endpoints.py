"""LL2's paths over events: all of them, the upcoming ones and the previous ones."""

from launchlibrary.api.endpoint import Endpoint, Examples, register
from launchlibrary.events.clock import EVENTS
from launchlibrary.events.endpoint_serializers import (
    EventEndpointDetailedSerializer,
    EventEndpointListSerializer,
    EventEndpointNormalSerializer,
)
from launchlibrary.events.filters import EventFilter, UpcomingEventFilter
from launchlibrary.events.models import Event

DATE_LESS_THAN = (
    "`date__gt__lt` reads as `date__lt`: the events whose date is before the one given."
)

events = register(
    Endpoint(
        path="events",
        queryset=Event.objects.all(),
        modes={
            "list": EventEndpointListSerializer,
            "normal": EventEndpointNormalSerializer,
            "detailed": EventEndpointDetailedSerializer,
        },
        default_mode="normal",
        detail_mode="detailed",
        list_schema="PolymorphicEventsEndpoint",
        filterset=EventFilter,
        search=("name",),
        ordering=("date", "last_updated"),
        examples=Examples(
            mode="list",
            filter="type__ids=2,8",
            search="Flyby",
            ordering="-last_updated",
        ),
        notes=DATE_LESS_THAN,
    )
)

# Which events each of these lists holds is the clock's rule: see `events.clock`.
upcoming_events = register(
    events.variant(
        "events/upcoming",
        queryset=EVENTS.upcoming,
        changes_at=EVENTS.upcoming_changes_at,
        filterset=UpcomingEventFilter,
        # The soonest first.
        default_ordering=("date",),
        notes=(
            "Upcoming events are those whose date is ahead, and those of the last 24 hours "
            "(their date passed less than 24 hours ago), which `hide_recent_previous=True` "
            "leaves out; soonest first unless `ordering` says otherwise. An event moves to "
            "`/events/previous/` the moment its date passes; one without a date is in "
            f"neither list. {DATE_LESS_THAN}"
        ),
    )
)

previous_events = register(
    events.variant(
        "events/previous",
        queryset=EVENTS.previous,
        changes_at=EVENTS.previous_changes_at,
        # The latest first.
        default_ordering=("-date",),
        notes=(
            "Previous events are those whose date has passed, the latest first unless "
            "`ordering` says otherwise. Those of the last 24 hours are also among "
            "`/events/upcoming/` unless it is asked with `hide_recent_previous=True`. "
            f"{DATE_LESS_THAN}"
        ),
    )
)
