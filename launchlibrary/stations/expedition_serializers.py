"""Expeditions as their own endpoint and a spacewalk answer them, and the station form they
nest.

Kept apart from `serializers.py`, which nests the expedition's normal form in stations and
flights: these import from it, never the other way round.
"""

from launchlibrary.agencies.serializers import AgencyNormalSerializer
from launchlibrary.api.fields import ResponseModeField
from launchlibrary.astronauts.serializers import AstronautFlightSerializer
from launchlibrary.launches.serializers import MissionPatchSerializer
from launchlibrary.stations.serializers import (
    ExpeditionMiniSerializer,
    ExpeditionNormalSerializer,
    SpaceStationNormalSerializer,
)


class SpaceStationDetailedSerializer(SpaceStationNormalSerializer):
    owners = AgencyNormalSerializer(many=True)

    class Meta(SpaceStationNormalSerializer.Meta):
        fields = [*SpaceStationNormalSerializer.Meta.fields, "owners"]


class ExpeditionDetailedSerializer(ExpeditionNormalSerializer):
    response_mode = ResponseModeField("detailed")
    spacestation = SpaceStationDetailedSerializer()
    crew = AstronautFlightSerializer(many=True)

    class Meta(ExpeditionNormalSerializer.Meta):
        fields = [*ExpeditionNormalSerializer.Meta.fields, "crew"]


class ExpeditionNormalSerializerForSpacewalk(ExpeditionMiniSerializer):
    """The expedition a spacewalk was made in: its station and patches, not its spacewalks."""

    spacestation = SpaceStationNormalSerializer()
    mission_patches = MissionPatchSerializer(many=True)

    class Meta(ExpeditionMiniSerializer.Meta):
        fields = [*ExpeditionMiniSerializer.Meta.fields, "spacestation", "mission_patches"]
