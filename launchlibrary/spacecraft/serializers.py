"""Serializers named after the schemas of LL2's 2.3.0 spec, fields in the spec's order."""

from launchlibrary.agencies.serializers import AgencyMiniSerializer, AgencyNormalSerializer
from launchlibrary.api.fields import (
    ISODurationField,
    NumberField,
    ResourceUrlField,
    ResponseModeField,
)
from launchlibrary.api.serializers import ModelSerializer
from launchlibrary.images.serializers import ImageSerializer
from launchlibrary.landings.serializers import LandingSerializer
from launchlibrary.launches.serializers import LaunchMiniSerializer, LaunchNormalSerializer
from launchlibrary.spacecraft.models import (
    Spacecraft,
    SpacecraftConfig,
    SpacecraftConfigFamily,
    SpacecraftConfigType,
    SpacecraftFlight,
    SpacecraftStatus,
)


class SpacecraftStatusSerializer(ModelSerializer):
    class Meta:
        model = SpacecraftStatus
        fields = ["id", "name"]


class SpacecraftConfigTypeSerializer(ModelSerializer):
    class Meta:
        model = SpacecraftConfigType
        fields = ["id", "name"]


class SpacecraftConfigFamilyMiniSerializer(ModelSerializer):
    response_mode = ResponseModeField("list")

    class Meta:
        model = SpacecraftConfigFamily
        fields = ["response_mode", "id", "name"]


class SpacecraftConfigFamilyNormalSerializer(ModelSerializer):
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


class SpacecraftConfigNormalSerializer(ModelSerializer):
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


class SpacecraftNormalSerializer(ModelSerializer):
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


class SpacecraftConfigFamilyDetailedSerializer(SpacecraftConfigFamilyNormalSerializer):
    manufacturer = AgencyNormalSerializer()
    parent = SpacecraftConfigFamilyNormalSerializer()

    class Meta(SpacecraftConfigFamilyNormalSerializer.Meta):
        fields = [
            *SpacecraftConfigFamilyNormalSerializer.Meta.fields,
            "spacecraft_flown",
            "total_launch_count",
            "successful_launches",
            "failed_launches",
            "attempted_landings",
            "successful_landings",
            "failed_landings",
        ]


class SpacecraftConfigFamilyEndpointDetailedSerializer(SpacecraftConfigFamilyDetailedSerializer):
    """A family with its configurations, by name (see `SpacecraftConfig.Meta.ordering`)."""

    response_mode = ResponseModeField("detailed")
    spacecraft = SpacecraftConfigNormalSerializer(many=True)

    class Meta(SpacecraftConfigFamilyDetailedSerializer.Meta):
        fields = [*SpacecraftConfigFamilyDetailedSerializer.Meta.fields, "spacecraft"]


class SpacecraftConfigDetailedSerializer(SpacecraftConfigNormalSerializer):
    response_mode = ResponseModeField("detailed")
    agency = AgencyNormalSerializer()
    family = SpacecraftConfigFamilyDetailedSerializer(many=True)
    height = NumberField()
    diameter = NumberField()
    fastest_turnaround = ISODurationField()

    class Meta(SpacecraftConfigNormalSerializer.Meta):
        fields = [
            *SpacecraftConfigNormalSerializer.Meta.fields,
            "capability",
            "history",
            "details",
            "maiden_flight",
            "height",
            "diameter",
            "human_rated",
            "crew_capacity",
            "payload_capacity",
            "payload_return_capacity",
            "flight_life",
            "wiki_link",
            "info_link",
            "spacecraft_flown",
            "total_launch_count",
            "successful_launches",
            "failed_launches",
            "attempted_landings",
            "successful_landings",
            "failed_landings",
            "fastest_turnaround",
        ]


class SpacecraftDetailedSerializer(SpacecraftNormalSerializer):
    """The spacecraft nested in other resources' detailed forms (LL2 marks it `normal`)."""

    spacecraft_config = SpacecraftConfigDetailedSerializer()


class SpacecraftFlightMiniSerializerNoLanding(ModelSerializer):
    """A flight as its landing prints it in list mode. A flight prints the launch of the
    rocket that carried it."""

    url = ResourceUrlField(SpacecraftFlight.ll2_resource)
    spacecraft = SpacecraftNormalSerializer()
    launch = LaunchMiniSerializer(source="rocket.launch")
    duration = ISODurationField()
    turn_around_time = ISODurationField()

    class Meta:
        model = SpacecraftFlight
        fields = [
            "id",
            "url",
            "destination",
            "mission_end",
            "spacecraft",
            "launch",
            "duration",
            "turn_around_time",
        ]


class SpacecraftFlightMiniSerializer(SpacecraftFlightMiniSerializerNoLanding):
    landing = LandingSerializer()

    class Meta(SpacecraftFlightMiniSerializerNoLanding.Meta):
        fields = [
            "id",
            "url",
            "destination",
            "mission_end",
            "spacecraft",
            "launch",
            "landing",
            "duration",
            "turn_around_time",
        ]


class SpacecraftFlightNormalSerializerNoLanding(SpacecraftFlightMiniSerializerNoLanding):
    """A flight as its landing prints it in normal mode."""

    launch = LaunchNormalSerializer(source="rocket.launch")
    response_mode = ResponseModeField("normal")

    class Meta(SpacecraftFlightMiniSerializerNoLanding.Meta):
        fields = [*SpacecraftFlightMiniSerializerNoLanding.Meta.fields, "response_mode"]


class SpacecraftFlightNormalSerializer(SpacecraftFlightNormalSerializerNoLanding):
    landing = LandingSerializer()

    class Meta(SpacecraftFlightNormalSerializerNoLanding.Meta):
        fields = [*SpacecraftFlightMiniSerializer.Meta.fields, "response_mode"]


class SpacecraftEndpointDetailedSerializer(SpacecraftDetailedSerializer):
    response_mode = ResponseModeField("detailed")
    flights = SpacecraftFlightNormalSerializer(many=True)

    class Meta(SpacecraftDetailedSerializer.Meta):
        fields = [*SpacecraftDetailedSerializer.Meta.fields, "flights"]
