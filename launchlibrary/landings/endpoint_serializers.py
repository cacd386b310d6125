"""Landings as their own endpoint answers them: each with what landed, a booster's first
stage, a spacecraft's flight or a payload's flight, in the form that omits the landing.

Kept apart from `serializers.py`, which the launches and spacecraft apps import (a flight
prints its landing), so that no import runs in a circle.
"""

from launchlibrary.api.fields import NumberField, ResourceUrlField, ResponseModeField
from launchlibrary.api.serializers import ModelSerializer
from launchlibrary.landings.models import Landing
from launchlibrary.landings.serializers import LandingLocationSerializer, LandingTypeSerializer
from launchlibrary.launches.serializers import (
    FirstStageDetailedSerializerNoLanding,
    FirstStageMiniSerializer,
    FirstStageNormalSerializerNoLanding,
)
from launchlibrary.payloads.serializers import (
    PayloadFlightMiniSerializerNoLanding,
    PayloadFlightNormalSerializerNoLanding,
)
from launchlibrary.spacecraft.serializers import (
    SpacecraftFlightMiniSerializerNoLanding,
    SpacecraftFlightNormalSerializerNoLanding,
)
from launchlibrary.stations.serializers import (
    PayloadFlightDetailedSerializerNoLanding,
    SpacecraftFlightDetailedSerializerNoLanding,
)


class LandingEndpointListSerializer(ModelSerializer):
    url = ResourceUrlField(Landing.ll2_resource)
    downrange_distance = NumberField()
    landing_location = LandingLocationSerializer()
    type = LandingTypeSerializer()
    response_mode = ResponseModeField("list")
    firststage = FirstStageMiniSerializer()
    spacecraftflight = SpacecraftFlightMiniSerializerNoLanding()
    payloadflight = PayloadFlightMiniSerializerNoLanding()

    class Meta:
        model = Landing
        fields = [
            "id",
            "url",
            "attempt",
            "success",
            "description",
            "downrange_distance",
            "landing_location",
            "type",
            "response_mode",
            "firststage",
            "spacecraftflight",
            "payloadflight",
        ]


class LandingEndpointNormalSerializer(LandingEndpointListSerializer):
    response_mode = ResponseModeField("normal")
    firststage = FirstStageNormalSerializerNoLanding()
    spacecraftflight = SpacecraftFlightNormalSerializerNoLanding()
    payloadflight = PayloadFlightNormalSerializerNoLanding()


class LandingEndpointDetailedSerializer(LandingEndpointListSerializer):
    response_mode = ResponseModeField("detailed")
    firststage = FirstStageDetailedSerializerNoLanding()
    spacecraftflight = SpacecraftFlightDetailedSerializerNoLanding()
    payloadflight = PayloadFlightDetailedSerializerNoLanding()
