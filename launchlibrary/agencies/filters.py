"""The filters LL2 declares for agencies."""

from django.db.models import Exists, OuterRef, Q, QuerySet

from launchlibrary.agencies.models import Agency
from launchlibrary.api.filters import (
    EXACT,
    NUMBER,
    TEXT,
    BooleanFilter,
    LL2FilterSet,
    TextListFilter,
)
from launchlibrary.spacecraft.models import SpacecraftConfig

# The launch and landing figures LL2 filters agencies by.
COUNTS = [
    "attempted_landings",
    "consecutive_successful_landings",
    "consecutive_successful_launches",
    "failed_landings",
    "failed_launches",
    "pending_launches",
    "successful_landings",
    "successful_launches",
    "total_launch_count",
]


class AgencyFilter(LL2FilterSet):
    # The spec names no field for these two; what each reads is chosen here.
    # Agencies of any of the countries given by alpha-3 code: `country_code=USA,FRA`.
    country_code = TextListFilter(
        field_name="country__alpha_3_code", lookup_expr="in", distinct=True
    )
    # Agencies that make spacecraft: a spacecraft configuration of theirs, or spacecraft
    # named in their `spacecraft` text; `false` gives the others.
    spacecraft = BooleanFilter(method="filter_makes_spacecraft")

    class Meta:
        model = Agency
        fields = {
            "abbrev": TEXT,
            "description": TEXT,
            "featured": EXACT,
            "founding_year": NUMBER,
            "id": EXACT,
            "name": TEXT,
            "parent__id": EXACT,
            "type__id": EXACT,
            **dict.fromkeys(COUNTS, NUMBER),
        }

    def filter_makes_spacecraft(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        configurations = SpacecraftConfig.objects.filter(agency=OuterRef("pk"))
        makes_spacecraft = Exists(configurations) | ~Q(spacecraft="")
        return queryset.filter(makes_spacecraft) if value else queryset.exclude(makes_spacecraft)
