"""Serializers named after the schemas of LL2's 2.3.0 spec, fields in the spec's order."""

from launchlibrary.agencies.serializers import (
    AgencyDetailedSerializer,
    AgencyMiniSerializer,
    AgencyNormalSerializer,
)
from launchlibrary.api.fields import (
    ISODurationField,
    NameSerializer,
    NumberField,
    ResourceUrlField,
    ResponseModeField,
)
from launchlibrary.api.serializers import ModelSerializer
from launchlibrary.images.serializers import ImageSerializer
from launchlibrary.landings.serializers import LandingSerializer
from launchlibrary.launches.models import (
    LAUNCHER_COUNTS,
    FirstStage,
    FirstStageType,
    InfoURL,
    InfoURLType,
    Language,
    Launch,
    Launcher,
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
    TimelineEvent,
    TimelineEventType,
    Update,
    VidURL,
    VidURLType,
)
from launchlibrary.locations.serializers import (
    CelestialBodyMiniSerializer,
    CountrySerializer,
    LocationSerializer,
)


class LaunchStatusSerializer(ModelSerializer):
    class Meta:
        model = LaunchStatus
        fields = ["id", "name", "abbrev", "description"]


class NetPrecisionSerializer(ModelSerializer):
    class Meta:
        model = NetPrecision
        fields = ["id", "name", "abbrev", "description"]


class LauncherConfigFamilyMiniSerializer(ModelSerializer):
    response_mode = ResponseModeField("list")

    class Meta:
        model = LauncherConfigFamily
        fields = ["response_mode", "id", "name"]


class LauncherConfigListSerializer(ModelSerializer):
    response_mode = ResponseModeField("list")
    url = ResourceUrlField(LauncherConfig.ll2_resource)
    families = LauncherConfigFamilyMiniSerializer(many=True)

    class Meta:
        model = LauncherConfig
        fields = ["response_mode", "id", "url", "name", "families", "full_name", "variant"]


class RocketNormalSerializer(ModelSerializer):
    configuration = LauncherConfigListSerializer()

    class Meta:
        model = Rocket
        fields = ["id", "configuration"]


class OrbitSerializer(ModelSerializer):
    celestial_body = CelestialBodyMiniSerializer()

    class Meta:
        model = Orbit
        fields = ["id", "name", "abbrev", "celestial_body"]


class LanguageSerializer(ModelSerializer):
    class Meta:
        model = Language
        fields = ["id", "name", "code"]


class InfoURLTypeSerializer(ModelSerializer):
    class Meta:
        model = InfoURLType
        fields = ["id", "name"]


class VidURLTypeSerializer(ModelSerializer):
    class Meta:
        model = VidURLType
        fields = ["id", "name"]


class InfoURLSerializer(ModelSerializer):
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


class VidURLSerializer(ModelSerializer):
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


class MissionTypeSerializer(ModelSerializer):
    class Meta:
        model = MissionType
        fields = ["id", "name"]


class MissionTypeNameSerializer(NameSerializer):
    """A mission's type as LL2 prints it: the type's name alone, `""` for a mission without."""

    def get_attribute(self, instance: Mission) -> MissionType:
        # The parent would print a missing type as null; a type of no name prints "".
        return super().get_attribute(instance) or MissionType(name="")


class MissionSerializer(ModelSerializer):
    type = MissionTypeNameSerializer()
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


class LauncherStatusSerializer(ModelSerializer):
    class Meta:
        model = LauncherStatus
        fields = ["id", "name"]


class FirstStageTypeSerializer(ModelSerializer):
    class Meta:
        model = FirstStageType
        fields = ["id", "name"]


class TimelineEventTypeSerializer(ModelSerializer):
    class Meta:
        model = TimelineEventType
        fields = ["id", "abbrev", "description"]


class NoticeTypeSerializer(ModelSerializer):
    class Meta:
        model = NoticeType
        fields = ["id", "name"]


class RoadClosureStatusSerializer(ModelSerializer):
    class Meta:
        model = RoadClosureStatus
        fields = ["id", "name"]


class ProgramTypeSerializer(ModelSerializer):
    class Meta:
        model = ProgramType
        fields = ["id", "name"]


class MissionPatchSerializer(ModelSerializer):
    agency = AgencyMiniSerializer()
    response_mode = ResponseModeField("normal")

    class Meta:
        model = MissionPatch
        fields = ["id", "name", "priority", "image_url", "agency", "response_mode"]


