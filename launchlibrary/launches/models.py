"""Launches and what they are made of: rocket, mission, pad, programs, and the config tables
around them (statuses, mission types, timeline events, launch sites' notices and road
closures)."""

from datetime import timedelta

from django.core.validators import MinValueValidator
from django.db import models

from launchlibrary.agencies.models import Agency
from launchlibrary.api.filters import ordering_indexes
from launchlibrary.images.models import Image
from launchlibrary.locations.models import CelestialBody, Country, Location


class LaunchStatus(models.Model):
    name = models.CharField(max_length=255)
    abbrev = models.CharField(max_length=255, blank=True, default="")
    description = models.CharField(max_length=2048, blank=True, default="")

    class Meta:
        verbose_name_plural = "launch statuses"

    def __str__(self) -> str:
        return self.name


class NetPrecision(models.Model):
    name = models.CharField(max_length=255)
    abbrev = models.CharField(max_length=255, blank=True, default="")
    description = models.CharField(max_length=2048, blank=True, default="")

    def __str__(self) -> str:
        return self.name


class LauncherCounts(models.Model):
    """The launch and landing figures LL2 keeps for launcher configurations and families."""

    total_launch_count = models.PositiveIntegerField(null=True, blank=True)
    consecutive_successful_launches = models.PositiveIntegerField(null=True, blank=True)
    successful_launches = models.PositiveIntegerField(null=True, blank=True)
    failed_launches = models.PositiveIntegerField(null=True, blank=True)
    pending_launches = models.PositiveIntegerField(null=True, blank=True)
    attempted_landings = models.PositiveIntegerField(null=True, blank=True)
    successful_landings = models.PositiveIntegerField(null=True, blank=True)
    failed_landings = models.PositiveIntegerField(null=True, blank=True)
    consecutive_successful_landings = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        abstract = True


# The figures, in the order LL2 prints them.
LAUNCHER_COUNTS = [field.name for field in LauncherCounts._meta.fields]
# What LL2 orders configurations and families by, as its docs blocks list them.
COUNTS_ORDERED_BY = tuple(sorted([*LAUNCHER_COUNTS, "name"]))


class LauncherConfigFamily(LauncherCounts):
    """A family of launcher configurations (`Falcon`, `Soyuz`), within a parent family."""

    ll2_resource = "launcher_configuration_families"

    name = models.CharField(max_length=200)
    manufacturer = models.ManyToManyField(Agency, blank=True, related_name="launcher_families")
    parent = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="children"
    )
    description = models.CharField(max_length=2048, blank=True, default="")
    active = models.BooleanField(default=True)
    maiden_flight = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "launcher config families"
        indexes = ordering_indexes("launcherfamily", *COUNTS_ORDERED_BY)

    def __str__(self) -> str:
        return self.name


class LauncherConfig(LauncherCounts):
    """A launch vehicle's design (`Falcon 9 Block 5`), built by its manufacturer."""

    ll2_resource = "launcher_configurations"

    name = models.CharField(max_length=200)
    families = models.ManyToManyField(LauncherConfigFamily, blank=True)
    full_name = models.CharField(max_length=200, blank=True, default="")
    variant = models.CharField(max_length=200, blank=True, default="")
    active = models.BooleanField(default=True)
    is_placeholder = models.BooleanField(default=False)
    # An agency's detailed form lists the configurations it makes as its `launcher_list`.
    manufacturer = models.ForeignKey(
        Agency, on_delete=models.SET_NULL, null=True, blank=True, related_name="launcher_list"
    )
    program = models.ManyToManyField("Program", blank=True)
    reusable = models.BooleanField(default=False)
    image = models.ForeignKey(Image, on_delete=models.SET_NULL, null=True, blank=True)
    info_url = models.URLField(max_length=200, null=True, blank=True)
    wiki_url = models.URLField(max_length=200, null=True, blank=True)
    description = models.CharField(max_length=2048, blank=True, default="")
    alias = models.CharField(max_length=1024, blank=True, default="")
    min_stage = models.PositiveIntegerField(null=True, blank=True)
    max_stage = models.PositiveIntegerField(null=True, blank=True)
    length = models.FloatField(null=True, blank=True)
    diameter = models.FloatField(null=True, blank=True)
    maiden_flight = models.DateField(null=True, blank=True)
    launch_cost = models.PositiveBigIntegerField(null=True, blank=True)
    launch_mass = models.FloatField(null=True, blank=True)
    leo_capacity = models.FloatField(null=True, blank=True)
    gto_capacity = models.FloatField(null=True, blank=True)
    geo_capacity = models.FloatField(null=True, blank=True)
    sso_capacity = models.FloatField(null=True, blank=True)
    to_thrust = models.FloatField(null=True, blank=True)
    apogee = models.FloatField(null=True, blank=True)
    fastest_turnaround = models.DurationField(
        null=True, blank=True, validators=[MinValueValidator(timedelta(0))]
    )

    class Meta:
        verbose_name = "launcher configuration"
        # LL2 lists an agency's configurations by name.
        ordering = ["name"]
        indexes = ordering_indexes(
            "launcherconfig",
            *COUNTS_ORDERED_BY,
            "gto_capacity",
            "launch_cost",
            "launch_mass",
            "leo_capacity",
            "maiden_flight",
        )

    def __str__(self) -> str:
        return self.full_name or self.name


