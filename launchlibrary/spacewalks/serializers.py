"""Serializers named after the schemas of LL2's 2.3.0 spec, fields in the spec's order."""

from launchlibrary.api.fields import ISODurationField, ResourceUrlField, ResponseModeField
from launchlibrary.api.serializers import ModelSerializer
from launchlibrary.astronauts.serializers import AstronautFlightSerializer
from launchlibrary.spacewalks.models import Spacewalk


class SpacewalkListSerializer(ModelSerializer):
    response_mode = ResponseModeField("list")
    url = ResourceUrlField(Spacewalk.ll2_resource)
    duration = ISODurationField()

    class Meta:
        model = Spacewalk
        fields = ["response_mode", "id", "url", "name", "start", "end", "duration", "location"]


class SpacewalkNormalSerializer(SpacewalkListSerializer):
    response_mode = ResponseModeField("normal")
    crew = AstronautFlightSerializer(many=True)

    class Meta(SpacewalkListSerializer.Meta):
        fields = [*SpacewalkListSerializer.Meta.fields, "crew"]