class ProgramMiniSerializer(ModelSerializer):
    response_mode = ResponseModeField("list")
    url = ResourceUrlField(Program.ll2_resource)
    image = ImageSerializer()

    class Meta:
        model = Program
        fields = ["response_mode", "id", "url", "name", "image", "info_url", "wiki_url"]


class ProgramNormalSerializer(ProgramMiniSerializer):
    response_mode = ResponseModeField("normal")
    agencies = AgencyMiniSerializer(many=True)
    mission_patches = MissionPatchSerializer(many=True)
    type = ProgramTypeSerializer()

    class Meta(ProgramMiniSerializer.Meta):
        fields = [
            *ProgramMiniSerializer.Meta.fields,
            "description",
            "agencies",
            "start_date",
            "end_date",
            "mission_patches",
            "type",
        ]


class PadSerializerNoLocation(ModelSerializer):
    """A pad in its location's `pads`."""

    url = ResourceUrlField(Pad.ll2_resource)
    agencies = AgencyMiniSerializer(many=True)
    image = ImageSerializer()
    latitude = NumberField()
    longitude = NumberField()
    country = CountrySerializer()
    fastest_turnaround = ISODurationField()

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
        ]


class PadSerializer(PadSerializerNoLocation):
    agencies = AgencyNormalSerializer(many=True)
    location = LocationSerializer()

    class Meta(PadSerializerNoLocation.Meta):
        fields = [*PadSerializerNoLocation.Meta.fields, "location"]


class LocationSerializerWithPads(LocationSerializer):
    """A location with its pads, in the order LL2 lists them (see `Pad.position`).

    Declared here rather than beside the other locations: a pad nests agencies, whose
    serializers import the locations' own.
    """

    response_mode = ResponseModeField("detailed")
    pads = PadSerializerNoLocation(many=True)

    class Meta(LocationSerializer.Meta):
        fields = [*LocationSerializer.Meta.fields, "pads"]


class LaunchMiniSerializer(ModelSerializer):
    url = ResourceUrlField(Launch.ll2_resource)

    class Meta:
        model = Launch
        fields = ["id", "url", "name"]


class LaunchBasicSerializer(LaunchMiniSerializer):
    response_mode = ResponseModeField("list")
    status = LaunchStatusSerializer()
    net_precision = NetPrecisionSerializer()
    image = ImageSerializer()

    class Meta(LaunchMiniSerializer.Meta):
        fields = [
            *LaunchMiniSerializer.Meta.fields,
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
        ]


