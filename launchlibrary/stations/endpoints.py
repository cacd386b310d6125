"""LL2's paths over what is in orbit: space stations, docking events, docking locations, and
the expeditions that lived aboard the stations."""

from launchlibrary.api.endpoint import Endpoint, Examples, lookup, register
from launchlibrary.stations.expedition_serializers import ExpeditionDetailedSerializer
from launchlibrary.stations.filters import (
    DockingEventFilter,
    ExpeditionFilter,
    SpaceStationFilter,
)
from launchlibrary.stations.models import DockingEvent, Expedition, SpaceStation
from launchlibrary.stations.serializers import (
    DockingEventEndpointDetailedSerializer,
    DockingEventEndpointNormalSerializer,
    DockingLocationSerializer,
    ExpeditionNormalSerializer,
    SpaceStationDetailedEndpointSerializer,
    SpaceStationEndpointSerializer,
)

space_stations = register(
    Endpoint(
        path="space_stations",
        queryset=SpaceStation.objects.all(),
        modes={
            "normal": SpaceStationEndpointSerializer,
            "detailed": SpaceStationDetailedEndpointSerializer,
        },
        detail_mode="detailed",
        list_schema="PolymorphicSpaceStationEndpoint",
        filterset=SpaceStationFilter,
        search=("name", "owners__abbrev", "owners__name"),
        ordering=(
            "docked_vehicles",
            "founded",
            "id",
            "name",
            "onboard_crew",
            "status",
            "type",
            "volume",
        ),
        examples=Examples(
            mode="detailed",
            filter="onboard_crew__gte=1",
            search="Salyut",
            ordering="founded",
        ),
    )
)

docking_events = register(
    Endpoint(
        path="docking_events",
        queryset=DockingEvent.objects.all(),
        modes={
            "normal": DockingEventEndpointNormalSerializer,
            "detailed": DockingEventEndpointDetailedSerializer,
        },
        detail_mode="detailed",
        list_schema="PolymorphicDockingEventEndpoint",
        filterset=DockingEventFilter,
        search=(
            "docking_location__name",
            "flight_vehicle_chaser__spacecraft__name",
            "flight_vehicle_target__spacecraft__name",
            "payload_flight_chaser__payload__name",
            "payload_flight_target__payload__name",
            "space_station_chaser__name",
            "space_station_target__name",
        ),
        ordering=("departure", "docking"),
        examples=Examples(
            mode="detailed",
            filter="space_station_target__id=6",
            search="Salyut",
            ordering="-docking",
        ),
    )
)

docking_locations = register(lookup("config/docking_locations", DockingLocationSerializer))

expeditions = register(
    Endpoint(
        path="expeditions",
        queryset=Expedition.objects.all(),
        modes={"normal": ExpeditionNormalSerializer, "detailed": ExpeditionDetailedSerializer},
        detail_mode="detailed",
        list_schema="PolymorphicExpeditionEndpoint",
        filterset=ExpeditionFilter,
        search=(
            "crew__astronaut__agency__abbrev",
            "crew__astronaut__agency__name",
            "crew__astronaut__name",
            "crew__astronaut__nationality__nationality_name",
            "name",
        ),
        ordering=("end", "id", "start"),
        examples=Examples(
            mode="detailed",
            filter="space_station=18",
            search="Kelly",
            ordering="-start",
        ),
    )
)
