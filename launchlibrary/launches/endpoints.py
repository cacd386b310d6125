"""LL2's paths over launches and their updates, launch vehicles, launch pads and programs."""

from launchlibrary.api.endpoint import Endpoint, Examples, register
from launchlibrary.launches.clock import LAUNCHES
from launchlibrary.launches.endpoint_serializers import LaunchDetailedSerializer
from launchlibrary.launches.filters import (
    LauncherConfigFamilyFilter,
    LauncherConfigFilter,
    LauncherFilter,
    LaunchFilter,
    MissionPatchFilter,
    PadFilter,
    UpcomingLaunchFilter,
    UpdateFilter,
)
from launchlibrary.launches.models import (
    COUNTS_ORDERED_BY,
    Launch,
    Launcher,
    LauncherConfig,
    LauncherConfigFamily,
    MissionPatch,
    Pad,
    Program,
    Update,
)
from launchlibrary.launches.patch_serializers import MissionPatchDetailedSerializer
from launchlibrary.launches.serializers import (
    LaunchBasicSerializer,
    LauncherConfigDetailedSerializer,
    LauncherConfigFamilyDetailedSerializer,
    LauncherConfigFamilyMiniSerializer,
    LauncherConfigFamilyNormalSerializer,
    LauncherConfigListSerializer,
    LauncherConfigNormalSerializer,
    LauncherDetailedSerializer,
    LauncherMiniSerializer,
    LauncherNormalSerializer,
    LaunchNormalSerializer,
    MissionPatchSerializer,
    PadSerializer,
    ProgramMiniSerializer,
    ProgramNormalSerializer,
    UpdateSerializer,
)

pads = register(
    Endpoint(
        path="pads",
        queryset=Pad.objects.all(),
        serializer=PadSerializer,
        filterset=PadFilter,
        # Counts are searched as text: `39` finds pads launched from 39 or 139 times.
        search=("location__name", "name", "orbital_launch_attempt_count", "total_launch_count"),
        ordering=(
            "id",
            "location__id",
            "location__name",
            "name",
            "orbital_launch_attempt_count",
            "total_launch_count",
        ),
        examples=Examples(
            filter="location__id=11",
            search="39A",
            ordering="-orbital_launch_attempt_count",
        ),
    )
)

programs = register(
    Endpoint(
        path="programs",
        queryset=Program.objects.all(),
        modes={"list": ProgramMiniSerializer, "normal": ProgramNormalSerializer},
        default_mode="normal",
        list_schema="PolymorphicProgramEndpoint",
        examples=Examples(mode="list"),
    )
)

launcher_configurations = register(
    Endpoint(
        path="launcher_configurations",
        queryset=LauncherConfig.objects.all(),
        modes={
            "list": LauncherConfigListSerializer,
            "normal": LauncherConfigNormalSerializer,
            "detailed": LauncherConfigDetailedSerializer,
        },
        default_mode="normal",
        detail_mode="detailed",
        list_schema="PolymorphicLauncherConfigEndpoint",
        filterset=LauncherConfigFilter,
        search=("full_name", "manufacturer__abbrev", "manufacturer__name", "name"),
        # The docs block lists them alphabetically, as LL2's does.
        ordering=tuple(
            sorted(
                (
                    *COUNTS_ORDERED_BY,
                    "gto_capacity",
                    "launch_cost",
                    "launch_mass",
                    "leo_capacity",
                    "maiden_flight",
                )
            )
        ),
        examples=Examples(
            mode="list",
            filter="manufacturer__name=SpaceX",
            search="Soyuz",
            ordering="-total_launch_count",
        ),
    )
)

launcher_configuration_families = register(
    Endpoint(
        path="launcher_configuration_families",
        queryset=LauncherConfigFamily.objects.all(),
        modes={
            "list": LauncherConfigFamilyMiniSerializer,
            "normal": LauncherConfigFamilyNormalSerializer,
            "detailed": LauncherConfigFamilyDetailedSerializer,
        },
        default_mode="normal",
        detail_mode="detailed",
        list_schema="PolymorphicLauncherConfigFamilyEndpoint",
        filterset=LauncherConfigFamilyFilter,
        search=("manufacturer__abbrev", "manufacturer__name", "name"),
        ordering=COUNTS_ORDERED_BY,
        examples=Examples(
            mode="list",
            filter="manufacturer__name=SpaceX",
            search="Ariane",
            ordering="-total_launch_count",
        ),
    )
)

