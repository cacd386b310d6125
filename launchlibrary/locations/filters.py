"""The filters LL2 declares for locations."""

import django_filters
from django.db.models import QuerySet

from launchlibrary.api.filters import EXACT, NUMBER, TEXT, LL2FilterSet
from launchlibrary.locations.models import Location


class LocationFilter(LL2FilterSet):
    # No field of that name: the location's country by alpha-3 code, several comma-separated.
    country_code = django_filters.CharFilter(method="filter_country_code", label="Country Code")

    class Meta:
        model = Location
        fields = {
            "id": EXACT,
            "name": TEXT,
            "total_landing_count": NUMBER,
            "total_launch_count": NUMBER,
        }

    def filter_country_code(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # Codes are stored upper-case (`NZL`); `nzl` means the same country.
        codes = [code.strip().upper() for code in value.split(",") if code.strip()]
        return queryset.filter(country__alpha_3_code__in=codes)
