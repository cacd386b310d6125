"""The launch in detail: `LaunchDetailed`, and its rocket, `RocketDetailed`.

The rocket lists the spacecraft flights and payload flights it carries, whose serializers
live in the stations app and themselves nest launches. Kept apart from `serializers.py`,
which those apps import, so that neither import runs in a circle.
"""

from launchlibrary.agencies.serializers import AgencyDetailedSerializer
from launchlibrary.api.fields import ISODurationField, ResponseModeField
from launchlibrary.api.serializers import ModelSerializer
from launchlibrary.launches.models import Rocket
from launchlibrary.launches.serializers import (
    FirstStageNormalSerializer,
    InfoURLSerializer,
    LauncherConfigDetailedSerializer,
    LaunchNormalSerializer,
    MissionPatchSerializer,
    TimelineEventSerializer,
    UpdateSerializer,
    VidURLSerializer,
)
from launchlibrary.stations.serializers import (
    PayloadFlightSerializerNoLaunch,
    SpacecraftFlightDetailedSerializerNoLaunch,
)


class RocketDetailedSerializer(ModelSerializer):
    configuration = LauncherConfigDetailedSerializer()
    launcher_stage = FirstStageNormalSerializer(many=True)
    spacecraft_stage = SpacecraftFlightDetailedSerializerNoLaunch(
        source="spacecraftflight", many=True
    )
    payloads = PayloadFlightSerializerNoLaunch(many=True)

    class Meta:
        model = Rocket
        fields = ["id", "configuration", "launcher_stage", "spacecraft_stage", "payloads"]


class LaunchDetailedSerializer(LaunchNormalSerializer):
    response_mode = ResponseModeField("detailed")
    launch_service_provider = AgencyDetailedSerializer()
    rocket = RocketDetailedSerializer()
    updates = UpdateSerializer(many=True)
    info_urls = InfoURLSerializer(many=True)
    vid_urls = VidURLSerializer(many=True)
    timeline = TimelineEventSerializer(many=True)
    pad_turnaround = ISODurationField()
    mission_patches = MissionPatchSerializer(many=True)

    class Meta(LaunchNormalSerializer.Meta):
        fields = [
            *LaunchNormalSerializer.Meta.fields,
            "flightclub_url",
            "updates",
            "info_urls",
            "vid_urls",
            "timeline",
            "pad_turnaround",
            "mission_patches",
        ]
