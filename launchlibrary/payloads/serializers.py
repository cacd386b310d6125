"""Serializers named after the schemas of LL2's 2.3.0 spec, fields in the spec's order.

A payload flight prints its launch, which it reaches through its rocket (`rocket.launch`),
as LL2's flights belong to rockets. The forms that list the flight's docking events live in
`launchlibrary.stations.serializers`, beside the docking events they nest.
"""

from launchlibrary.agencies.serializers import (
    AgencyDetailedSerializer,
    AgencyMiniSerializer,
    AgencyNormalSerializer,
)
from launchlibrary.api.fields import NumberField, ResourceUrlField, ResponseModeField
from launchlibrary.api.serializers import ModelSerializer
from launchlibrary.images.serializers import ImageSerializer
from launchlibrary.landings.serializers import LandingSerializer
from launchlibrary.launches.serializers import (
    LaunchMiniSerializer,
    LaunchNormalSerializer,
    ProgramMiniSerializer,
    ProgramNormalSerializer,
)
from launchlibrary.payloads.models import Payload, PayloadFlight, PayloadType


class PayloadTypeSerializer(ModelSerializer):
    class Meta:
        model = PayloadType
        fields = ["id", "name"]


class PayloadMiniSerializer(ModelSerializer):
    response_mode = ResponseModeField("list")
    type = PayloadTypeSerializer()
    manufacturer = AgencyMiniSerializer()
    operator = AgencyMiniSerializer()
    image = ImageSerializer()

    class Meta:
        model = Payload
        fields = ["response_mode", "id", "name", "type", "manufacturer", "operator", "image"]


class PayloadNormalSerializer(PayloadMiniSerializer):
    response_mode = ResponseModeField("normal")
    manufacturer = AgencyNormalSerializer()
    operator = AgencyNormalSerializer()
    program = ProgramMiniSerializer(many=True)
    mass = NumberField()

    class Meta(PayloadMiniSerializer.Meta):
        fields = [
            *PayloadMiniSerializer.Meta.fields,
            "wiki_link",
            "info_link",
            "program",
            "cost",
            "mass",
            "description",
        ]


class PayloadDetailedSerializer(PayloadNormalSerializer):
    response_mode = ResponseModeField("detailed")
    manufacturer = AgencyDetailedSerializer()
    operator = AgencyDetailedSerializer()
    program = ProgramNormalSerializer(many=True)


class PayloadFlightMiniSerializerNoLanding(ModelSerializer):
    """A payload flight as its landing prints it in list mode."""

    response_mode = ResponseModeField("list")
    url = ResourceUrlField(PayloadFlight.ll2_resource)
    payload = PayloadMiniSerializer()
    launch = LaunchMiniSerializer(source="rocket.launch")

    class Meta:
        model = PayloadFlight
        fields = ["response_mode", "id", "url", "destination", "amount", "payload", "launch"]


class PayloadFlightMiniSerializer(PayloadFlightMiniSerializerNoLanding):
    landing = LandingSerializer()

    class Meta(PayloadFlightMiniSerializerNoLanding.Meta):
        fields = [*PayloadFlightMiniSerializerNoLanding.Meta.fields, "landing"]


class PayloadFlightNormalSerializerNoLanding(PayloadFlightMiniSerializerNoLanding):
    """A payload flight as its landing prints it in normal mode."""

    response_mode = ResponseModeField("normal")
    payload = PayloadNormalSerializer()
    launch = LaunchNormalSerializer(source="rocket.launch")


class PayloadFlightNormalSerializer(PayloadFlightNormalSerializerNoLanding):
    landing = LandingSerializer()

    class Meta(PayloadFlightNormalSerializerNoLanding.Meta):
        fields = [*PayloadFlightNormalSerializerNoLanding.Meta.fields, "landing"]
