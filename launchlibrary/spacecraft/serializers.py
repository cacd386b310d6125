"""Serializers named after the schemas of LL2's 2.3.0 spec, fields in the spec's order."""

from rest_framework import serializers

from launchlibrary.agencies.serializers import AgencyMiniSerializer
from launchlibrary.api.fields import ISODurationField, ResourceUrlField, ResponseModeField
from launchlibrary.images.serializers import ImageSerializer
from launchlibrary.spacecraft.models import (
    Spacecraft,
    SpacecraftConfig,
    SpacecraftConfigFamily,
    SpacecraftConfigType,
    SpacecraftStatus,
)


class SpacecraftStatusSerializer(serializers.ModelSerializer):
    class Meta:
        model = SpacecraftStatus
        fields = ["id", "name"]


class SpacecraftConfigTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = SpacecraftConfigType
        fields = ["id", "name"]


class SpacecraftConfigFamilyMiniSerializer(serializers.ModelSerializer):
    response_mode = ResponseModeField("list")

    class Meta:
        model = SpacecraftConfigFamily
        fields = ["response_mode", "id", "name"]


class SpacecraftConfigFamilyNormalSerializer(serializers.ModelSerializer):
    response_mode = ResponseModeField("normal")
    manufacturer = AgencyMiniSerializer()
    parent = SpacecraftConfigFamilyMiniSerializer()

    class Meta:
        model = SpacecraftConfigFamily
        fields = [
            "response_mode",
            "id",
            "name",
            "description",
            "manufacturer",
            "parent",
            "maiden_flight",
        ]


class SpacecraftConfigNormalSerializer(serializers.ModelSerializer):
    response_mode = ResponseModeField("normal")
    url = ResourceUrlField(SpacecraftConfig.ll2_resource)
    type = SpacecraftConfigTypeSerializer()
    agency = AgencyMiniSerializer()
    family = SpacecraftConfigFamilyNormalSerializer(many=True)
    image = ImageSerializer()

    class Meta:
        model = SpacecraftConfig
        fields = [
            "response_mode",
            "id",
            "url",
            "name",
            "type",
            "agency",
            "family",
            "in_use",
            "image",
        ]


class SpacecraftNormalSerializer(serializers.ModelSerializer):
    response_mode = ResponseModeField("normal")
    url = ResourceUrlField(Spacecraft.ll2_resource)
    image = ImageSerializer()
    time_in_space = ISODurationField()
    time_docked = ISODurationField()
    status = SpacecraftStatusSerializer()
    spacecraft_config = SpacecraftConfigNormalSerializer()
    fastest_turnaround = ISODurationField()

    class Meta:
        model = Spacecraft
        fields = [
            "response_mode",
            "id",
            "url",
            "name",
            "serial_number",
            "is_placeholder",
            "image",
            "in_space",
            "time_in_space",
            "time_docked",
            "flights_count",
            "mission_ends_count",
            "status",
            "description",
            "spacecraft_config",
            "fastest_turnaround",
        ]
