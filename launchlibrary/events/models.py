"""Events beyond launches (dockings, spacewalks, press events, tests) and their kinds."""

from datetime import timedelta

from django.core.validators import MinValueValidator
from django.db import models

from launchlibrary.agencies.models import Agency
from launchlibrary.api.filters import ordering_indexes
from launchlibrary.images.models import Image


class EventType(models.Model):
    name = models.CharField(max_length=255)

    def __str__(self) -> str:
        return self.name


class Event(models.Model):
    """Its info and video links and its updates point at it (`launches.InfoURL`,
    `VidURL`, `Update`), as a launch's do."""

    ll2_resource = "events"

    name = models.CharField(max_length=255)
    slug = models.SlugField(max_length=255)
    type = models.ForeignKey(EventType, on_delete=models.PROTECT)
    description = models.CharField(max_length=2048, blank=True, default="")
    webcast_live = models.BooleanField(default=False)
    location = models.CharField(max_length=255, null=True, blank=True)
    image = models.ForeignKey(Image, on_delete=models.SET_NULL, null=True, blank=True)
    date = models.DateTimeField(null=True, blank=True)
    date_precision = models.ForeignKey(
        "launches.NetPrecision", on_delete=models.PROTECT, null=True, blank=True
    )
    duration = models.DurationField(
        null=True, blank=True, validators=[MinValueValidator(timedelta(0))]
    )
    agencies = models.ManyToManyField(Agency, blank=True)
    launches = models.ManyToManyField("launches.Launch", blank=True, related_name="events")
    expeditions = models.ManyToManyField("stations.Expedition", blank=True, related_name="events")
    spacestations = models.ManyToManyField(
        "stations.SpaceStation", blank=True, related_name="events"
    )
    program = models.ManyToManyField("launches.Program", blank=True, related_name="events")
    astronauts = models.ManyToManyField("astronauts.Astronaut", blank=True, related_name="events")
    # As LL2 prints it; an admin edit that changes the event stamps it (as for launches).
    last_updated = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = ordering_indexes("event", "date", "last_updated")

    def __str__(self) -> str:
        return self.name
