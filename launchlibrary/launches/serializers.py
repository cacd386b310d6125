"""Serializers named after the schemas of LL2's 2.3.0 spec, fields in the spec's order."""

from rest_framework import serializers

from launchlibrary.agencies.serializers import (
    AgencyDetailedSerializer,
    AgencyMiniSerializer,
    AgencyNormalSerializer,
)
from launchlibrary.api.fields import (
    ISODurationField,
    NumberField,
    ResourceUrlField,
    ResponseModeField,
)
from launchlibrary.images.serializers import ImageSerializer
from launchlibrary.launches.models import (
    FirstStageType,
    InfoURL,
    InfoURLType,
    Language,
    Launch,
    LauncherConfig,
    LauncherConfigFamily,
    LauncherStatus,
    LaunchStatus,
    Mission,
    MissionPatch,
    MissionType,
    NetPrecision,
    NoticeType,
    Orbit,
    Pad,
    Program,
    ProgramType,
    RoadClosureStatus,
    Rocket,
    TimelineEventType,
    VidURL,
    VidURLType,
)
from launchlibrary.locations.serializers import (
    CelestialBodyMiniSerializer,
    CountrySerializer,
    LocationSerializer,
)


class LaunchStatusSerializer(serializers.ModelSerializer):
    class Meta:
        model = LaunchStatus
        fields = ["id", "name", "abbrev", "description"]


class NetPrecisionSerializer(serializers.ModelSerializer):
    class Meta:
        model = NetPrecision
        fields = ["id", "name", "abbrev", "description"]


class LauncherConfigFamilyMiniSerializer(serializers.ModelSerializer):
    response_mode = ResponseModeField("list")

    class Meta:
        model = LauncherConfigFamily
        fields = ["response_mode", "id", "name"]


class LauncherConfigListSerializer(serializers.ModelSerializer):
    response_mode = ResponseModeField("list")
    url = ResourceUrlField(LauncherConfig.ll2_resource)
    families = LauncherConfigFamilyMiniSerializer(many=True)

    class Meta:
        model = LauncherConfig
        fields = ["response_mode", "id", "url", "name", "families", "full_name", "variant"]


class RocketNormalSerializer(serializers.ModelSerializer):
    configuration = LauncherConfigListSerializer()

    class Meta:
        model = Rocket
        fields = ["id", "configuration"]


class OrbitSerializer(serializers.ModelSerializer):
    celestial_body = CelestialBodyMiniSerializer()

    class Meta:
        model = Orbit
        fields = ["id", "name", "abbrev", "celestial_body"]


class LanguageSerializer(serializers.ModelSerializer):
    class Meta:
        model = Language
        fields = ["id", "name", "code"]


class InfoURLTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = InfoURLType
        fields = ["id", "name"]


class VidURLTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = VidURLType
        fields = ["id", "name"]


class InfoURLSerializer(serializers.ModelSerializer):
    type = InfoURLTypeSerializer()
    language = LanguageSerializer()

    class Meta:
        model = InfoURL
        fields = [
            "priority",
            "source",
            "title",
            "description",
            "feature_image",
            "url",
            "type",
            "language",
        ]


class VidURLSerializer(serializers.ModelSerializer):
    type = VidURLTypeSerializer()
    language = LanguageSerializer()

    class Meta:
        model = VidURL
        fields = [
            "priority",
            "source",
            "publisher",
            "title",
            "description",
            "feature_image",
            "url",
            "type",
            "language",
            "start_time",
            "end_time",
            "live",
        ]


class MissionTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = MissionType
        fields = ["id", "name"]


class MissionTypeNameSerializer(serializers.Serializer):
    """A mission's type as LL2 prints it: the type's name alone, `""` for a mission without.

    A nested serializer rather than a related field, so that a page joins the types in (see
    `launchlibrary.api.prefetch`) and a renamed type renders the missions' documents again.
    """

    def get_attribute(self, instance: Mission) -> MissionType:
        # The parent would print a missing type as null; a type of no name prints "".
        return super().get_attribute(instance) or MissionType(name="")

    def to_representation(self, instance: MissionType) -> str:
        return instance.name


