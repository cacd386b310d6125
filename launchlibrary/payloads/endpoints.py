"""LL2's paths over payloads and their flights."""

from launchlibrary.api.endpoint import Endpoint, Examples, register
from launchlibrary.payloads.filters import PayloadFilter, PayloadFlightFilter
from launchlibrary.payloads.models import Payload, PayloadFlight
from launchlibrary.payloads.serializers import (
    PayloadDetailedSerializer,
    PayloadFlightMiniSerializer,
    PayloadFlightNormalSerializer,
    PayloadMiniSerializer,
    PayloadNormalSerializer,
)
from launchlibrary.stations.serializers import PayloadFlightDetailedSerializer

payloads = register(
    Endpoint(
        path="payloads",
        queryset=Payload.objects.all(),
        modes={
            "list": PayloadMiniSerializer,
            "normal": PayloadNormalSerializer,
            "detailed": PayloadDetailedSerializer,
        },
        default_mode="normal",
        detail_mode="detailed",
        list_schema="PolymorphicPayloadEndpoint",
        filterset=PayloadFilter,
        search=(
            "manufacturer__name",
            "name",
            "operator__name",
            "payloadflight__destination",
            "payloadflight__rocket__launch__name",
        ),
        # A payload with several flights is ordered by the launch of its first (see
        # `api.filters.StableOrderingFilter`).
        ordering=("id", "name", "payloadflight__rocket__launch__net"),
        examples=Examples(
            mode="list",
            filter="program__id=18",
            search="EarthCare",
            ordering="-payloadflight__rocket__launch__net",
        ),
    )
)

payload_flights = register(
    Endpoint(
        path="payload_flights",
        queryset=PayloadFlight.objects.all(),
        modes={
            "list": PayloadFlightMiniSerializer,
            "normal": PayloadFlightNormalSerializer,
            "detailed": PayloadFlightDetailedSerializer,
        },
        default_mode="normal",
        detail_mode="detailed",
        list_schema="PolymorphicPayloadFlightEndpoint",
        filterset=PayloadFlightFilter,
        examples=Examples(mode="list", filter="payload=2"),
    )
)
