"""Serializers named after the schemas of LL2's 2.3.0 spec, fields in the spec's order.

`upcoming` and `previous` are the dashboard's launches and events split by the clock
(`launchlibrary.launches.clock`): the nearest first, at most `limit` of each (see
`split.py`).
"""

from typing import Any

from rest_framework import serializers

from launchlibrary.api.fields import ResponseModeField
from launchlibrary.api.prefetch import eager
from launchlibrary.api.serializers import ModelSerializer
from launchlibrary.dashboard import split
from launchlibrary.dashboard.models import Dashboard, LiveStream, Notice, RoadClosure
from launchlibrary.events.endpoint_serializers import EventEndpointListSerializer
from launchlibrary.events.serializers import EventNormalSerializer
from launchlibrary.launches.endpoint_serializers import LaunchDetailedSerializer
from launchlibrary.launches.serializers import (
    LaunchBasicSerializer,
    LauncherDetailedSerializer,
    LaunchNormalSerializer,
    NoticeTypeSerializer,
    RoadClosureStatusSerializer,
    UpdateSerializer,
)
from launchlibrary.spacecraft.serializers import SpacecraftNormalSerializer


class RoadClosureSerializer(ModelSerializer):
    status = RoadClosureStatusSerializer()

    class Meta:
        model = RoadClosure
        fields = ["id", "title", "status", "window_start", "window_end"]


class NoticeSerializer(ModelSerializer):
    type = NoticeTypeSerializer()

    class Meta:
        model = Notice
        fields = ["id", "type", "date", "url"]


class VidURLsSerializer(ModelSerializer):
    class Meta:
        model = LiveStream
        fields = ["title", "description", "image", "url"]


class LaunchAndEventsListSerializer(serializers.Serializer):
    """One side of the clock (`upcoming=True` or not) of a dashboard's launches and events."""

    launches = LaunchBasicSerializer(many=True)
    events = EventEndpointListSerializer(many=True)

    def __init__(self, *args: Any, upcoming: bool = True, **kwargs: Any) -> None:
        self.upcoming = upcoming
        # The dashboard itself is read: the split is made from it when serialized.
        super().__init__(*args, source="*", **kwargs)

    def to_representation(self, dashboard: Dashboard) -> dict:
        limit = split.limit(self.context.get("request"))
        launches, events = split.side(dashboard, upcoming=self.upcoming, limit=limit)
        launches_field, events_field = self.fields["launches"], self.fields["events"]
        return {
            "launches": launches_field.to_representation(
                eager(launches, type(launches_field.child))
            ),
            "events": events_field.to_representation(eager(events, type(events_field.child))),
        }


class LaunchAndEventsNormalSerializer(LaunchAndEventsListSerializer):
    launches = LaunchNormalSerializer(many=True)
    events = EventNormalSerializer(many=True)


class LaunchAndEventsDetailedSerializer(LaunchAndEventsListSerializer):
    launches = LaunchDetailedSerializer(many=True)
    events = EventNormalSerializer(many=True)


class StarshipDashboardListSerializer(ModelSerializer):
    response_mode = ResponseModeField("list")
    updates = UpdateSerializer(many=True)
    live_streams = VidURLsSerializer(many=True)
    road_closures = RoadClosureSerializer(many=True)
    notices = NoticeSerializer(many=True)
    vehicles = LauncherDetailedSerializer(many=True)
    orbiters = SpacecraftNormalSerializer(many=True)
    upcoming = LaunchAndEventsListSerializer(upcoming=True)
    previous = LaunchAndEventsListSerializer(upcoming=False)

    class Meta:
        model = Dashboard
        fields = [
            "response_mode",
            "updates",
            "live_streams",
            "road_closures",
            "notices",
            "vehicles",
            "orbiters",
            "upcoming",
            "previous",
        ]


class StarshipDashboardNormalSerializer(StarshipDashboardListSerializer):
    response_mode = ResponseModeField("normal")
    upcoming = LaunchAndEventsNormalSerializer(upcoming=True)
    previous = LaunchAndEventsNormalSerializer(upcoming=False)


class StarshipDashboardDetailedSerializer(StarshipDashboardListSerializer):
    response_mode = ResponseModeField("detailed")
    upcoming = LaunchAndEventsDetailedSerializer(upcoming=True)
    previous = LaunchAndEventsDetailedSerializer(upcoming=False)
