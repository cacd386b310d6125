"""Serializers named after the schemas of LL2's 2.3.0 spec, fields in the spec's order."""

from launchlibrary.api.fields import ResourceUrlField
from launchlibrary.api.serializers import ModelSerializer
from launchlibrary.events.models import Event, EventType
from launchlibrary.images.serializers import ImageSerializer
from launchlibrary.launches.serializers import (
    InfoURLSerializer,
    NetPrecisionSerializer,
    VidURLSerializer,
)


class EventTypeSerializer(ModelSerializer):
    class Meta:
        model = EventType
        fields = ["id", "name"]


class EventMiniSerializer(ModelSerializer):
    url = ResourceUrlField(Event.ll2_resource)
    info_urls = InfoURLSerializer(many=True)
    vid_urls = VidURLSerializer(many=True)
    image = ImageSerializer()

    class Meta:
        model = Event
        fields = ["id", "url", "name", "info_urls", "vid_urls", "image", "date"]


class EventNormalSerializer(EventMiniSerializer):
    type = EventTypeSerializer()
    date_precision = NetPrecisionSerializer()

    class Meta(EventMiniSerializer.Meta):
        fields = [
            *EventMiniSerializer.Meta.fields,
            "slug",
            "type",
            "description",
            "webcast_live",
            "location",
            "date_precision",
        ]
