"""Astronauts as their own endpoint answers them: with the figures of their history and, in
detail, the launches they flew on, the flights they landed on and their spacewalks.

Kept apart from `serializers.py`, which the spacecraft, stations and spacewalks apps import
(a crew prints its astronauts), so that no import runs in a circle.
"""

from django.db.models import Q

from launchlibrary.api.fields import ResponseModeField
from launchlibrary.api.serializers import SelectedListSerializer
from launchlibrary.astronauts.serializers import AstronautDetailedSerializer
from launchlibrary.launches.serializers import LaunchNormalSerializer
from launchlibrary.spacecraft.serializers import SpacecraftFlightNormalSerializer
from launchlibrary.spacewalks.serializers import SpacewalkNormalSerializer


class AstronautEndpointNormalSerializer(AstronautDetailedSerializer):
    response_mode = ResponseModeField("normal")

    class Meta(AstronautDetailedSerializer.Meta):
        fields = [
            *AstronautDetailedSerializer.Meta.fields,
            "flights_count",
            "landings_count",
            "spacewalks_count",
        ]


class AstronautEndpointDetailedSerializer(AstronautEndpointNormalSerializer):
    response_mode = ResponseModeField("detailed")
    # In the order they happened, whatever order they were recorded in.
    flights = SelectedListSerializer(
        child=LaunchNormalSerializer(), where=Q(), order_by=("net", "id")
    )
    landings = SelectedListSerializer(
        child=SpacecraftFlightNormalSerializer(),
        where=Q(),
        order_by=("rocket__launch__net", "id"),
    )
    spacewalks = SelectedListSerializer(
        child=SpacewalkNormalSerializer(), where=Q(), order_by=("start", "id")
    )

    class Meta(AstronautEndpointNormalSerializer.Meta):
        fields = [
            *AstronautEndpointNormalSerializer.Meta.fields,
            "flights",
            "landings",
            "spacewalks",
        ]
