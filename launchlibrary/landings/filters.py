"""The filters LL2 declares for landings.

The spec names no field for any but `attempt` and `success`: each reads what a landing
lands, its booster's first stage (`firststage`) or its spacecraft's flight
(`spacecraftflight`), by a comma list of ids, any of which matches.
"""

import django_filters

from launchlibrary.api.filters import EXACT, IntegerListFilter, LL2FilterSet, TextListFilter
from launchlibrary.landings.models import Landing


class UUIDListFilter(django_filters.BaseInFilter, django_filters.UUIDFilter):
    """A comma-separated list of UUIDs (launch ids), any of which matches."""


class LandingFilter(LL2FilterSet):
    landing_location__ids = IntegerListFilter(field_name="landing_location", lookup_expr="in")
    # By id of a landing type (`/config/landing_types/`).
    landing_type__ids = IntegerListFilter(field_name="type", lookup_expr="in")
    # Landings of the first stages flown on these launches.
    firststage_launch__ids = UUIDListFilter(
        field_name="firststage__rocket__launch", lookup_expr="in"
    )
    # Landings of these boosters, by id or by serial number (`B1059`).
    launcher__ids = IntegerListFilter(field_name="firststage__launcher", lookup_expr="in")
    launcher_serial_numbers = TextListFilter(
        field_name="firststage__launcher__serial_number", lookup_expr="in"
    )
    # Landings of boosters of these launcher configurations.
    launcher_config__ids = IntegerListFilter(
        field_name="firststage__launcher__launcher_config", lookup_expr="in"
    )
    # Landings of these spacecraft, of spacecraft of these configurations, and of the
    # spacecraft flown on these launches.
    spacecraft__ids = IntegerListFilter(field_name="spacecraftflight__spacecraft", lookup_expr="in")
    spacecraft_config__ids = IntegerListFilter(
        field_name="spacecraftflight__spacecraft__spacecraft_config", lookup_expr="in"
    )
    spacecraft_launch__ids = UUIDListFilter(
        field_name="spacecraftflight__rocket__launch", lookup_expr="in"
    )

    class Meta:
        model = Landing
        fields = {"attempt": EXACT, "success": EXACT}
