"""The filters LL2 declares for astronauts.

The spec names no field for `agency_ids`, `status_ids`, `nationality`, `has_flown` and
`is_human`; what each reads is chosen here and told in the endpoint's notes.
"""

import django_filters
from django.db.models import Q, QuerySet

from launchlibrary.api.filters import (
    EXACT,
    NUMBER,
    BooleanFilter,
    IntegerListFilter,
    LL2FilterSet,
)
from launchlibrary.astronauts.models import Astronaut

# LL2's astronaut type of animals and other non-human flyers (Laika, Ham).
NON_HUMAN_TYPE = "Non-Human"


class AstronautFilter(LL2FilterSet):
    # Astronauts of any of the agencies, or statuses, given by id: `agency_ids=44,63`.
    agency_ids = IntegerListFilter(field_name="agency", lookup_expr="in")
    status_ids = IntegerListFilter(field_name="status", lookup_expr="in")
    # Astronauts with a nationality of that name, as countries name it (`French`, any case).
    nationality = django_filters.CharFilter(
        field_name="nationality__nationality_name", lookup_expr="iexact", distinct=True
    )
    # Astronauts with at least one flight that has launched (`flights_count` over 0).
    has_flown = BooleanFilter(method="filter_has_flown")
    # Astronauts whose type is not LL2's `Non-Human` one (one without a type is human).
    is_human = BooleanFilter(method="filter_is_human")

    class Meta:
        model = Astronaut
        fields = {
            "age": NUMBER,
            "date_of_birth": NUMBER,
            "date_of_death": NUMBER,
            "first_flight": NUMBER,
            "flights_count": NUMBER,
            "in_space": EXACT,
            "landings_count": NUMBER,
            "last_flight": NUMBER,
            "type__id": EXACT,
        }

    def filter_has_flown(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        flown = Q(flights_count__gt=0)
        return queryset.filter(flown) if value else queryset.exclude(flown)

    def filter_is_human(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        non_human = Q(type__name__iexact=NON_HUMAN_TYPE)
        return queryset.exclude(non_human) if value else queryset.filter(non_human)
