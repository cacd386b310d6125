"""LL2's paths over places: celestial bodies and the locations on them."""

from launchlibrary.api.endpoint import Endpoint, Examples, register
from launchlibrary.launches.serializers import LocationSerializerWithPads
from launchlibrary.locations.filters import LocationFilter
from launchlibrary.locations.models import CelestialBody, Location
from launchlibrary.locations.serializers import (
    CelestialBodyEndpointDetailedSerializer,
    CelestialBodyMiniSerializer,
    CelestialBodyNormalSerializer,
    LocationSerializer,
)

locations = register(
    Endpoint(
        path="locations",
        queryset=Location.objects.all(),
        modes={"normal": LocationSerializer, "detailed": LocationSerializerWithPads},
        detail_mode="detailed",
        list_schema="PolymorphicLocationEndpoint",
        filterset=LocationFilter,
        search=("country__alpha_3_code", "name"),
        ordering=("total_landing_count", "total_launch_count"),
        examples=Examples(
            mode="detailed",
            filter="country_code=NZL",
            search="Cape Canaveral",
            ordering="-total_launch_count",
        ),
    )
)

celestial_bodies = register(
    Endpoint(
        path="celestial_bodies",
        queryset=CelestialBody.objects.all(),
        modes={
            "list": CelestialBodyMiniSerializer,
            "normal": CelestialBodyNormalSerializer,
            "detailed": CelestialBodyEndpointDetailedSerializer,
        },
        default_mode="normal",
        detail_mode="detailed",
        list_schema="PolymorphicCelestialBodyEndpoint",
        search=("name", "type__name"),
        ordering=("id", "name"),
        examples=Examples(mode="list", search="Mars", ordering="-name"),
    )
)
