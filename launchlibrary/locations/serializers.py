"""Serializers named after the schemas of LL2's 2.3.0 spec, fields in the spec's order."""

from launchlibrary.api.fields import NumberField, ResourceUrlField, ResponseModeField
from launchlibrary.api.serializers import ModelSerializer
from launchlibrary.images.serializers import ImageSerializer
from launchlibrary.locations.models import CelestialBody, CelestialBodyType, Country, Location


class CountrySerializer(ModelSerializer):
    class Meta:
        model = Country
        fields = [
            "id",
            "name",
            "alpha_2_code",
            "alpha_3_code",
            "nationality_name",
            "nationality_name_composed",
        ]


class CelestialBodyTypeSerializer(ModelSerializer):
    class Meta:
        model = CelestialBodyType
        fields = ["id", "name"]


class CelestialBodyMiniSerializer(ModelSerializer):
    response_mode = ResponseModeField("list")

    class Meta:
        model = CelestialBody
        fields = ["response_mode", "id", "name"]


class CelestialBodyNormalSerializer(ModelSerializer):
    response_mode = ResponseModeField("normal")
    type = CelestialBodyTypeSerializer()
    diameter = NumberField()
    mass = NumberField()
    gravity = NumberField()
    image = ImageSerializer()

    class Meta:
        model = CelestialBody
        fields = [
            "response_mode",
            "id",
            "name",
            "type",
            "diameter",
            "mass",
            "gravity",
            "length_of_day",
            "atmosphere",
            "image",
            "description",
            "wiki_url",
        ]


class CelestialBodyDetailedSerializer(CelestialBodyNormalSerializer):
    class Meta(CelestialBodyNormalSerializer.Meta):
        fields = [
            *CelestialBodyNormalSerializer.Meta.fields,
            "total_attempted_launches",
            "successful_launches",
            "failed_launches",
            "total_attempted_landings",
            "successful_landings",
            "failed_landings",
        ]


class LocationSerializerNoCelestialBody(ModelSerializer):
    response_mode = ResponseModeField("normal")
    url = ResourceUrlField(Location.ll2_resource)
    country = CountrySerializer()
    image = ImageSerializer()
    longitude = NumberField()
    latitude = NumberField()

    class Meta:
        model = Location
        fields = [
            "response_mode",
            "id",
            "url",
            "name",
            "active",
            "country",
            "description",
            "image",
            "map_image",
            "longitude",
            "latitude",
            "timezone_name",
            "total_launch_count",
            "total_landing_count",
        ]


class LocationSerializer(LocationSerializerNoCelestialBody):
    celestial_body = CelestialBodyDetailedSerializer()

    class Meta(LocationSerializerNoCelestialBody.Meta):
        fields = [
            "response_mode",
            "id",
            "url",
            "name",
            "celestial_body",
            "active",
            "country",
            "description",
            "image",
            "map_image",
            "longitude",
            "latitude",
            "timezone_name",
            "total_launch_count",
            "total_landing_count",
        ]


class CelestialBodyEndpointDetailedSerializer(CelestialBodyDetailedSerializer):
    response_mode = ResponseModeField("detailed")
    locations = LocationSerializerNoCelestialBody(many=True)

    class Meta(CelestialBodyDetailedSerializer.Meta):
        fields = [*CelestialBodyDetailedSerializer.Meta.fields, "locations"]
