from launchlibrary.api.endpoint import Endpoint, Examples, register
from launchlibrary.spacecraft.filters import SpacecraftFilter
from launchlibrary.spacecraft.models import Spacecraft
from launchlibrary.spacecraft.serializers import (
    SpacecraftEndpointDetailedSerializer,
    SpacecraftNormalSerializer,
)

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
