"""LL2's path over landings: of boosters, spacecraft and payloads."""

from launchlibrary.api.endpoint import Endpoint, Examples, register
from launchlibrary.landings.endpoint_serializers import (
    LandingEndpointDetailedSerializer,
    LandingEndpointListSerializer,
    LandingEndpointNormalSerializer,
)
from launchlibrary.landings.filters import LandingFilter
from launchlibrary.landings.models import Landing

landings = register(
    Endpoint(
        path="landings",
        queryset=Landing.objects.all(),
        modes={
            "list": LandingEndpointListSerializer,
            "normal": LandingEndpointNormalSerializer,
            "detailed": LandingEndpointDetailedSerializer,
        },
        default_mode="normal",
        detail_mode="detailed",
        list_schema="PolymorphicLandingEndpoint",
        filterset=LandingFilter,
        search=(
            "firststage__launcher__launcher_config__name",
            "firststage__launcher__serial_number",
            "firststage__rocket__launch__name",
            "landing_location__abbrev",
            "landing_location__name",
            "spacecraftflight__rocket__launch__name",
            "spacecraftflight__spacecraft__name",
            "spacecraftflight__spacecraft__serial_number",
            "spacecraftflight__spacecraft__spacecraft_config__name",
        ),
        ordering=("downrange_distance", "id"),
        examples=Examples(
            mode="list",
            filter="spacecraft__ids=39,37",
            search="B1059",
            ordering="downrange_distance",
        ),
    )
)
