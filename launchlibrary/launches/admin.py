"""The librarians' admin of launches and what they are made of."""

import uuid

from django.contrib import admin
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils import timezone

from launchlibrary.launches.models import (
    FirstStageType,
    InfoURL,
    InfoURLType,
    Language,
    Launch,
    Launcher,
    LauncherConfig,
    LauncherConfigFamily,
    LauncherStatus,
    LaunchStatus,
    Mission,
    MissionPatch,
    MissionType,
    NetPrecision,
    NoticeType,
    Orbit,
    Pad,
    Program,
    ProgramType,
    RoadClosureStatus,
    Rocket,
    TimelineEventType,
    VidURL,
    VidURLType,
)
from launchlibrary.launches.recompute import held_history
from launchlibrary.launches.recompute import recompute as recompute_launch_figures
from launchlibrary.spacecraft.admin import SpacecraftHistoryAdmin

admin.site.register(
    [
        InfoURLType,
        VidURLType,
        ProgramType,
        LauncherStatus,
        FirstStageType,
        MissionType,
        NoticeType,
        RoadClosureStatus,
    ],
    list_display=["id", "name"],
    search_fields=["name"],
    ordering=["name", "id"],
)
admin.site.register(
    [LaunchStatus, NetPrecision],
    list_display=["id", "name", "abbrev"],
    search_fields=["name", "abbrev"],
    ordering=["name", "id"],
)
admin.site.register(
    TimelineEventType,
    list_display=["id", "abbrev", "description"],
    search_fields=["abbrev"],
    ordering=["abbrev", "id"],
)
admin.site.register(
    Language,
    list_display=["id", "name", "code"],
    search_fields=["name", "code"],
    ordering=["name", "id"],
)


@admin.register(LauncherConfigFamily)
class LauncherConfigFamilyAdmin(admin.ModelAdmin):
    list_display = ["id", "name", "parent", "active", "maiden_flight"]
    list_select_related = ["parent"]
    list_filter = ["active"]
    ordering = ["name", "id"]
    search_fields = ["name"]
    autocomplete_fields = ["manufacturer", "parent"]


@admin.register(LauncherConfig)
class LauncherConfigAdmin(admin.ModelAdmin):
    list_display = ["id", "name", "full_name", "variant", "manufacturer", "active"]
    list_select_related = ["manufacturer"]
    list_filter = ["active", "is_placeholder", "reusable"]
    ordering = ["name", "id"]
    search_fields = ["name", "full_name", "manufacturer__name", "manufacturer__abbrev"]
    autocomplete_fields = ["families", "manufacturer", "program", "image"]


@admin.register(Launcher)
class LauncherAdmin(admin.ModelAdmin):
    list_display = ["id", "serial_number", "launcher_config", "status", "flights", "flight_proven"]
    list_select_related = ["launcher_config", "status"]
    list_filter = ["status", "flight_proven", "is_placeholder"]
    ordering = ["serial_number", "id"]
    search_fields = ["serial_number", "launcher_config__name"]
    autocomplete_fields = ["status", "image", "launcher_config"]


@admin.register(Rocket)
class RocketAdmin(admin.ModelAdmin):
    list_display = ["id", "configuration", "launch"]
    list_select_related = ["configuration", "launch"]
    ordering = ["configuration__name", "id"]
    # Flights and payloads pick their rocket by its launch's name.
    search_fields = ["launch__name", "configuration__name", "configuration__full_name"]
    autocomplete_fields = ["configuration"]


@admin.register(Orbit)
class OrbitAdmin(admin.ModelAdmin):
    list_display = ["id", "name", "abbrev", "celestial_body"]
    list_select_related = ["celestial_body"]
    ordering = ["name", "id"]
    search_fields = ["name", "abbrev"]
    autocomplete_fields = ["celestial_body"]


class InfoURLInline(admin.StackedInline):
    model = InfoURL
    autocomplete_fields = ["type", "language"]
    extra = 0


class VidURLInline(admin.StackedInline):
    model = VidURL
    autocomplete_fields = ["type", "language"]
    extra = 0


