"""Serializers named after the schemas of LL2's 2.3.0 spec, fields in the spec's order."""

from rest_framework import serializers

from launchlibrary.events.models import EventType


class EventTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = EventType
        fields = ["id", "name"]