class MissionSerializer(serializers.ModelSerializer):
    type = MissionTypeNameSerializer(read_only=True)
    image = ImageSerializer()
    orbit = OrbitSerializer()
    agencies = AgencyDetailedSerializer(many=True)
    info_urls = InfoURLSerializer(many=True)
    vid_urls = VidURLSerializer(many=True)

    class Meta:
        model = Mission
        fields = [
            "id",
            "name",
            "type",
            "description",
            "image",
            "orbit",
            "agencies",
            "info_urls",
            "vid_urls",
        ]


class LauncherStatusSerializer(serializers.ModelSerializer):
    class Meta:
        model = LauncherStatus
        fields = ["id", "name"]


class FirstStageTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = FirstStageType
        fields = ["id", "name"]


class TimelineEventTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = TimelineEventType
        fields = ["id", "abbrev", "description"]


class NoticeTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = NoticeType
        fields = ["id", "name"]


class RoadClosureStatusSerializer(serializers.ModelSerializer):
    class Meta:
        model = RoadClosureStatus
        fields = ["id", "name"]


class ProgramTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProgramType
        fields = ["id", "name"]


class MissionPatchSerializer(serializers.ModelSerializer):
    agency = AgencyMiniSerializer()
    response_mode = ResponseModeField("normal")

    class Meta:
        model = MissionPatch
        fields = ["id", "name", "priority", "image_url", "agency", "response_mode"]


class ProgramNormalSerializer(serializers.ModelSerializer):
    response_mode = ResponseModeField("normal")
    url = ResourceUrlField(Program.ll2_resource)
    image = ImageSerializer()
    agencies = AgencyMiniSerializer(many=True)
    mission_patches = MissionPatchSerializer(many=True)
    type = ProgramTypeSerializer()

    class Meta:
        model = Program
        fields = [
            "response_mode",
            "id",
            "url",
            "name",
            "image",
            "info_url",
            "wiki_url",
            "description",
            "agencies",
            "start_date",
            "end_date",
            "mission_patches",
            "type",
        ]


class PadSerializer(serializers.ModelSerializer):
    url = ResourceUrlField(Pad.ll2_resource)
    agencies = AgencyNormalSerializer(many=True)
    image = ImageSerializer()
    latitude = NumberField()
    longitude = NumberField()
    country = CountrySerializer()
    fastest_turnaround = ISODurationField()
    location = LocationSerializer()

    class Meta:
        model = Pad
        fields = [
            "id",
            "url",
            "active",
            "agencies",
            "name",
            "image",
            "description",
            "info_url",
            "wiki_url",
            "map_url",
            "latitude",
            "longitude",
            "country",
            "map_image",
            "total_launch_count",
            "orbital_launch_attempt_count",
            "fastest_turnaround",
            "location",
        ]


class LaunchNormalSerializer(serializers.ModelSerializer):
    url = ResourceUrlField(Launch.ll2_resource)
    response_mode = ResponseModeField("normal")
    status = LaunchStatusSerializer()
    net_precision = NetPrecisionSerializer()
    image = ImageSerializer()
    launch_service_provider = AgencyMiniSerializer()
    rocket = RocketNormalSerializer()
    mission = MissionSerializer()
    pad = PadSerializer()
    program = ProgramNormalSerializer(many=True)

    class Meta:
        model = Launch
        fields = [
            "id",
            "url",
            "name",
            "response_mode",
            "slug",
            "launch_designator",
            "status",
            "last_updated",
            "net",
            "net_precision",
            "window_end",
            "window_start",
            "image",
            "infographic",
            "probability",
            "weather_concerns",
            "failreason",
            "hashtag",
            "launch_service_provider",
            "rocket",
            "mission",
            "pad",
            "webcast_live",
            "program",
            "orbital_launch_attempt_count",
            "location_launch_attempt_count",
            "pad_launch_attempt_count",
            "agency_launch_attempt_count",
            "orbital_launch_attempt_count_year",
            "location_launch_attempt_count_year",
            "pad_launch_attempt_count_year",
            "agency_launch_attempt_count_year",
        ]
