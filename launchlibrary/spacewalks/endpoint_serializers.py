"""Spacewalks as their own endpoint answers them: with where they were made from (station,
expedition, spacecraft flight), the event that told of them and their programs.

Kept apart from `serializers.py`, which stations and astronauts import (an expedition lists
its spacewalks), so that no import runs in a circle.
"""

from launchlibrary.api.fields import ResponseModeField
from launchlibrary.events.serializers import EventMiniSerializer, EventNormalSerializer
from launchlibrary.launches.serializers import ProgramMiniSerializer, ProgramNormalSerializer
from launchlibrary.spacecraft.serializers import SpacecraftFlightNormalSerializer
from launchlibrary.spacewalks.serializers import SpacewalkNormalSerializer
from launchlibrary.stations.expedition_serializers import ExpeditionNormalSerializerForSpacewalk
from launchlibrary.stations.serializers import (
    ExpeditionMiniSerializer,
    SpacecraftFlightDetailedSerializer,
    SpaceStationMiniSerializer,
    SpaceStationNormalSerializer,
)


class SpacewalkEndpointNormalSerializer(SpacewalkNormalSerializer):
    response_mode = ResponseModeField("normal")
    spacestation = SpaceStationMiniSerializer()
    expedition = ExpeditionMiniSerializer()
    spacecraft_flight = SpacecraftFlightNormalSerializer()
    event = EventMiniSerializer()
    program = ProgramMiniSerializer(many=True)

    class Meta(SpacewalkNormalSerializer.Meta):
        fields = [
            *SpacewalkNormalSerializer.Meta.fields,
            "spacestation",
            "expedition",
            "spacecraft_flight",
            "event",
            "program",
        ]


class SpacewalkEndpointDetailedSerializer(SpacewalkEndpointNormalSerializer):
    response_mode = ResponseModeField("detailed")
    spacestation = SpaceStationNormalSerializer()
    expedition = ExpeditionNormalSerializerForSpacewalk()
    spacecraft_flight = SpacecraftFlightDetailedSerializer()
    event = EventNormalSerializer()
    program = ProgramNormalSerializer(many=True)
