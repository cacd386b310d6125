"""Serializers named after the schemas of LL2's 2.3.0 spec, fields in the spec's order."""

from launchlibrary.api.serializers import ModelSerializer
from launchlibrary.astronauts.models import AstronautRole, AstronautStatus, AstronautType


class AstronautRoleSerializer(ModelSerializer):
    class Meta:
        model = AstronautRole
        fields = ["id", "role", "priority"]


class AstronautStatusSerializer(ModelSerializer):
    class Meta:
        model = AstronautStatus
        fields = ["id", "name"]


class AstronautTypeSerializer(ModelSerializer):
    class Meta:
        model = AstronautType
        fields = ["id", "name"]
