"""Where things are: countries, celestial bodies and the locations on them."""

from datetime import timedelta

from django.core.validators import MinValueValidator
from django.db import models

from launchlibrary.api.filters import ordering_indexes
from launchlibrary.images.models import Image


class Country(models.Model):
    name = models.CharField(max_length=255)
    alpha_2_code = models.CharField(max_length=2, blank=True, default="")
    alpha_3_code = models.CharField(max_length=3, blank=True, default="")
    nationality_name = models.CharField(max_length=255, blank=True, default="")
    nationality_name_composed = models.CharField(max_length=255, blank=True, default="")

    class Meta:
        verbose_name_plural = "countries"

    def __str__(self) -> str:
        return self.name


class CelestialBodyType(models.Model):
    name = models.CharField(max_length=255)

    def __str__(self) -> str:
        return self.name


class CelestialBody(models.Model):
    ll2_resource = "celestial_bodies"
    ll2_partial_children = {"locations": "locations"}

    name = models.CharField(max_length=255)
    # Nullable although LL2 always fills them: a `mini` celestial body (an orbit's) carries
    # neither, and is stored before its fuller form is seen.
    type = models.ForeignKey(CelestialBodyType, on_delete=models.PROTECT, null=True, blank=True)
    image = models.ForeignKey(Image, on_delete=models.SET_NULL, null=True, blank=True)
    diameter = models.FloatField(null=True, blank=True)
    mass = models.FloatField(null=True, blank=True)
    gravity = models.FloatField(null=True, blank=True)
    length_of_day = models.DurationField(
        null=True, blank=True, validators=[MinValueValidator(timedelta(0))]
    )
    atmosphere = models.BooleanField(default=False)
    description = models.TextField(null=True, blank=True)
    wiki_url = models.URLField(max_length=200, null=True, blank=True)
    total_attempted_launches = models.PositiveIntegerField(default=0)
    successful_launches = models.PositiveIntegerField(default=0)
    failed_launches = models.PositiveIntegerField(default=0)
    total_attempted_landings = models.PositiveIntegerField(default=0)
    successful_landings = models.PositiveIntegerField(default=0)
    failed_landings = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name_plural = "celestial bodies"
        indexes = ordering_indexes("celestialbody", "name")

    def __str__(self) -> str:
        return self.name


class Location(models.Model):
    ll2_resource = "locations"
    ll2_partial_children = {"pads": "pads"}

    name = models.CharField(max_length=255)
    # Nullable although LL2 always fills it: a landing location nests its location without.
    celestial_body = models.ForeignKey(
        CelestialBody,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="locations",
    )
    active = models.BooleanField(default=True)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, null=True, blank=True)
    description = models.CharField(max_length=2048, null=True, blank=True)
    image = models.ForeignKey(Image, on_delete=models.SET_NULL, null=True, blank=True)
    map_image = models.URLField(max_length=1000, null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    timezone_name = models.CharField(max_length=255, blank=True, default="")
    total_launch_count = models.PositiveIntegerField(null=True, blank=True)
    total_landing_count = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        indexes = ordering_indexes("location", "total_landing_count", "total_launch_count")

    def __str__(self) -> str:
        return self.name
