"""Landings of boosters and spacecraft, where they happen and of what kind they are."""

from django.db import models

from launchlibrary.api.filters import ordering_indexes
from launchlibrary.images.models import Image
from launchlibrary.locations.models import CelestialBody, Location


class LandingType(models.Model):
    name = models.CharField(max_length=255)
    abbrev = models.CharField(max_length=255, blank=True, default="")
    description = models.CharField(max_length=2048, null=True, blank=True)

    def __str__(self) -> str:
        return self.name


class LandingLocation(models.Model):
    name = models.CharField(max_length=255)
    active = models.BooleanField(default=True)
    abbrev = models.CharField(max_length=255, blank=True, default="")
    description = models.CharField(max_length=2048, null=True, blank=True)
    location = models.ForeignKey(Location, on_delete=models.PROTECT)
    longitude = models.FloatField(null=True, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    image = models.ForeignKey(Image, on_delete=models.SET_NULL, null=True, blank=True)
    successful_landings = models.PositiveIntegerField(null=True, blank=True)
    attempted_landings = models.PositiveIntegerField(null=True, blank=True)
    failed_landings = models.PositiveIntegerField(null=True, blank=True)
    celestial_body = models.ForeignKey(CelestialBody, on_delete=models.PROTECT)

    def __str__(self) -> str:
        return self.name


class Landing(models.Model):
    ll2_resource = "landings"

    attempt = models.BooleanField(default=False)
    success = models.BooleanField(null=True, blank=True)
    description = models.CharField(max_length=2048, blank=True, default="")
    downrange_distance = models.FloatField(null=True, blank=True)
    landing_location = models.ForeignKey(LandingLocation, on_delete=models.PROTECT)
    type = models.ForeignKey(LandingType, on_delete=models.PROTECT)

    class Meta:
        indexes = ordering_indexes("landing", "downrange_distance")

    def __str__(self) -> str:
        return f"{self.type} at {self.landing_location}"
