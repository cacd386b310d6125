"""Spacecraft, their configurations (the craft's design) and families of configurations."""

from datetime import timedelta

from django.core.validators import MinValueValidator
from django.db import models

from launchlibrary.agencies.models import Agency
from launchlibrary.api.filters import ordering_indexes
from launchlibrary.images.models import Image


class SpacecraftStatus(models.Model):
    name = models.CharField(max_length=255)

    class Meta:
        verbose_name_plural = "spacecraft statuses"

    def __str__(self) -> str:
        return self.name


class SpacecraftConfigType(models.Model):
    name = models.CharField(max_length=255)

    def __str__(self) -> str:
        return self.name


class LaunchAndLandingCounts(models.Model):
    """The launch and landing figures LL2 keeps for configurations and their families."""

    spacecraft_flown = models.PositiveIntegerField(null=True, blank=True)
    total_launch_count = models.PositiveIntegerField(null=True, blank=True)
    successful_launches = models.PositiveIntegerField(null=True, blank=True)
    failed_launches = models.PositiveIntegerField(null=True, blank=True)
    attempted_landings = models.PositiveIntegerField(null=True, blank=True)
    successful_landings = models.PositiveIntegerField(null=True, blank=True)
    failed_landings = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        abstract = True


class SpacecraftConfigFamily(LaunchAndLandingCounts):
    ll2_resource = "spacecraft_configuration_families"
    # The configurations of the family, linked to it through their own `family` list.
    ll2_partial_children = {"spacecraft": "spacecraft"}

    name = models.CharField(max_length=200)
    description = models.CharField(max_length=2048, blank=True, default="")
    manufacturer = models.ForeignKey(Agency, on_delete=models.PROTECT, null=True, blank=True)
    parent = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True)
    maiden_flight = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "spacecraft config families"
        indexes = ordering_indexes("spacecraftfamily", "name")

    def __str__(self) -> str:
        return self.name


class SpacecraftConfig(LaunchAndLandingCounts):
    ll2_resource = "spacecraft_configurations"

    name = models.CharField(max_length=200)
    type = models.ForeignKey(SpacecraftConfigType, on_delete=models.PROTECT)
    # An agency's detailed form lists its configurations as its `spacecraft_list`, and a
    # family's its members as its `spacecraft`.
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="spacecraft_list")
    family = models.ManyToManyField(SpacecraftConfigFamily, blank=True, related_name="spacecraft")
    in_use = models.BooleanField(default=True)
    image = models.ForeignKey(Image, on_delete=models.SET_NULL, null=True, blank=True)
    capability = models.CharField(max_length=2048, blank=True, default="")
    history = models.CharField(max_length=1000, blank=True, default="")
    details = models.CharField(max_length=1000, blank=True, default="")
    maiden_flight = models.DateField(null=True, blank=True)
    height = models.FloatField(null=True, blank=True)
    diameter = models.FloatField(null=True, blank=True)
    human_rated = models.BooleanField(default=False)
    crew_capacity = models.PositiveIntegerField(null=True, blank=True)
    payload_capacity = models.IntegerField(null=True, blank=True)
    payload_return_capacity = models.IntegerField(null=True, blank=True)
    flight_life = models.CharField(max_length=2048, null=True, blank=True)
    wiki_link = models.URLField(max_length=200, blank=True, default="")
    info_link = models.URLField(max_length=200, blank=True, default="")
    fastest_turnaround = models.DurationField(
        null=True, blank=True, validators=[MinValueValidator(timedelta(0))]
    )

    class Meta:
        verbose_name = "spacecraft configuration"
        # LL2 lists an agency's and a family's configurations by name.
        ordering = ["name"]
        indexes = ordering_indexes("spacecraftconfig", "name")

    def __str__(self) -> str:
        return self.name


class Spacecraft(models.Model):
    ll2_resource = "spacecraft"

    name = models.CharField(max_length=255)
    serial_number = models.CharField(max_length=255, null=True, blank=True)
    is_placeholder = models.BooleanField(default=False)
    image = models.ForeignKey(Image, on_delete=models.SET_NULL, null=True, blank=True)
    in_space = models.BooleanField(default=False)
    time_in_space = models.DurationField(
        null=True, blank=True, validators=[MinValueValidator(timedelta(0))]
    )
    time_docked = models.DurationField(
        null=True, blank=True, validators=[MinValueValidator(timedelta(0))]
    )
    flights_count = models.PositiveIntegerField(null=True, blank=True)
    mission_ends_count = models.PositiveIntegerField(null=True, blank=True)
    status = models.ForeignKey(SpacecraftStatus, on_delete=models.PROTECT)
    description = models.CharField(max_length=2048, blank=True, default="")
    spacecraft_config = models.ForeignKey(SpacecraftConfig, on_delete=models.PROTECT)
    fastest_turnaround = models.DurationField(
        null=True, blank=True, validators=[MinValueValidator(timedelta(0))]
    )

    class Meta:
        verbose_name_plural = "spacecraft"
        indexes = ordering_indexes(
            "spacecraft", "flights_count", "mission_ends_count", "time_docked", "time_in_space"
        )

    def __str__(self) -> str:
        return self.name


class SpacecraftFlight(models.Model):
    """One flight of a spacecraft: the rocket that carried it (LL2 prints the rocket's
    launch), its crews, and how its mission ended."""

    ll2_resource = "spacecraft_flights"
    # LL2 prints the flight's launch; the flight belongs to that launch's rocket.
    ll2_through = {"launch": "rocket"}

    destination = models.CharField(max_length=255, null=True, blank=True)
    mission_end = models.DateTimeField(null=True, blank=True)
    spacecraft = models.ForeignKey(Spacecraft, on_delete=models.CASCADE, related_name="flights")
    rocket = models.ForeignKey(
        "launches.Rocket",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        # LL2's filters and search reach flights from a rocket as `spacecraftflight`.
        related_name="spacecraftflight",
    )
    landing = models.OneToOneField(
        "landings.Landing",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="spacecraftflight",
    )
    duration = models.DurationField(
        null=True, blank=True, validators=[MinValueValidator(timedelta(0))]
    )
    turn_around_time = models.DurationField(
        null=True, blank=True, validators=[MinValueValidator(timedelta(0))]
    )
    launch_crew = models.ManyToManyField(
        "astronauts.AstronautFlight", blank=True, related_name="launched_on"
    )
    onboard_crew = models.ManyToManyField(
        "astronauts.AstronautFlight", blank=True, related_name="aboard"
    )
    landing_crew = models.ManyToManyField(
        "astronauts.AstronautFlight", blank=True, related_name="landed_on"
    )

    def __str__(self) -> str:
        return f"{self.spacecraft} on {self.rocket}"
