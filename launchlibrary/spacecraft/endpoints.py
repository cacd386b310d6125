from launchlibrary.api.endpoint import Endpoint, Examples, register
from launchlibrary.spacecraft.filters import (
    SpacecraftConfigFamilyFilter,
    SpacecraftConfigFilter,
    SpacecraftFilter,
    SpacecraftFlightFilter,
)
from launchlibrary.spacecraft.models import (
    Spacecraft,
    SpacecraftConfig,
    SpacecraftConfigFamily,
    SpacecraftFlight,
)
from launchlibrary.spacecraft.serializers import (
    SpacecraftConfigDetailedSerializer,
    SpacecraftConfigFamilyEndpointDetailedSerializer,
    SpacecraftConfigFamilyMiniSerializer,
    SpacecraftConfigFamilyNormalSerializer,
    SpacecraftConfigNormalSerializer,
    SpacecraftEndpointDetailedSerializer,
    SpacecraftFlightNormalSerializer,
    SpacecraftNormalSerializer,
)
from launchlibrary.stations.serializers import SpacecraftFlightDetailedSerializer

spacecraft = register(
    Endpoint(
        path="spacecraft",
        queryset=Spacecraft.objects.all(),
        modes={
            "normal": SpacecraftNormalSerializer,
            "detailed": SpacecraftEndpointDetailedSerializer,
        },
        detail_mode="detailed",
        list_schema="PolymorphicSpacecraftEndpoint",
        filterset=SpacecraftFilter,
        search=("name", "spacecraft_config__name"),
        ordering=("flights_count", "id", "mission_ends_count", "time_docked", "time_in_space"),
        examples=Examples(
            mode="detailed",
            filter="is_placeholder=True",
            search="Endeavour",
            ordering="-flights_count",
        ),
    )
)

spacecraft_configurations = register(
    Endpoint(
        path="spacecraft_configurations",
        queryset=SpacecraftConfig.objects.all(),
        modes={
            "normal": SpacecraftConfigNormalSerializer,
            "detailed": SpacecraftConfigDetailedSerializer,
        },
        detail_mode="detailed",
        list_schema="PolymorphicSpacecraftConfigurationEndpoint",
        filterset=SpacecraftConfigFilter,
        search=("agency__abbrev", "agency__name", "name"),
        ordering=("name",),
        examples=Examples(
            mode="detailed",
            filter="human_rated=True",
            search="Dragon",
            ordering="name",
        ),
    )
)

spacecraft_configuration_families = register(
    Endpoint(
        path="spacecraft_configuration_families",
        queryset=SpacecraftConfigFamily.objects.all(),
        modes={
            "list": SpacecraftConfigFamilyMiniSerializer,
            "normal": SpacecraftConfigFamilyNormalSerializer,
            "detailed": SpacecraftConfigFamilyEndpointDetailedSerializer,
        },
        default_mode="normal",
        detail_mode="detailed",
        list_schema="PolymorphicSpacecraftConfigFamilyEndpoint",
        filterset=SpacecraftConfigFamilyFilter,
        search=("manufacturer__abbrev", "manufacturer__name", "name"),
        ordering=("name",),
        examples=Examples(
            mode="list",
            filter="manufacturer=121",
            search="Northrop",
            ordering="name",
        ),
    )
)

spacecraft_flights = register(
    Endpoint(
        path="spacecraft_flights",
        queryset=SpacecraftFlight.objects.all(),
        modes={
            "normal": SpacecraftFlightNormalSerializer,
            "detailed": SpacecraftFlightDetailedSerializer,
        },
        detail_mode="detailed",
        list_schema="PolymorphicSpacecraftFlightEndpoint",
        filterset=SpacecraftFlightFilter,
        examples=Examples(mode="detailed", filter="spacecraft=289"),
    )
)
