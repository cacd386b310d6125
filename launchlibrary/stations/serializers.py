"""Serializers named after the schemas of LL2's 2.3.0 spec, fields in the spec's order."""

from launchlibrary.api.serializers import ModelSerializer
from launchlibrary.stations.models import SpaceStationStatus


class SpaceStationStatusSerializer(ModelSerializer):
    class Meta:
        model = SpaceStationStatus
        fields = ["id", "name"]