launchers = register(
    Endpoint(
        path="launchers",
        queryset=Launcher.objects.all(),
        modes={
            "list": LauncherMiniSerializer,
            "normal": LauncherNormalSerializer,
            "detailed": LauncherDetailedSerializer,
        },
        default_mode="normal",
        detail_mode="detailed",
        list_schema="PolymorphicLauncherEndpoint",
        filterset=LauncherFilter,
        search=("serial_number", "status__name"),
        ordering=("attempted_landings", "flight_proven", "flights", "id", "successful_landings"),
        examples=Examples(
            mode="list",
            filter="is_placeholder=True",
            search="B1048",
            ordering="-flights",
        ),
    )
)

LAUNCHES_SEARCHED = (
    "launch_designator",
    "launch_service_provider__name",
    "mission__name",
    "name",
    "pad__location__name",
    "pad__name",
    "rocket__configuration__manufacturer__abbrev",
    "rocket__configuration__manufacturer__name",
    "rocket__configuration__name",
    "rocket__spacecraftflight__spacecraft__name",
)

launches = register(
    Endpoint(
        path="launches",
        queryset=Launch.objects.all(),
        modes={
            "list": LaunchBasicSerializer,
            "normal": LaunchNormalSerializer,
            "detailed": LaunchDetailedSerializer,
        },
        default_mode="normal",
        detail_mode="detailed",
        list_schema="PolymorphicLaunchEndpoint",
        filterset=LaunchFilter,
        search=LAUNCHES_SEARCHED,
        ordering=("id", "last_updated", "name", "net"),
        # In the order they fly, as LL2 lists them (its first page is Sputnik's).
        default_ordering=("net",),
        examples=Examples(
            mode="list",
            filter="pad__location=13",
            search="Starlink",
            ordering="-last_updated",
        ),
    )
)

# Which launches each of these lists holds is the clock's rule: see `clock`.
upcoming_launches = register(
    launches.variant(
        "launches/upcoming",
        queryset=LAUNCHES.upcoming,
        changes_at=LAUNCHES.upcoming_changes_at,
        filterset=UpcomingLaunchFilter,
        # As LL2 has it: not by designator, given to a launch once it has flown.
        search=tuple(field for field in LAUNCHES_SEARCHED if field != "launch_designator"),
        # The next to fly first.
        default_ordering=("net",),
        examples=Examples(
            mode="list",
            filter="hide_recent_previous=True",
            search="Starlink",
            ordering="-last_updated",
        ),
        notes=(
            "Upcoming launches are those whose NET is ahead, and those of the last 24 hours "
            "(their NET passed less than 24 hours ago), which `hide_recent_previous=True` "
            "leaves out; soonest first unless `ordering` says otherwise. A launch moves to "
            "`/launches/previous/` the moment its NET passes."
        ),
    )
)

previous_launches = register(
    launches.variant(
        "launches/previous",
        queryset=LAUNCHES.previous,
        changes_at=LAUNCHES.previous_changes_at,
        # The latest to fly first.
        default_ordering=("-net",),
        notes=(
            "Previous launches are those whose NET has passed, the latest first unless "
            "`ordering` says otherwise. Those of the last 24 hours are also among "
            "`/launches/upcoming/` unless it is asked with `hide_recent_previous=True`."
        ),
    )
)

updates = register(
    Endpoint(
        path="updates",
        queryset=Update.objects.all(),
        serializer=UpdateSerializer,
        filterset=UpdateFilter,
        ordering=("created_on",),
        # The newest first, as LL2 lists a launch's updates.
        default_ordering=("-created_on",),
        examples=Examples(filter="launch__launch_service_provider=121", ordering="-created_on"),
    )
)

mission_patches = register(
    Endpoint(
        path="mission_patches",
        queryset=MissionPatch.objects.all(),
        modes={"normal": MissionPatchSerializer, "detailed": MissionPatchDetailedSerializer},
        detail_mode="detailed",
        list_schema="PolymorphicMissionPatchEndpoint",
        filterset=MissionPatchFilter,
        search=("agency__name", "name"),
        ordering=("agency__name", "id", "name", "priority"),
        examples=Examples(
            mode="detailed",
            filter="agency__id=147",
            search="Ariane",
            ordering="priority",
        ),
    )
)