class Rocket(models.Model):
    """The rocket of one launch, built to a launcher configuration: its first stages
    (`launcher_stage`), the spacecraft it carries (`spacecraft_stage`) and its `payloads`
    point to it, as in LL2."""

    # LL2 prints the flights as `spacecraft_stage` and queries them as `spacecraftflight`.
    ll2_keys = {"spacecraft_stage": "spacecraftflight"}

    configuration = models.ForeignKey(LauncherConfig, on_delete=models.PROTECT)

    def __str__(self) -> str:
        # Named after its launch, as admins pick a flight's rocket by the launch.
        launch = getattr(self, "launch", None)
        return str(launch) if launch else f"{self.configuration} #{self.pk}"


class Orbit(models.Model):
    name = models.CharField(max_length=50)
    abbrev = models.CharField(max_length=30, blank=True, default="")
    celestial_body = models.ForeignKey(CelestialBody, on_delete=models.PROTECT)

    def __str__(self) -> str:
        return self.name


class Language(models.Model):
    name = models.CharField(max_length=255)
    code = models.CharField(max_length=255, blank=True, default="")

    def __str__(self) -> str:
        return self.name


class InfoURLType(models.Model):
    name = models.CharField(max_length=255)

    def __str__(self) -> str:
        return self.name


class VidURLType(models.Model):
    name = models.CharField(max_length=255)

    def __str__(self) -> str:
        return self.name


class MissionType(models.Model):
    """Rows with ids below 0 were made from a mission's type name alone, until LL2's row of
    that name, imported from `/config/mission_types/`, takes them over (see the importer).
    That path serves LL2's rows alone, so its resource is named here for the importer."""

    ll2_resource = "config/mission_types"

    name = models.CharField(max_length=255)

    def __str__(self) -> str:
        return self.name


class Mission(models.Model):
    # A mission prints its type by name only: the importer finds the type of that name.
    ll2_named = {"type": "name"}

    name = models.CharField(max_length=255)
    type = models.ForeignKey(MissionType, on_delete=models.PROTECT, null=True, blank=True)
    description = models.TextField(blank=True, default="")
    image = models.ForeignKey(Image, on_delete=models.SET_NULL, null=True, blank=True)
    orbit = models.ForeignKey(Orbit, on_delete=models.PROTECT)
    agencies = models.ManyToManyField(Agency, blank=True)

    def __str__(self) -> str:
        return self.name


class InfoURL(models.Model):
    """A link about a mission, a launch or an event; LL2 gives it no id, so its owner's list is
    replaced whole."""

    mission = models.ForeignKey(
        Mission, on_delete=models.CASCADE, null=True, blank=True, related_name="info_urls"
    )
    launch = models.ForeignKey(
        "Launch", on_delete=models.CASCADE, null=True, blank=True, related_name="info_urls"
    )
    event = models.ForeignKey(
        "events.Event",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="info_urls",
    )
    priority = models.IntegerField(default=0)
    source = models.CharField(max_length=200, null=True, blank=True)
    title = models.CharField(max_length=200, null=True, blank=True)
    description = models.CharField(max_length=350, null=True, blank=True)
    feature_image = models.URLField(max_length=200, null=True, blank=True)
    url = models.URLField(max_length=1000, blank=True, default="")
    type = models.ForeignKey(InfoURLType, on_delete=models.PROTECT, null=True, blank=True)
    language = models.ForeignKey(Language, on_delete=models.PROTECT, null=True, blank=True)

    class Meta:
        verbose_name = "info URL"

    def __str__(self) -> str:
        return self.url


