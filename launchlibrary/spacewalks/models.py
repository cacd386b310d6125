"""Spacewalks (extravehicular activities): who went out, from where, for how long."""

from datetime import timedelta

from django.core.validators import MinValueValidator
from django.db import models

from launchlibrary.api.filters import ordering_indexes


class Spacewalk(models.Model):
    ll2_resource = "spacewalks"

    name = models.CharField(max_length=255)
    start = models.DateTimeField(null=True, blank=True)
    end = models.DateTimeField(null=True, blank=True)
    # From `start` to `end` when both are known (`history.py`), else as imported.
    duration = models.DurationField(
        null=True, blank=True, validators=[MinValueValidator(timedelta(0))]
    )
    location = models.CharField(max_length=255, null=True, blank=True)
    crew = models.ManyToManyField(
        "astronauts.AstronautFlight", blank=True, related_name="spacewalks"
    )
    spacestation = models.ForeignKey(
        "stations.SpaceStation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="spacewalks",
    )
    expedition = models.ForeignKey(
        "stations.Expedition",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="spacewalks",
    )
    spacecraft_flight = models.ForeignKey(
        "spacecraft.SpacecraftFlight",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="spacewalks",
    )
    event = models.ForeignKey(
        "events.Event", on_delete=models.SET_NULL, null=True, blank=True, related_name="spacewalks"
    )
    program = models.ManyToManyField("launches.Program", blank=True, related_name="spacewalks")

    class Meta:
        indexes = ordering_indexes("spacewalk", "duration", "end", "name", "start")

    def __str__(self) -> str:
        return self.name
