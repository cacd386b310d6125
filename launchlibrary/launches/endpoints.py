"""LL2's paths over launch vehicles, launch pads and programs."""

from launchlibrary.api.endpoint import Endpoint, Examples, register
from launchlibrary.launches.filters import (
    LauncherConfigFamilyFilter,
    LauncherConfigFilter,
    LauncherFilter,
    PadFilter,
)
from launchlibrary.launches.models import (
    COUNTS_ORDERED_BY,
    Launcher,
    LauncherConfig,
    LauncherConfigFamily,
    Pad,
    Program,
)
from launchlibrary.launches.serializers import (
    LauncherConfigDetailedSerializer,
    LauncherConfigFamilyDetailedSerializer,
    LauncherConfigFamilyMiniSerializer,
    LauncherConfigFamilyNormalSerializer,
    LauncherConfigListSerializer,
    LauncherConfigNormalSerializer,
    LauncherDetailedSerializer,
    LauncherMiniSerializer,
    LauncherNormalSerializer,
    PadSerializer,
    ProgramMiniSerializer,
    ProgramNormalSerializer,
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
