"""LL2's paths over what is in orbit: space stations, docking events, docking locations."""

from launchlibrary.api.endpoint import Endpoint, Examples, lookup, register
from launchlibrary.stations.filters import DockingEventFilter, SpaceStationFilter
from launchlibrary.stations.models import DockingEvent, SpaceStation
from launchlibrary.stations.serializers import (
    DockingEventEndpointDetailedSerializer,
    DockingEventEndpointNormalSerializer,
    DockingLocationSerializer,
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
