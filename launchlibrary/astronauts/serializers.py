"""Serializers named after the schemas of LL2's 2.3.0 spec, fields in the spec's order."""

from launchlibrary.agencies.serializers import AgencyMiniSerializer, SocialMediaLinkSerializer
from launchlibrary.api.fields import ISODurationField, ResourceUrlField, ResponseModeField
from launchlibrary.api.serializers import ModelSerializer
from launchlibrary.astronauts.models import (
    Astronaut,
    AstronautFlight,
    AstronautRole,
    AstronautStatus,
    AstronautType,
)
from launchlibrary.images.serializers import ImageSerializer
from launchlibrary.locations.serializers import CountrySerializer


class AstronautRoleSerializer(ModelSerializer):
    class Meta:
        model = AstronautRole
        fields = ["id", "role", "priority"]


class AstronautStatusSerializer(ModelSerializer):
    class Meta:
        model = AstronautStatus
        fields = ["id", "name"]


class AstronautTypeSerializer(ModelSerializer):
    class Meta:
        model = AstronautType
        fields = ["id", "name"]


class AstronautNormalSerializer(ModelSerializer):
    url = ResourceUrlField(Astronaut.ll2_resource)
    status = AstronautStatusSerializer()
    agency = AgencyMiniSerializer()
    image = ImageSerializer()

    class Meta:
        model = Astronaut
        fields = ["id", "url", "name", "status", "agency", "image"]


class AstronautDetailedSerializer(AstronautNormalSerializer):
    """An astronaut in a crew. LL2 marks this detailed form `list`, as its schema says."""

    response_mode = ResponseModeField("list")
    type = AstronautTypeSerializer()
    time_in_space = ISODurationField()
    eva_time = ISODurationField()
    nationality = CountrySerializer(many=True)
    social_media_links = SocialMediaLinkSerializer(many=True)

    class Meta(AstronautNormalSerializer.Meta):
        fields = [
            *AstronautNormalSerializer.Meta.fields,
            "response_mode",
            "type",
            "in_space",
            "time_in_space",
            "eva_time",
            "age",
            "date_of_birth",
            "date_of_death",
            "nationality",
            "bio",
            "wiki",
            "last_flight",
            "first_flight",
            "social_media_links",
        ]


class AstronautFlightSerializer(ModelSerializer):
    """A seat on a flight: who sat in it, in which role."""

    role = AstronautRoleSerializer()
    astronaut = AstronautDetailedSerializer()

    class Meta:
        model = AstronautFlight
        fields = ["id", "role", "astronaut"]
