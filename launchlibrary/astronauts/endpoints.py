"""LL2's path over astronauts."""

from launchlibrary.api.endpoint import Endpoint, Examples, register
from launchlibrary.astronauts.endpoint_serializers import (
    AstronautEndpointDetailedSerializer,
    AstronautEndpointNormalSerializer,
)
from launchlibrary.astronauts.filters import AstronautFilter
from launchlibrary.astronauts.models import Astronaut
from launchlibrary.astronauts.serializers import AstronautDetailedSerializer

astronauts = register(
    Endpoint(
        path="astronauts",
        queryset=Astronaut.objects.all(),
        modes={
            "list": AstronautDetailedSerializer,
            "normal": AstronautEndpointNormalSerializer,
            "detailed": AstronautEndpointDetailedSerializer,
        },
        default_mode="normal",
        detail_mode="detailed",
        list_schema="PolymorphicAstronautEndpoint",
        filterset=AstronautFilter,
        search=("agency__abbrev", "agency__name", "name", "nationality__nationality_name"),
        ordering=(
            "age",
            "date_of_birth",
            "eva_time",
            "flights_count",
            "id",
            "landings_count",
            "last_flight",
            "name",
            "spacewalks_count",
            "status",
            "time_in_space",
        ),
        examples=Examples(
            mode="list",
            filter="has_flown=true",
            search="Pesquet",
            ordering="-time_in_space",
        ),
        notes=(
            "`has_flown=True` lists the astronauts with at least one flight that has "
            "launched (`flights_count` above 0), `False` the others. `is_human=True` leaves "
            "out the astronauts of the `Non-Human` type (animals), `False` lists them alone. "
            "`nationality` is a nationality's name, in any case (`French`); `agency_ids` and "
            "`status_ids` are comma-separated ids, any of which matches."
        ),
    )
)