class VidURL(models.Model):
    """A video of a mission, a launch or an event; LL2 gives it no id, so its owner's list
    is replaced whole."""

    mission = models.ForeignKey(
        Mission, on_delete=models.CASCADE, null=True, blank=True, related_name="vid_urls"
    )
    launch = models.ForeignKey(
        "Launch", on_delete=models.CASCADE, null=True, blank=True, related_name="vid_urls"
    )
    event = models.ForeignKey(
        "events.Event",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="vid_urls",
    )
    priority = models.IntegerField(default=0)
    source = models.CharField(max_length=200, null=True, blank=True)
    publisher = models.CharField(max_length=255, null=True, blank=True)
    title = models.CharField(max_length=200, null=True, blank=True)
    description = models.CharField(max_length=350, null=True, blank=True)
    feature_image = models.URLField(max_length=200, null=True, blank=True)
    url = models.URLField(max_length=1000, blank=True, default="")
    type = models.ForeignKey(VidURLType, on_delete=models.PROTECT, null=True, blank=True)
    language = models.ForeignKey(Language, on_delete=models.PROTECT, null=True, blank=True)
    start_time = models.DateTimeField(null=True, blank=True)
    end_time = models.DateTimeField(null=True, blank=True)
    live = models.BooleanField(default=False)

    class Meta:
        verbose_name = "video URL"

    def __str__(self) -> str:
        return self.url


class ProgramType(models.Model):
    name = models.CharField(max_length=255)

    def __str__(self) -> str:
        return self.name


class MissionPatch(models.Model):
    ll2_resource = "mission_patches"
    # What wears the patch, as its detailed form lists it: each is linked from its side.
    ll2_partial_children = {
        "launches": "launches",
        "expeditions": "expeditions",
        "program": "program",
    }

    name = models.CharField(max_length=200)
    priority = models.IntegerField(default=0)
    image_url = models.URLField(max_length=1000)
    agency = models.ForeignKey(Agency, on_delete=models.SET_NULL, null=True, blank=True)

    class Meta:
        verbose_name_plural = "mission patches"
        indexes = ordering_indexes("missionpatch", "name", "priority")

    def __str__(self) -> str:
        return self.name


class Program(models.Model):
    ll2_resource = "programs"

    name = models.CharField(max_length=255)
    image = models.ForeignKey(Image, on_delete=models.SET_NULL, null=True, blank=True)
    info_url = models.URLField(max_length=200, null=True, blank=True)
    wiki_url = models.URLField(max_length=200, null=True, blank=True)
    description = models.CharField(max_length=40000, null=True, blank=True)
    agencies = models.ManyToManyField(Agency, blank=True)
    start_date = models.DateTimeField(null=True, blank=True)
    end_date = models.DateTimeField(null=True, blank=True)
    mission_patches = models.ManyToManyField(MissionPatch, blank=True, related_name="program")
    # Nullable although LL2 always fills it: a `mini` program carries no type.
    type = models.ForeignKey(ProgramType, on_delete=models.PROTECT, null=True, blank=True)

    class Meta:
        # LL2 lists a launch's programs by name, not by id.
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Pad(models.Model):
    ll2_resource = "pads"

    active = models.BooleanField(default=True)
    agencies = models.ManyToManyField(Agency, blank=True)
    name = models.CharField(max_length=255)
    image = models.ForeignKey(Image, on_delete=models.SET_NULL, null=True, blank=True)
    description = models.CharField(max_length=2048, null=True, blank=True)
    info_url = models.URLField(max_length=200, null=True, blank=True)
    wiki_url = models.URLField(max_length=200, null=True, blank=True)
    map_url = models.URLField(max_length=200, null=True, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, null=True, blank=True)
    map_image = models.URLField(max_length=1000, null=True, blank=True)
    total_launch_count = models.PositiveIntegerField(null=True, blank=True)
    orbital_launch_attempt_count = models.PositiveIntegerField(null=True, blank=True)
    fastest_turnaround = models.DurationField(
        null=True, blank=True, validators=[MinValueValidator(timedelta(0))]
    )
    location = models.ForeignKey(
        Location, on_delete=models.PROTECT, null=True, blank=True, related_name="pads"
    )
    # The pad's place in its location's list of pads: LL2 lists them in an order of its
    # own, which the importer keeps (see `ll2_list_position`); pads added here come last.
    position = models.PositiveIntegerField(null=True, blank=True, editable=False)

    ll2_list_position = "position"

    class Meta:
        indexes = ordering_indexes(
            "pad", "name", "orbital_launch_attempt_count", "total_launch_count"
        )

    def __str__(self) -> str:
        return self.name


