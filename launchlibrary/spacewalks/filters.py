"""The filters LL2 declares for spacewalks.

The spec names no field for the comma lists; what each reads is chosen here: a spacewalk's
crew (`astronaut__ids`), the event that told of it, the launch of the spacecraft flight it
was made from (`launch__ids`), the agencies owning its station (`owner__ids`, as for
stations), its programs and its station. `day`, `month` and `year` read its start, in UTC.
"""

import django_filters

from launchlibrary.api.filters import EXACT, NUMBER, RANGE, TEXT, IntegerListFilter, LL2FilterSet
from launchlibrary.spacewalks.models import Spacewalk


class UUIDListFilter(django_filters.BaseInFilter, django_filters.UUIDFilter):
    """A comma-separated list of UUIDs (launch ids), any of which matches."""


class SpacewalkFilter(LL2FilterSet):
    ids = IntegerListFilter(field_name="id", lookup_expr="in")
    astronaut__ids = IntegerListFilter(
        field_name="crew__astronaut", lookup_expr="in", distinct=True
    )
    event__ids = IntegerListFilter(field_name="event", lookup_expr="in")
    launch__ids = UUIDListFilter(field_name="spacecraft_flight__rocket__launch", lookup_expr="in")
    owner__ids = IntegerListFilter(
        field_name="spacestation__owners", lookup_expr="in", distinct=True
    )
    program__ids = IntegerListFilter(field_name="program", lookup_expr="in", distinct=True)
    spacestation__ids = IntegerListFilter(field_name="spacestation", lookup_expr="in")
    day = IntegerListFilter(field_name="start", lookup_expr="day__in")
    month = IntegerListFilter(field_name="start", lookup_expr="month__in")
    year = IntegerListFilter(field_name="start", lookup_expr="year__in")

    class Meta:
        model = Spacewalk
        fields = {
            "end": NUMBER,
            "id": EXACT,
            "name": TEXT,
            "program__name": TEXT,
            "start": RANGE,
        }
