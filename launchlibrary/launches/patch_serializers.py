"""Mission patches as their own endpoint answers them in detailed mode: with the launches,
expeditions and programs that wear them.

Kept apart from `serializers.py`: expeditions nest patches (`stations.serializers`), so the
patch that nests expeditions imports from there, and nothing imports it back.
"""

from launchlibrary.agencies.serializers import AgencyDetailedSerializer
from launchlibrary.api.fields import ResponseModeField
from launchlibrary.launches.serializers import (
    LaunchNormalSerializer,
    MissionPatchSerializer,
    ProgramNormalSerializer,
)
from launchlibrary.stations.serializers import ExpeditionNormalSerializer


class MissionPatchDetailedSerializer(MissionPatchSerializer):
    agency = AgencyDetailedSerializer()
    response_mode = ResponseModeField("detailed")
    launches = LaunchNormalSerializer(many=True)
    expeditions = ExpeditionNormalSerializer(many=True)
    program = ProgramNormalSerializer(many=True)

    class Meta(MissionPatchSerializer.Meta):
        fields = [*MissionPatchSerializer.Meta.fields, "launches", "expeditions", "program"]