class LauncherStatus(models.Model):
    name = models.CharField(max_length=50)

    class Meta:
        verbose_name_plural = "launcher statuses"

    def __str__(self) -> str:
        return self.name


class FirstStageType(models.Model):
    name = models.CharField(max_length=50)

    def __str__(self) -> str:
        return self.name


class Launcher(models.Model):
    """One booster or first stage (`B1048`), flown on launches of its configuration."""

    ll2_resource = "launchers"

    flight_proven = models.BooleanField(default=False)
    serial_number = models.CharField(max_length=255, null=True, blank=True)
    is_placeholder = models.BooleanField(default=False)
    status = models.ForeignKey(LauncherStatus, on_delete=models.PROTECT, null=True, blank=True)
    image = models.ForeignKey(Image, on_delete=models.SET_NULL, null=True, blank=True)
    details = models.CharField(max_length=2048, blank=True, default="")
    successful_landings = models.PositiveIntegerField(null=True, blank=True)
    attempted_landings = models.PositiveIntegerField(null=True, blank=True)
    flights = models.PositiveIntegerField(null=True, blank=True)
    last_launch_date = models.DateTimeField(null=True, blank=True)
    first_launch_date = models.DateTimeField(null=True, blank=True)
    fastest_turnaround = models.DurationField(
        null=True, blank=True, validators=[MinValueValidator(timedelta(0))]
    )
    launcher_config = models.ForeignKey(
        LauncherConfig, on_delete=models.PROTECT, null=True, blank=True, related_name="launchers"
    )

    class Meta:
        indexes = ordering_indexes(
            "launcher", "attempted_landings", "flight_proven", "flights", "successful_landings"
        )

    def __str__(self) -> str:
        return self.serial_number or f"Launcher {self.pk}"


class TimelineEventType(models.Model):
    """A kind of moment in a launch's timeline (`MECO`, `Stage separation`): LL2 names it
    by its abbreviation alone."""

    abbrev = models.CharField(max_length=255)
    description = models.CharField(max_length=2048, blank=True, default="")

    def __str__(self) -> str:
        return self.abbrev


class NoticeType(models.Model):
    name = models.CharField(max_length=255)

    def __str__(self) -> str:
        return self.name


class RoadClosureStatus(models.Model):
    name = models.CharField(max_length=255)

    class Meta:
        verbose_name_plural = "road closure statuses"

    def __str__(self) -> str:
        return self.name


