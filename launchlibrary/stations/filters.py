"""The filters LL2 declares for space stations and docking events."""

import django_filters
from django.db.models import QuerySet

from launchlibrary.api.filters import (
    EXACT,
    NUMBER,
    RANGE,
    TEXT,
    IntegerListFilter,
    LL2FilterSet,
)
from launchlibrary.launches.models import Orbit
from launchlibrary.stations.models import DockingEvent, Expedition, SpaceStation


class SpaceStationFilter(LL2FilterSet):
    # The spec names no field for these three; what each reads is chosen here.
    # Stations in the orbit of that id (`/config/orbits/`): a station names its orbit.
    orbit = django_filters.ModelChoiceFilter(queryset=Orbit.objects.all(), method="filter_in_orbit")
    # Stations any of whose owners is one of the agencies given by id: `owner__ids=16,27`.
    owner__ids = IntegerListFilter(field_name="owners", lookup_expr="in", distinct=True)
    # Stations of any of the statuses given by id (`/config/space_station_statuses/`).
    status__ids = IntegerListFilter(field_name="status", lookup_expr="in")

    class Meta:
        model = SpaceStation
        fields = {
            "docked_vehicles": NUMBER,
            "id": EXACT,
            "name": TEXT,
            "onboard_crew": NUMBER,
            # Owned by any of the agencies given by id, repeated for several:
            # `owners=16&owners=27`, as the spec declares it.
            "owners": EXACT,
            "status": EXACT,
            "type": EXACT,
        }

    def filter_in_orbit(self, queryset: QuerySet, name: str, orbit: Orbit) -> QuerySet:
        return queryset.filter(orbit=orbit.name)


class DockingEventFilter(LL2FilterSet):
    class Meta:
        model = DockingEvent
        fields = {
            "docking": RANGE,
            "docking_location__id": EXACT,
            "flight_vehicle_chaser__id": EXACT,
            "space_station_target__id": EXACT,
        }


class ExpeditionFilter(LL2FilterSet):
    # The station the expedition lived on, by id, as LL2 names it.
    space_station = django_filters.ModelChoiceFilter(
        field_name="spacestation", queryset=SpaceStation.objects.all()
    )

    class Meta:
        model = Expedition
        fields = {
            "crew__astronaut": EXACT,
            "crew__astronaut__agency": EXACT,
            "end": RANGE,
            "name": EXACT,
            "start": RANGE,
        }
