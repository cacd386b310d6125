"""LL2's path over spacewalks."""

from launchlibrary.api.endpoint import Endpoint, Examples, register
from launchlibrary.spacewalks.endpoint_serializers import (
    SpacewalkEndpointDetailedSerializer,
    SpacewalkEndpointNormalSerializer,
)
from launchlibrary.spacewalks.filters import SpacewalkFilter
from launchlibrary.spacewalks.models import Spacewalk
from launchlibrary.spacewalks.serializers import SpacewalkListSerializer

spacewalks = register(
    Endpoint(
        path="spacewalks",
        queryset=Spacewalk.objects.all(),
        modes={
            "list": SpacewalkListSerializer,
            "normal": SpacewalkEndpointNormalSerializer,
            "detailed": SpacewalkEndpointDetailedSerializer,
        },
        default_mode="normal",
        detail_mode="detailed",
        list_schema="PolymorphicSpacewalkEndpoint",
        filterset=SpacewalkFilter,
        search=("crew__astronaut__name", "location", "name", "program__name"),
        ordering=("duration", "end", "id", "name", "start"),
        examples=Examples(
            mode="list",
            filter="program__name=Apollo",
            search="Hubble",
            ordering="-duration",
        ),
    )
)
