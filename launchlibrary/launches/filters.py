"""The filters LL2 declares for launches, their updates, launch vehicles, pads and programs."""

import django_filters
from django.db.models import Exists, OuterRef, Q, QuerySet

from launchlibrary.api.filters import (
    EXACT,
    NUMBER,
    RANGE,
    TEXT,
    TEXT_ANY_CASE,
    BooleanFilter,
    IntegerListFilter,
    LeaveOutFilter,
    LL2FilterSet,
    RelatedIdsFilter,
    TextListFilter,
)
from launchlibrary.launches import history
from launchlibrary.launches.clock import LAUNCHES
from launchlibrary.launches.models import (
    LAUNCHER_COUNTS,
    Launch,
    Launcher,
    LauncherConfig,
    LauncherConfigFamily,
    MissionPatch,
    Pad,
    Program,
    Update,
)
from launchlibrary.spacecraft.models import SpacecraftFlight

# The launch-attempt figures LL2 prints of each launch, filtered as numbers.
ATTEMPT_COUNTS = [
    f"{scope}_launch_attempt_count{period}"
    for scope in ("agency", "location", "orbital", "pad")
    for period in ("", "_year")
]


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


class UUIDListFilter(django_filters.BaseInFilter, django_filters.UUIDFilter):
    """A comma-separated list of UUIDs, any of which matches."""


class LaunchFilter(LL2FilterSet):
    # Comma lists of what a launch holds (`id=<uuid>,<uuid>`, `launch_designator=...`).
    id = UUIDListFilter(lookup_expr="in")
    launch_designator = TextListFilter(lookup_expr="in")
    status__ids = IntegerListFilter(field_name="status", lookup_expr="in")
    # The spec names no field for the filters below; what each reads is chosen here.
    # The launch's rocket configuration ("launcher configuration", as LL2 calls it).
    launcher_config__id = IntegerListFilter(field_name="rocket__configuration", lookup_expr="in")
    location__ids = IntegerListFilter(field_name="pad__location", lookup_expr="in")
    # The launch service provider, by id or by name (the whole name, as LL2 prints it).
    lsp__id = IntegerListFilter(field_name="launch_service_provider", lookup_expr="in")
    lsp__name = TextListFilter(field_name="launch_service_provider__name", lookup_expr="in")
    # The provider or its parent agency: `related_lsp__id=<parent>` finds the launches of
    # every agency under it as well as its own.
    related_lsp__id = IntegerListFilter(method="filter_related_lsp_id")
    related_lsp__name = TextListFilter(method="filter_related_lsp_name")
    # The boosters flown as first stages, by serial number (`serial_number=B1062,B1077`).
    serial_number = TextListFilter(
        field_name="rocket__launcher_stage__launcher__serial_number", lookup_expr="in"
    )
    # The configurations of the spacecraft the rocket carries.
    spacecraft_config__ids = IntegerListFilter(
        field_name="rocket__spacecraftflight__spacecraft__spacecraft_config", lookup_expr="in"
    )
    # A video of the launch or of its mission, by its whole URL.
    video_url = TextListFilter(method="filter_video_url")
    # The NET's day of the month, month and year, in UTC: `year=2024&month=10&day=4` is a
    # day's launches.
    day = IntegerListFilter(field_name="net", lookup_expr="day__in")
    month = IntegerListFilter(field_name="net", lookup_expr="month__in")
    year = IntegerListFilter(field_name="net", lookup_expr="year__in")
    # Launches with astronauts aboard (a launch crew on a spacecraft the rocket carries).
    is_crewed = BooleanFilter(method="filter_is_crewed")
    # Suborbital launches are listed unless `include_suborbital=false`.
    include_suborbital = LeaveOutFilter(leaves_out_on=False, method="filter_include_suborbital")

    class Meta:
        model = Launch
        fields = {
            **dict.fromkeys(ATTEMPT_COUNTS, NUMBER),
            "last_updated": ["gte", "lte"],
            "mission__orbit__celestial_body__id": EXACT,
            "mission__orbit__name": TEXT_ANY_CASE,
            "name": EXACT,
            "net": RANGE,
            "pad": EXACT,
            "pad__location": EXACT,
            "pad__location__celestial_body__id": EXACT,
            "program": EXACT,
            "rocket__configuration__full_name": TEXT_ANY_CASE,
            "rocket__configuration__id": EXACT,
            "rocket__configuration__manufacturer__name": TEXT_ANY_CASE,
            "rocket__configuration__name": EXACT,
            "rocket__spacecraftflight__spacecraft__id": EXACT,
            "rocket__spacecraftflight__spacecraft__name": TEXT_ANY_CASE,
            "slug": EXACT,
            "status": EXACT,
            "window_end": RANGE,
            "window_start": RANGE,
        }

    def filter_related_lsp_id(self, queryset: QuerySet, name: str, value: list) -> QuerySet:
        return queryset.filter(
            Q(launch_service_provider__in=value) | Q(launch_service_provider__parent__in=value)
        )

    def filter_related_lsp_name(self, queryset: QuerySet, name: str, value: list) -> QuerySet:
        # A parent this database does not hold yet is known by the name LL2 gave it.
        return queryset.filter(
            Q(launch_service_provider__name__in=value)
            | Q(launch_service_provider__parent__name__in=value)
            | Q(launch_service_provider__parent_name__in=value)
        )

    def filter_video_url(self, queryset: QuerySet, name: str, value: list) -> QuerySet:
        # Through a to-many relation: a launch with two such videos is listed once.
        matches = Q(vid_urls__url__in=value) | Q(mission__vid_urls__url__in=value)
        return queryset.filter(pk__in=Launch.objects.filter(matches).values("pk"))

    def filter_is_crewed(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        crewed_flights = SpacecraftFlight.objects.filter(
            rocket=OuterRef("rocket"), launch_crew__isnull=False
        )
        crewed = Exists(crewed_flights)
        return queryset.filter(crewed) if value else queryset.exclude(crewed)

    def filter_include_suborbital(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        if value:
            return queryset
        return queryset.exclude(mission__orbit__abbrev=history.SUBORBITAL)


class UpcomingLaunchFilter(LaunchFilter):
    # Launches of the last 24 hours are listed among the upcoming ones unless hidden
    # (see `launchlibrary.launches.clock`).
    hide_recent_previous = LeaveOutFilter(leaves_out_on=True, method="filter_hide_recent_previous")

    def filter_hide_recent_previous(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        return LAUNCHES.not_yet_passed(queryset) if value else queryset


class UpdateFilter(LL2FilterSet):
    class Meta:
        model = Update
        fields = {
            "created_on": EXACT,
            "launch": EXACT,
            "launch__launch_service_provider": EXACT,
            "program": EXACT,
        }


class MissionPatchFilter(LL2FilterSet):
    ids = IntegerListFilter(field_name="id", lookup_expr="in")

    class Meta:
        model = MissionPatch
        fields = {"agency__id": EXACT, "agency__name": TEXT, "id": EXACT, "name": TEXT}
