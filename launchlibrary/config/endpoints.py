"""LL2's `/config/*` lookup tables, one line each: every row in one schema, no filters."""

from launchlibrary.agencies.serializers import AgencyTypeSerializer
from launchlibrary.api.endpoint import lookup, register
from launchlibrary.astronauts.serializers import (
    AstronautRoleSerializer,
    AstronautStatusSerializer,
    AstronautTypeSerializer,
)
from launchlibrary.events.serializers import EventTypeSerializer
from launchlibrary.images.serializers import ImageLicenseSerializer, ImageVariantTypeSerializer
from launchlibrary.landings.serializers import LandingLocationSerializer, LandingTypeSerializer
from launchlibrary.launches.models import MissionType
from launchlibrary.launches.serializers import (
    FirstStageTypeSerializer,
    InfoURLTypeSerializer,
    LanguageSerializer,
    LauncherStatusSerializer,
    LaunchStatusSerializer,
    MissionTypeSerializer,
    NetPrecisionSerializer,
    NoticeTypeSerializer,
    OrbitSerializer,
    ProgramTypeSerializer,
    RoadClosureStatusSerializer,
    TimelineEventTypeSerializer,
    VidURLTypeSerializer,
)
from launchlibrary.locations.serializers import CelestialBodyTypeSerializer, CountrySerializer
from launchlibrary.payloads.serializers import PayloadTypeSerializer
from launchlibrary.spacecraft.serializers import (
    SpacecraftConfigTypeSerializer,
    SpacecraftStatusSerializer,
)
from launchlibrary.stations.serializers import SpaceStationStatusSerializer

register(lookup("config/agency_types", AgencyTypeSerializer))
register(lookup("config/astronaut_roles", AstronautRoleSerializer))
register(lookup("config/astronaut_statuses", AstronautStatusSerializer))
register(lookup("config/astronaut_types", AstronautTypeSerializer))
register(lookup("config/celestial_body_types", CelestialBodyTypeSerializer))
register(lookup("config/countries", CountrySerializer))
register(lookup("config/event_types", EventTypeSerializer))
register(lookup("config/first_stage_types", FirstStageTypeSerializer))
register(lookup("config/image_licenses", ImageLicenseSerializer))
register(lookup("config/image_variant_types", ImageVariantTypeSerializer))
register(lookup("config/infourl_types", InfoURLTypeSerializer))
register(lookup("config/landing_locations", LandingLocationSerializer))
register(lookup("config/landing_types", LandingTypeSerializer))
register(lookup("config/languages", LanguageSerializer))
register(lookup("config/launch_statuses", LaunchStatusSerializer))
register(lookup("config/launcher_statuses", LauncherStatusSerializer))
# Mission types made here from a name alone (ids below 0, see `MissionType`) are no rows of
# LL2's: the path serves LL2's own, which a mirror of this server can import back.
register(
    lookup("config/mission_types", MissionTypeSerializer).variant(
        "config/mission_types", MissionType.objects.filter(pk__gte=0)
    )
)
register(lookup("config/net_precisions", NetPrecisionSerializer))
register(lookup("config/notice_types", NoticeTypeSerializer))
register(lookup("config/orbits", OrbitSerializer))
register(lookup("config/payload_types", PayloadTypeSerializer))
register(lookup("config/program_types", ProgramTypeSerializer))
register(lookup("config/road_closure_statuses", RoadClosureStatusSerializer))
register(lookup("config/space_station_statuses", SpaceStationStatusSerializer))
register(lookup("config/spacecraft_configuration_types", SpacecraftConfigTypeSerializer))
register(lookup("config/spacecraft_statuses", SpacecraftStatusSerializer))
register(lookup("config/timeline_event_types", TimelineEventTypeSerializer))
register(lookup("config/vidurl_types", VidURLTypeSerializer))
