from launchlibrary.api.endpoints import Endpoint
from launchlibrary.spacecraft.models import Spacecraft
from launchlibrary.spacecraft.serializers import (
    SpacecraftEndpointDetailedSerializer,
    SpacecraftNormalSerializer,
)

spacecraft = Endpoint(
    resource=Spacecraft.ll2_resource,
    model=Spacecraft,
    modes={"normal": SpacecraftNormalSerializer, "detailed": SpacecraftEndpointDetailedSerializer},
    detail_mode="detailed",
    mode_example="detailed",
    filter_fields=["in_space", "is_placeholder", "name", "spacecraft_config", "status"],
    filter_example="is_placeholder=True",
    search_fields=["name", "spacecraft_config__name"],
    search_example="Endeavour",
    ordering_fields=[
        "flights_count",
        "id",
        "mission_ends_count",
        "time_docked",
        "time_in_space",
    ],
    ordering_example="-flights_count",
)