class Launch(models.Model):
    ll2_resource = "launches"

    id = models.UUIDField(primary_key=True)
    name = models.CharField(max_length=2048)
    slug = models.SlugField(max_length=2048, blank=True, default="")
    launch_designator = models.CharField(max_length=255, null=True, blank=True)
    status = models.ForeignKey(LaunchStatus, on_delete=models.PROTECT, null=True, blank=True)
    # The dates are nullable although LL2 always fills them: a `mini` launch carries none.
    last_updated = models.DateTimeField(null=True, blank=True)
    net = models.DateTimeField(null=True, blank=True)
    net_precision = models.ForeignKey(NetPrecision, on_delete=models.PROTECT, null=True, blank=True)
    window_end = models.DateTimeField(null=True, blank=True)
    window_start = models.DateTimeField(null=True, blank=True)
    image = models.ForeignKey(Image, on_delete=models.SET_NULL, null=True, blank=True)
    infographic = models.URLField(max_length=1000, null=True, blank=True)
    probability = models.IntegerField(null=True, blank=True)
    weather_concerns = models.CharField(max_length=255, null=True, blank=True)
    failreason = models.CharField(max_length=2048, null=True, blank=True)
    hashtag = models.CharField(max_length=2048, null=True, blank=True)
    launch_service_provider = models.ForeignKey(
        Agency, on_delete=models.PROTECT, null=True, blank=True
    )
    rocket = models.OneToOneField(
        Rocket, on_delete=models.PROTECT, null=True, blank=True, related_name="launch"
    )
    mission = models.ForeignKey(Mission, on_delete=models.PROTECT, null=True, blank=True)
    pad = models.ForeignKey(Pad, on_delete=models.PROTECT, null=True, blank=True)
    webcast_live = models.BooleanField(default=False)
    program = models.ManyToManyField(Program, blank=True)
    orbital_launch_attempt_count = models.PositiveIntegerField(null=True, blank=True)
    location_launch_attempt_count = models.PositiveIntegerField(null=True, blank=True)
    pad_launch_attempt_count = models.PositiveIntegerField(null=True, blank=True)
    agency_launch_attempt_count = models.PositiveIntegerField(null=True, blank=True)
    orbital_launch_attempt_count_year = models.PositiveIntegerField(null=True, blank=True)
    location_launch_attempt_count_year = models.PositiveIntegerField(null=True, blank=True)
    pad_launch_attempt_count_year = models.PositiveIntegerField(null=True, blank=True)
    agency_launch_attempt_count_year = models.PositiveIntegerField(null=True, blank=True)
    flightclub_url = models.URLField(max_length=200, null=True, blank=True)
    # The time since the pad's previous launch, as LL2 printed it or derived (see history).
    pad_turnaround = models.DurationField(
        null=True, blank=True, validators=[MinValueValidator(timedelta(0))]
    )
    mission_patches = models.ManyToManyField(MissionPatch, blank=True, related_name="launches")

    class Meta:
        verbose_name_plural = "launches"
        indexes = ordering_indexes("launch", "last_updated", "name", "net")

    def __str__(self) -> str:
        return self.name


class FirstStage(models.Model):
    """One booster's part in a launch: which flight of the booster it is and how it landed."""

    # LL2 prints the stage's type by name (`Core`, `Booster`).
    ll2_named = {"type": "name"}

    rocket = models.ForeignKey(
        Rocket, on_delete=models.CASCADE, null=True, blank=True, related_name="launcher_stage"
    )
    type = models.ForeignKey(FirstStageType, on_delete=models.PROTECT, null=True, blank=True)
    reused = models.BooleanField(null=True, blank=True)
    launcher_flight_number = models.PositiveIntegerField(null=True, blank=True)
    launcher = models.ForeignKey(Launcher, on_delete=models.PROTECT, related_name="stages")
    previous_flight_date = models.DateTimeField(null=True, blank=True)
    turn_around_time = models.DurationField(
        null=True, blank=True, validators=[MinValueValidator(timedelta(0))]
    )
    landing = models.OneToOneField(
        "landings.Landing",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="firststage",
    )
    previous_flight = models.ForeignKey(
        Launch, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    def __str__(self) -> str:
        return f"{self.launcher} on {self.rocket}"


class TimelineEvent(models.Model):
    """A moment of a launch's timeline, relative to its NET; LL2 gives it no id, so a
    launch's timeline is replaced whole."""

    launch = models.ForeignKey(Launch, on_delete=models.CASCADE, related_name="timeline")
    type = models.ForeignKey(TimelineEventType, on_delete=models.PROTECT, null=True, blank=True)
    # Before the NET, negative.
    relative_time = models.DurationField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.type} at {self.relative_time}"


class Update(models.Model):
    """A note on a launch's, an event's or a program's progress, newest first."""

    ll2_resource = "updates"

    profile_image = models.URLField(max_length=1000, null=True, blank=True)
    comment = models.CharField(max_length=40000, null=True, blank=True)
    info_url = models.URLField(max_length=200, null=True, blank=True)
    created_by = models.CharField(max_length=255, null=True, blank=True)
    created_on = models.DateTimeField()
    launch = models.ForeignKey(
        Launch, on_delete=models.CASCADE, null=True, blank=True, related_name="updates"
    )
    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, null=True, blank=True, related_name="updates"
    )
    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, null=True, blank=True, related_name="updates"
    )

    class Meta:
        ordering = ["-created_on", "-id"]
        indexes = ordering_indexes("update", "created_on")

    def __str__(self) -> str:
        return f"{self.created_by}: {(self.comment or '')[:40]}"
