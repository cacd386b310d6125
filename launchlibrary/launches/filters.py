"""The filters LL2 declares for launch vehicles, pads and programs."""

import django_filters

from launchlibrary.api.filters import (
    EXACT,
    NUMBER,
    RANGE,
    TEXT,
    IntegerListFilter,
    LL2FilterSet,
    RelatedIdsFilter,
)
from launchlibrary.launches.models import (
    LAUNCHER_COUNTS,
    Launcher,
    LauncherConfig,
    LauncherConfigFamily,
    Pad,
    Program,
)


class PadFilter(LL2FilterSet):
    # No field of that name: the pad's agencies by id, several comma-separated.
    agencies_ids = IntegerListFilter(field_name="agencies", lookup_expr="in", distinct=True)

    class Meta:
        model = Pad
        fields = {
            # `id__contains` matches ids by their digits (`id__contains=8` finds 8 and 80).
            "id": TEXT,
            "latitude": RANGE,
            "longitude": RANGE,
            "location__id": EXACT,
            "location__name": TEXT,
            "name": TEXT,
            "orbital_launch_attempt_count": NUMBER,
            "total_launch_count": NUMBER,
        }


class LauncherConfigFilter(LL2FilterSet):
    # LL2 declares `families__contains` and `program__contains` on relations, which have no
    # `contains` lookup: here they read as `families` and `program` do, the configurations
    # whose families (programs) contain any of the ids given.
    families__contains = RelatedIdsFilter(
        field_name="families", queryset=LauncherConfigFamily.objects.all(), distinct=True
    )
    program__contains = RelatedIdsFilter(
        field_name="program", queryset=Program.objects.all(), distinct=True
    )

    class Meta:
        model = LauncherConfig
        fields = {
            "active": EXACT,
            # By id, as the spec declares them, repeated for several: `families=1&families=2`.
            "families": EXACT,
            "full_name": TEXT,
            "is_placeholder": EXACT,
            "maiden_flight": NUMBER,
            "manufacturer__name": TEXT,
            "name": TEXT,
            "program": EXACT,
            **dict.fromkeys(LAUNCHER_COUNTS, NUMBER),
        }


class LauncherConfigFamilyFilter(LL2FilterSet):
    # No field of that name: families any of whose manufacturers is of the country given by
    # its alpha-3 code (`manufacturer__country_code=USA`).
    manufacturer__country_code = django_filters.CharFilter(
        field_name="manufacturer__country__alpha_3_code", distinct=True
    )

    class Meta:
        model = LauncherConfigFamily
        fields = {
            "maiden_flight": NUMBER,
            "manufacturer__abbrev": TEXT,
            # `manufacturer__id__contains` matches ids by their digits, as `id__contains` does.
            "manufacturer__id": TEXT,
            "manufacturer__name": TEXT,
            "name": TEXT,
            **dict.fromkeys(LAUNCHER_COUNTS, NUMBER),
        }


class LauncherFilter(LL2FilterSet):
    # Boosters of any of the configurations given by id: `launcher_config__ids=164,191`.
    launcher_config__ids = IntegerListFilter(field_name="launcher_config", lookup_expr="in")

    class Meta:
        model = Launcher
        fields = {
            "attempted_landings": NUMBER,
            "first_launch_date": EXACT,
            "flight_proven": EXACT,
            "flights": NUMBER,
            # `id__contains` matches ids by their digits (`id__contains=8` finds 8 and 80).
            "id": TEXT,
            "is_placeholder": EXACT,
            "last_launch_date": EXACT,
            "launcher_config__manufacturer__name": TEXT,
            "serial_number": TEXT,
            # By the id of a launcher status (`/config/launcher_statuses/`).
            "status": EXACT,
            "successful_landings": NUMBER,
        }
