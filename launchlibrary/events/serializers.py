"""Serializers named after the schemas of LL2's 2.3.0 spec, fields in the spec's order."""

from launchlibrary.api.serializers import ModelSerializer
from launchlibrary.events.models import EventType


class EventTypeSerializer(ModelSerializer):
    class Meta:
        model = EventType
        fields = ["id", "name"]
