"""Serializers named after the schemas of LL2's 2.3.0 spec, fields in the spec's order."""

from rest_framework import serializers

from launchlibrary.stations.models import SpaceStationStatus


class SpaceStationStatusSerializer(serializers.ModelSerializer):
    class Meta:
        model = SpaceStationStatus
        fields = ["id", "name"]
