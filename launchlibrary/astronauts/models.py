"""Astronauts, the roles they fly in, and their seats on flights."""

from datetime import timedelta

from django.core.validators import MinValueValidator
from django.db import models

from launchlibrary.agencies.models import Agency, SocialMediaLink
from launchlibrary.api.filters import ordering_indexes
from launchlibrary.images.models import Image
from launchlibrary.locations.models import Country


class AstronautRole(models.Model):
    role = models.CharField(max_length=255)
    priority = models.IntegerField(default=0)

    def __str__(self) -> str:
        return self.role


class AstronautStatus(models.Model):
    name = models.CharField(max_length=255)

    class Meta:
        verbose_name_plural = "astronaut statuses"

    def __str__(self) -> str:
        return self.name


class AstronautType(models.Model):
    name = models.CharField(max_length=255)

    def __str__(self) -> str:
        return self.name


class Astronaut(models.Model):
    ll2_resource = "astronauts"

    name = models.CharField(max_length=255)
    status = models.ForeignKey(AstronautStatus, on_delete=models.PROTECT, null=True, blank=True)
    agency = models.ForeignKey(Agency, on_delete=models.SET_NULL, null=True, blank=True)
    image = models.ForeignKey(Image, on_delete=models.SET_NULL, null=True, blank=True)
    type = models.ForeignKey(AstronautType, on_delete=models.PROTECT, null=True, blank=True)
    in_space = models.BooleanField(default=False)
    time_in_space = models.DurationField(
        null=True, blank=True, validators=[MinValueValidator(timedelta(0))]
    )
    eva_time = models.DurationField(
        null=True, blank=True, validators=[MinValueValidator(timedelta(0))]
    )
    age = models.PositiveIntegerField(null=True, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    date_of_death = models.DateField(null=True, blank=True)
    nationality = models.ManyToManyField(Country, blank=True)
    bio = models.CharField(max_length=2048, blank=True, default="")
    wiki = models.URLField(max_length=255, null=True, blank=True)
    last_flight = models.DateTimeField(null=True, blank=True)
    first_flight = models.DateTimeField(null=True, blank=True)
    social_media_links = models.ManyToManyField(SocialMediaLink, blank=True)
    # Figures of the astronaut's history (`history.py`), as imported where it is partial.
    flights_count = models.PositiveIntegerField(null=True, blank=True)
    landings_count = models.PositiveIntegerField(null=True, blank=True)
    spacewalks_count = models.PositiveIntegerField(null=True, blank=True)
    # What LL2's detailed form lists of the astronaut's history, stored as the figures are:
    # derived from the seats (`recompute.py`), or as imported where the history is partial.
    # Each lies past a to-many step (a seat) that eager loading cannot cross in one query.
    flights = models.ManyToManyField("launches.Launch", blank=True, related_name="+")
    landings = models.ManyToManyField("spacecraft.SpacecraftFlight", blank=True, related_name="+")
    spacewalks = models.ManyToManyField("spacewalks.Spacewalk", blank=True, related_name="+")

    class Meta:
        indexes = ordering_indexes(
            "astronaut",
            "age",
            "date_of_birth",
            "eva_time",
            "flights_count",
            "landings_count",
            "last_flight",
            "name",
            "spacewalks_count",
            "status",
            "time_in_space",
        )

    def __str__(self) -> str:
        return self.name


class AstronautFlight(models.Model):
    """An astronaut's seat on one flight, in a role (`Commander`, `Pilot`)."""

    role = models.ForeignKey(AstronautRole, on_delete=models.PROTECT, null=True, blank=True)
    astronaut = models.ForeignKey(Astronaut, on_delete=models.CASCADE, related_name="seats")

    def __str__(self) -> str:
        return f"{self.astronaut} ({self.role})"
