"""Serializers named after the schemas of LL2's 2.3.0 spec, fields in the spec's order."""

from rest_framework import serializers

from launchlibrary.astronauts.models import AstronautRole, AstronautStatus, AstronautType


class AstronautRoleSerializer(serializers.ModelSerializer):
    class Meta:
        model = AstronautRole
        fields = ["id", "role", "priority"]


class AstronautStatusSerializer(serializers.ModelSerializer):
    class Meta:
        model = AstronautStatus
        fields = ["id", "name"]


class AstronautTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = AstronautType
        fields = ["id", "name"]