class LaunchNormalSerializer(LaunchBasicSerializer):
    response_mode = ResponseModeField("normal")
    launch_service_provider = AgencyMiniSerializer()
    rocket = RocketNormalSerializer()
    mission = MissionSerializer()
    pad = PadSerializer()
    program = ProgramNormalSerializer(many=True)

    class Meta(LaunchBasicSerializer.Meta):
        fields = [
            *LaunchBasicSerializer.Meta.fields,
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


class LauncherConfigFamilyNormalSerializer(LauncherConfigFamilyMiniSerializer):
    response_mode = ResponseModeField("normal")
    manufacturer = AgencyNormalSerializer(many=True)
    parent = LauncherConfigFamilyMiniSerializer()

    class Meta(LauncherConfigFamilyMiniSerializer.Meta):
        fields = [*LauncherConfigFamilyMiniSerializer.Meta.fields, "manufacturer", "parent"]


class LauncherConfigFamilyDetailedSerializer(LauncherConfigFamilyNormalSerializer):
    response_mode = ResponseModeField("detailed")
    manufacturer = AgencyDetailedSerializer(many=True)
    parent = LauncherConfigFamilyNormalSerializer()

    class Meta(LauncherConfigFamilyNormalSerializer.Meta):
        fields = [
            *LauncherConfigFamilyNormalSerializer.Meta.fields,
            "description",
            "active",
            "maiden_flight",
            *LAUNCHER_COUNTS,
        ]


class LauncherConfigNormalSerializer(LauncherConfigListSerializer):
    response_mode = ResponseModeField("normal")
    families = LauncherConfigFamilyNormalSerializer(many=True)
    manufacturer = AgencyNormalSerializer()
    program = ProgramNormalSerializer(many=True)
    image = ImageSerializer()

    class Meta(LauncherConfigListSerializer.Meta):
        fields = [
            *LauncherConfigListSerializer.Meta.fields,
            "active",
            "is_placeholder",
            "manufacturer",
            "program",
            "reusable",
            "image",
            "info_url",
            "wiki_url",
        ]


class LauncherConfigDetailedSerializer(LauncherConfigNormalSerializer):
    response_mode = ResponseModeField("detailed")
    families = LauncherConfigFamilyDetailedSerializer(many=True)
    manufacturer = AgencyDetailedSerializer()
    fastest_turnaround = ISODurationField()

    class Meta(LauncherConfigNormalSerializer.Meta):
        fields = [
            *LauncherConfigNormalSerializer.Meta.fields,
            "description",
            "alias",
            "min_stage",
            "max_stage",
            "length",
            "diameter",
            "maiden_flight",
            "launch_cost",
            "launch_mass",
            "leo_capacity",
            "gto_capacity",
            "geo_capacity",
            "sso_capacity",
            "to_thrust",
            "apogee",
            *LAUNCHER_COUNTS,
            "fastest_turnaround",
        ]


class LauncherConfigDetailedSerializerNoManufacturer(LauncherConfigDetailedSerializer):
    """A configuration in its manufacturer's `launcher_list`, where the agency is known."""

    class Meta(LauncherConfigDetailedSerializer.Meta):
        fields = [
            field
            for field in LauncherConfigDetailedSerializer.Meta.fields
            if field != "manufacturer"
        ]


class LauncherMiniSerializer(ModelSerializer):
    response_mode = ResponseModeField("list")
    url = ResourceUrlField(Launcher.ll2_resource)
    status = LauncherStatusSerializer()
    image = ImageSerializer()

    class Meta:
        model = Launcher
        fields = [
            "response_mode",
            "id",
            "url",
            "flight_proven",
            "serial_number",
            "is_placeholder",
            "status",
            "image",
        ]


class LauncherNormalSerializer(LauncherMiniSerializer):
    response_mode = ResponseModeField("normal")
    fastest_turnaround = ISODurationField()

    class Meta(LauncherMiniSerializer.Meta):
        fields = [
            *LauncherMiniSerializer.Meta.fields,
            "details",
            "successful_landings",
            "attempted_landings",
            "flights",
            "last_launch_date",
            "first_launch_date",
            "fastest_turnaround",
        ]


class LauncherDetailedSerializer(LauncherNormalSerializer):
    response_mode = ResponseModeField("detailed")
    launcher_config = LauncherConfigListSerializer()

    class Meta(LauncherNormalSerializer.Meta):
        fields = [*LauncherNormalSerializer.Meta.fields, "launcher_config"]


class FirstStageTypeNameSerializer(NameSerializer):
    """A first stage's type as LL2 prints it: its name (`Core`, `Booster`)."""


class FirstStageMiniSerializer(ModelSerializer):
    type = FirstStageTypeNameSerializer()
    launcher = LauncherMiniSerializer()
    turn_around_time = ISODurationField()

    class Meta:
        model = FirstStage
        fields = [
            "id",
            "type",
            "reused",
            "launcher_flight_number",
            "launcher",
            "previous_flight_date",
            "turn_around_time",
        ]


class FirstStageNormalSerializerNoLanding(FirstStageMiniSerializer):
    """A first stage in its landing's detail, where the landing is known."""

    launcher = LauncherNormalSerializer()
    previous_flight = LaunchMiniSerializer()

    class Meta(FirstStageMiniSerializer.Meta):
        fields = [*FirstStageMiniSerializer.Meta.fields, "previous_flight"]


class FirstStageNormalSerializer(FirstStageNormalSerializerNoLanding):
    landing = LandingSerializer()

    class Meta(FirstStageNormalSerializerNoLanding.Meta):
        fields = [*FirstStageMiniSerializer.Meta.fields, "landing", "previous_flight"]


class FirstStageDetailedSerializerNoLanding(FirstStageNormalSerializerNoLanding):
    previous_flight = LaunchNormalSerializer()


class TimelineEventSerializer(ModelSerializer):
    type = TimelineEventTypeSerializer()
    relative_time = ISODurationField()

    class Meta:
        model = TimelineEvent
        fields = ["type", "relative_time"]


class UpdateSerializer(ModelSerializer):
    class Meta:
        model = Update
        fields = ["id", "profile_image", "comment", "info_url", "created_by", "created_on"]
