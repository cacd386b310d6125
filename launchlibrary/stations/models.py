"""Space stations, their docking locations and the docking events that spacecraft flights
(the chasers) make at them."""

from django.db import models

from launchlibrary.agencies.models import Agency
from launchlibrary.api.filters import ordering_indexes
from launchlibrary.images.models import Image
from launchlibrary.payloads.models import Payload, PayloadFlight
from launchlibrary.spacecraft.models import SpacecraftConfig, SpacecraftFlight


class SpaceStationStatus(models.Model):
    name = models.CharField(max_length=255)

    class Meta:
        verbose_name_plural = "space station statuses"

    def __str__(self) -> str:
        return self.name


class SpaceStationType(models.Model):
    name = models.CharField(max_length=255)

    def __str__(self) -> str:
        return self.name


class SpaceStation(models.Model):
    ll2_resource = "space_stations"
    # Expeditions and the station's own dockings (a module docked to another station)
    # under way: some of its expeditions and events only.
    ll2_partial_children = {
        "active_expeditions": "expeditions",
        "active_docking_events": "docking_events_as_chaser",
    }

    name = models.CharField(max_length=255)
    image = models.ForeignKey(Image, on_delete=models.SET_NULL, null=True, blank=True)
    status = models.ForeignKey(SpaceStationStatus, on_delete=models.PROTECT)
    founded = models.DateField()
    deorbited = models.DateField(null=True, blank=True)
    description = models.CharField(max_length=2048, blank=True, default="")
    orbit = models.CharField(max_length=255, null=True, blank=True)
    type = models.ForeignKey(SpaceStationType, on_delete=models.PROTECT)
    owners = models.ManyToManyField(Agency, blank=True)
    height = models.FloatField(null=True, blank=True)
    width = models.FloatField(null=True, blank=True)
    mass = models.FloatField(null=True, blank=True)
    volume = models.IntegerField(null=True, blank=True)
    onboard_crew = models.PositiveIntegerField(null=True, blank=True)
    docked_vehicles = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        indexes = ordering_indexes(
            "spacestation",
            "docked_vehicles",
            "founded",
            "name",
            "onboard_crew",
            "status",
            "type",
            "volume",
        )

    def __str__(self) -> str:
        return self.name


class Expedition(models.Model):
    ll2_resource = "expeditions"

    name = models.CharField(max_length=255)
    start = models.DateTimeField()
    end = models.DateTimeField(null=True, blank=True)
    spacestation = models.ForeignKey(
        SpaceStation, on_delete=models.CASCADE, related_name="expeditions", null=True, blank=True
    )
    crew = models.ManyToManyField(
        "astronauts.AstronautFlight", blank=True, related_name="expeditions"
    )
    mission_patches = models.ManyToManyField(
        "launches.MissionPatch", blank=True, related_name="expeditions"
    )

    class Meta:
        indexes = ordering_indexes("expedition", "end", "start")

    def __str__(self) -> str:
        return self.name


class DockingLocation(models.Model):
    ll2_resource = "config/docking_locations"
    ll2_partial_children = {"currently_docked": "docking_events"}

    name = models.CharField(max_length=255)
    spacestation = models.ForeignKey(
        SpaceStation,
        on_delete=models.CASCADE,
        related_name="docking_location",
        null=True,
        blank=True,
    )
    spacecraft = models.ForeignKey(
        SpacecraftConfig, on_delete=models.SET_NULL, null=True, blank=True
    )
    payload = models.ForeignKey(Payload, on_delete=models.SET_NULL, null=True, blank=True)
    # The location's place in its station's list: LL2 lists a station's docking locations
    # in an order of its own, which the importer keeps (see `ll2_list_position`); locations
    # added here come last.
    position = models.PositiveIntegerField(null=True, blank=True, editable=False)

    ll2_list_position = "position"

    def __str__(self) -> str:
        return self.name


class DockingEvent(models.Model):
    ll2_resource = "docking_events"

    docking = models.DateTimeField()
    departure = models.DateTimeField(null=True, blank=True)
    docking_location = models.ForeignKey(
        DockingLocation,
        on_delete=models.CASCADE,
        related_name="docking_events",
        null=True,
        blank=True,
    )
    flight_vehicle_chaser = models.ForeignKey(
        SpacecraftFlight,
        on_delete=models.CASCADE,
        related_name="docking_events",
        null=True,
        blank=True,
    )
    space_station_chaser = models.ForeignKey(
        SpaceStation,
        on_delete=models.CASCADE,
        related_name="docking_events_as_chaser",
        null=True,
        blank=True,
    )
    flight_vehicle_target = models.ForeignKey(
        SpacecraftFlight,
        on_delete=models.CASCADE,
        related_name="docking_events_as_target",
        null=True,
        blank=True,
    )
    space_station_target = models.ForeignKey(
        SpaceStation,
        on_delete=models.CASCADE,
        related_name="docking_events_as_target",
        null=True,
        blank=True,
    )
    payload_flight_chaser = models.ForeignKey(
        PayloadFlight,
        on_delete=models.CASCADE,
        related_name="docking_events",
        null=True,
        blank=True,
    )
    payload_flight_target = models.ForeignKey(
        PayloadFlight,
        on_delete=models.CASCADE,
        related_name="docking_events_as_target",
        null=True,
        blank=True,
    )

    class Meta:
        indexes = ordering_indexes("dockingevent", "departure", "docking")

    def __str__(self) -> str:
        return f"{self.flight_vehicle_chaser or self.space_station_chaser} at {self.docking}"

    def save(self, *args, **kwargs) -> None:
        # A docking at a station's docking location targets that station. LL2's station
        # responses nest the dockings at each location without saying so.
        if self.space_station_target_id is None and self.docking_location_id is not None:
            self.space_station_target_id = (
                DockingLocation.objects.filter(pk=self.docking_location_id)
                .values_list("spacestation_id", flat=True)
                .first()
            )
            update_fields = kwargs.get("update_fields")
            if update_fields is not None and self.space_station_target_id is not None:
                kwargs["update_fields"] = {*update_fields, "space_station_target"}
        super().save(*args, **kwargs)
