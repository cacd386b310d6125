"""Events as their own paths answer them: `EventEndpointList`, `...Normal`, `...Detailed`.

The detailed form nests launches, expeditions, stations, programs and astronauts, whose
serializers import `serializers.py` of this app (a spacewalk nests its event): kept apart
from it, so that no import runs in a circle.
"""

from launchlibrary.agencies.serializers import AgencyMiniSerializer
from launchlibrary.api.fields import ISODurationField, ResponseModeField
from launchlibrary.astronauts.serializers import AstronautNormalSerializer
from launchlibrary.events.serializers import EventNormalSerializer
from launchlibrary.launches.serializers import (
    LaunchBasicSerializer,
    ProgramNormalSerializer,
    UpdateSerializer,
)
from launchlibrary.stations.serializers import (
    ExpeditionNormalSerializer,
    SpaceStationNormalSerializer,
)


class EventEndpointListSerializer(EventNormalSerializer):
    response_mode = ResponseModeField("list")
    duration = ISODurationField()

    class Meta(EventNormalSerializer.Meta):
        fields = [*EventNormalSerializer.Meta.fields, "response_mode", "duration"]


class EventEndpointNormalSerializer(EventEndpointListSerializer):
    response_mode = ResponseModeField("normal")
    updates = UpdateSerializer(many=True)

    class Meta(EventEndpointListSerializer.Meta):
        fields = [*EventEndpointListSerializer.Meta.fields, "updates", "last_updated"]


class EventEndpointDetailedSerializer(EventEndpointNormalSerializer):
    response_mode = ResponseModeField("detailed")
    agencies = AgencyMiniSerializer(many=True)
    launches = LaunchBasicSerializer(many=True)
    expeditions = ExpeditionNormalSerializer(many=True)
    spacestations = SpaceStationNormalSerializer(many=True)
    program = ProgramNormalSerializer(many=True)
    astronauts = AstronautNormalSerializer(many=True)

    class Meta(EventEndpointNormalSerializer.Meta):
        fields = [
            *EventEndpointNormalSerializer.Meta.fields,
            "agencies",
            "launches",
            "expeditions",
            "spacestations",
            "program",
            "astronauts",
        ]
