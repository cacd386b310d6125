"""What LL2 curates for a dashboard (`/dashboard/starship/`): road closures, notices and live
streams of its own, and its choice of updates, vehicles, orbiters, launches and events.

A dashboard prints no id or url: the importer finds its row by its shape (the keys of its
response) and the slug it is served under; `upcoming` and `previous` are one list of
launches and one of events, split by the clock when served.
"""

from django.db import models

from launchlibrary.events.models import Event
from launchlibrary.launches.models import (
    Launch,
    Launcher,
    NoticeType,
    RoadClosureStatus,
    Update,
)
from launchlibrary.spacecraft.models import Spacecraft


class RoadClosure(models.Model):
    title = models.CharField(max_length=1048)
    status = models.ForeignKey(RoadClosureStatus, on_delete=models.PROTECT)
    window_start = models.DateTimeField()
    window_end = models.DateTimeField()

    def __str__(self) -> str:
        return self.title


class Notice(models.Model):
    type = models.ForeignKey(NoticeType, on_delete=models.PROTECT)
    date = models.DateTimeField()
    url = models.URLField(max_length=200)

    def __str__(self) -> str:
        return f"{self.type}: {self.date:%Y-%m-%d}"


class Dashboard(models.Model):
    # The keys of its response (`response_mode` aside), which carries no id or url.
    ll2_shape = frozenset(
        {
            "updates",
            "live_streams",
            "road_closures",
            "notices",
            "vehicles",
            "orbiters",
            "upcoming",
            "previous",
        }
    )
    # The one row an imported dashboard is written to: LL2 serves the Starship one alone.
    ll2_row = {"slug": "starship"}
    # Keys holding objects whose lists are one list of the dashboard's, split when served.
    ll2_merged = ("upcoming", "previous")

    slug = models.SlugField(max_length=100, unique=True)
    updates = models.ManyToManyField(Update, blank=True, related_name="dashboards")
    road_closures = models.ManyToManyField(RoadClosure, blank=True, related_name="dashboards")
    notices = models.ManyToManyField(Notice, blank=True, related_name="dashboards")
    vehicles = models.ManyToManyField(Launcher, blank=True, related_name="dashboards")
    orbiters = models.ManyToManyField(Spacecraft, blank=True, related_name="dashboards")
    launches = models.ManyToManyField(Launch, blank=True, related_name="dashboards")
    events = models.ManyToManyField(Event, blank=True, related_name="dashboards")

    def __str__(self) -> str:
        return self.slug


class LiveStream(models.Model):
    """A stream a dashboard shows (LL2's `VidURLs`); given no id, its list is replaced whole."""

    dashboard = models.ForeignKey(Dashboard, on_delete=models.CASCADE, related_name="live_streams")
    title = models.CharField(max_length=200, null=True, blank=True)
    description = models.CharField(max_length=350, null=True, blank=True)
    image = models.URLField(max_length=1000, null=True, blank=True)
    url = models.URLField(max_length=1000)

    def __str__(self) -> str:
        return self.title or self.url