@admin.register(Mission)
class MissionAdmin(admin.ModelAdmin):
    list_display = ["id", "name", "type", "orbit"]
    list_select_related = ["type", "orbit"]
    list_filter = ["type"]
    ordering = ["name", "id"]
    search_fields = ["name"]
    autocomplete_fields = ["type", "image", "orbit", "agencies"]
    inlines = [InfoURLInline, VidURLInline]


@admin.register(InfoURL, VidURL)
class MissionURLAdmin(admin.ModelAdmin):
    list_display = ["id", "mission", "title", "url", "priority"]
    list_select_related = ["mission"]
    list_filter = ["type"]
    search_fields = ["title", "url", "mission__name"]
    autocomplete_fields = ["mission", "type", "language"]


@admin.register(MissionPatch)
class MissionPatchAdmin(admin.ModelAdmin):
    list_display = ["id", "name", "priority", "agency"]
    list_select_related = ["agency"]
    ordering = ["name", "id"]
    search_fields = ["name"]
    autocomplete_fields = ["agency"]


@admin.register(Program)
class ProgramAdmin(admin.ModelAdmin):
    list_display = ["id", "name", "type", "start_date", "end_date"]
    list_select_related = ["type"]
    list_filter = ["type"]
    ordering = ["name", "id"]
    search_fields = ["name"]
    autocomplete_fields = ["image", "agencies", "mission_patches", "type"]


@admin.register(Pad)
class PadAdmin(admin.ModelAdmin):
    list_display = ["id", "name", "location", "country", "active"]
    list_select_related = ["location", "country"]
    list_filter = ["active"]
    ordering = ["name", "id"]
    search_fields = ["name", "location__name"]
    autocomplete_fields = ["agencies", "image", "country", "location"]


@admin.register(Launch)
class LaunchAdmin(SpacecraftHistoryAdmin):
    spacecraft_paths = ("rocket__spacecraftflight__spacecraft",)
    list_display = ["name", "net", "status", "launch_service_provider", "pad", "id"]
    list_select_related = ["status", "launch_service_provider", "pad"]
    list_filter = ["status"]
    date_hierarchy = "net"
    ordering = ["-net", "id"]
    search_fields = ["name", "slug", "launch_designator"]
    autocomplete_fields = [
        "status",
        "net_precision",
        "image",
        "launch_service_provider",
        "rocket",
        "mission",
        "pad",
        "program",
    ]

    def get_changeform_initial_data(self, request: HttpRequest) -> dict:
        # LL2 names launches by UUID; a new one gets a fresh one, as LL2 gives it.
        return {"id": uuid.uuid4(), **super().get_changeform_initial_data(request)}

    def get_readonly_fields(self, request: HttpRequest, obj: Launch | None = None) -> list:
        # A changed primary key would save a copy under the new id; `last_updated` is set
        # by the edit itself (see `save_model`).
        return ["id", "last_updated"] if obj else ["last_updated"]

    def save_model(self, request: HttpRequest, obj: Launch, form: ModelForm, change: bool) -> None:
        # `last_updated` says when the launch last changed, as on LL2: an imported launch
        # keeps the moment LL2 printed, an edit that changes anything makes it now.
        if not change or form.has_changed():
            obj.last_updated = timezone.now()
        super().save_model(request, obj, form, change)

    # A launch's NET, pad, provider, mission and status place it, and the launches it
    # passes, in the attempt counts, pad turnarounds and pad figures: they are recomputed
    # once the edit is saved, in its transaction, read against the history as it was before
    # (see launchlibrary/launches/recompute.py).

    def save_form(self, request: HttpRequest, form: ModelForm, change: bool) -> Launch:
        form.launch_history_before = held_history()
        return super().save_form(request, form, change)

    def save_related(
        self, request: HttpRequest, form: ModelForm, formsets: list, change: bool
    ) -> None:
        super().save_related(request, form, formsets, change)
        recompute_launch_figures(before=form.launch_history_before)

    def delete_model(self, request: HttpRequest, obj: Launch) -> None:
        before = held_history()
        super().delete_model(request, obj)
        recompute_launch_figures(before=before)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        before = held_history()
        super().delete_queryset(request, queryset)
        recompute_launch_figures(before=before)
