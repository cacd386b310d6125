"""Serializers named after the schemas of LL2's 2.3.0 spec, fields in the spec's order."""

from launchlibrary.api.fields import NumberField, ResourceUrlField
from launchlibrary.api.serializers import ModelSerializer
from launchlibrary.images.serializers import ImageSerializer
from launchlibrary.landings.models import Landing, LandingLocation, LandingType
from launchlibrary.locations.serializers import (
    CelestialBodyNormalSerializer,
    LocationSerializerNoCelestialBody,
)


class LandingTypeSerializer(ModelSerializer):
    class Meta:
        model = LandingType
        fields = ["id", "name", "abbrev", "description"]


class LandingLocationSerializer(ModelSerializer):
    location = LocationSerializerNoCelestialBody()
    longitude = NumberField()
    latitude = NumberField()
    image = ImageSerializer()
    celestial_body = CelestialBodyNormalSerializer()

    class Meta:
        model = LandingLocation
        fields = [
            "id",
            "name",
            "active",
            "abbrev",
            "description",
            "location",
            "longitude",
            "latitude",
            "image",
            "successful_landings",
            "attempted_landings",
            "failed_landings",
            "celestial_body",
        ]


class LandingSerializer(ModelSerializer):
    url = ResourceUrlField(Landing.ll2_resource)
    downrange_distance = NumberField()
    landing_location = LandingLocationSerializer()
    type = LandingTypeSerializer()

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
        ]
