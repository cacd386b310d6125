"""The librarians' admin of spacecraft, their configurations and flights."""

from collections.abc import Iterable

from django.contrib import admin
from django.db.models import Model, QuerySet
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils import timezone

from launchlibrary.spacecraft.models import (
    Spacecraft,
    SpacecraftConfig,
    SpacecraftConfigFamily,
    SpacecraftConfigType,
    SpacecraftFlight,
    SpacecraftStatus,
)
from launchlibrary.spacecraft.recompute import recompute
from launchlibrary.stations.models import DockingEvent

FIGURES = [
    "in_space",
    "time_in_space",
    "time_docked",
    "flights_count",
    "mission_ends_count",
    "fastest_turnaround",
]


def refresh_figures(spacecraft_ids: Iterable[int]) -> None:
    """Recompute the figures of these spacecraft as of now."""
    spacecraft_ids = set(spacecraft_ids)
    if spacecraft_ids:
        recompute(timezone.now(), spacecraft_ids=spacecraft_ids)


class SpacecraftHistoryAdmin(admin.ModelAdmin):
    """The admin of a part of spacecraft history: saving or deleting an object recomputes the
    figures of every spacecraft it concerned before the edit or concerns after it, in the
    edit's transaction, so the API shows the edit at once.

    `spacecraft_paths` lead from the admin's model to the spacecraft concerned.
    """

    spacecraft_paths: tuple[str, ...] = ()

    def spacecraft_of(self, objects: QuerySet) -> set[int]:
        return {
            craft
            for path in self.spacecraft_paths
            for craft in objects.values_list(path, flat=True)
            if craft is not None
        }

    def save_model(self, request: HttpRequest, obj: Model, form: ModelForm, change: bool) -> None:
        # The inlines are saved after this, so what the stored object concerned travels on
        # the form to save_related.
        form.spacecraft_before = self.spacecraft_of(self.model.objects.filter(pk=obj.pk))
        super().save_model(request, obj, form, change)

    def save_related(
        self, request: HttpRequest, form: ModelForm, formsets: list, change: bool
    ) -> None:
        super().save_related(request, form, formsets, change)
        after = self.spacecraft_of(self.model.objects.filter(pk=form.instance.pk))
        refresh_figures(form.spacecraft_before | after)

    def delete_model(self, request: HttpRequest, obj: Model) -> None:
        concerned = self.spacecraft_of(self.model.objects.filter(pk=obj.pk))
        super().delete_model(request, obj)
        refresh_figures(concerned)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        concerned = self.spacecraft_of(queryset)
        super().delete_queryset(request, queryset)
        refresh_figures(concerned)


admin.site.register(
    [SpacecraftStatus, SpacecraftConfigType],
    list_display=["id", "name"],
    search_fields=["name"],
    ordering=["name", "id"],
)


@admin.register(SpacecraftConfigFamily)
class SpacecraftConfigFamilyAdmin(admin.ModelAdmin):
    list_display = ["id", "name", "manufacturer", "parent", "maiden_flight"]
    list_select_related = ["manufacturer", "parent"]
    ordering = ["name", "id"]
    search_fields = ["name"]
    autocomplete_fields = ["manufacturer", "parent"]


@admin.register(SpacecraftConfig)
class SpacecraftConfigAdmin(admin.ModelAdmin):
    list_display = ["id", "name", "type", "agency", "in_use", "human_rated"]
    list_select_related = ["type", "agency"]
    list_filter = ["type", "in_use", "human_rated"]
    ordering = ["name", "id"]
    search_fields = ["name", "agency__name"]
    autocomplete_fields = ["type", "agency", "family", "image"]


class FlightInline(admin.TabularInline):
    model = SpacecraftFlight
    fields = ["rocket", "destination", "mission_end", "landing", "duration", "turn_around_time"]
    readonly_fields = ["duration", "turn_around_time"]
    autocomplete_fields = ["rocket", "landing"]
    show_change_link = True
    extra = 0


@admin.register(Spacecraft)
class SpacecraftAdmin(SpacecraftHistoryAdmin):
    spacecraft_paths = ("pk",)
    list_display = [
        "id",
        "name",
        "serial_number",
        "status",
        "spacecraft_config",
        "in_space",
        "flights_count",
    ]
    list_select_related = ["status", "spacecraft_config"]
    list_filter = ["status", "in_space", "is_placeholder"]
    ordering = ["name", "id"]
    search_fields = ["name", "serial_number", "spacecraft_config__name"]
    autocomplete_fields = ["image", "status", "spacecraft_config"]
    readonly_fields = FIGURES
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "serial_number",
                    "is_placeholder",
                    "status",
                    "spacecraft_config",
                    "image",
                    "description",
                ]
            },
        ),
        (
            "Figures derived from history",
            {
                "fields": FIGURES,
                "description": "Recomputed from the flights and docking events on every save.",
            },
        ),
    ]
    inlines = [FlightInline]


class ChaserDockingInline(admin.TabularInline):
    model = DockingEvent
    fk_name = "flight_vehicle_chaser"
    fields = ["docking", "departure", "docking_location", "space_station_target"]
    autocomplete_fields = ["docking_location", "space_station_target"]
    verbose_name = "docking event"
    extra = 0


@admin.register(SpacecraftFlight)
class SpacecraftFlightAdmin(SpacecraftHistoryAdmin):
    spacecraft_paths = ("spacecraft",)
    list_display = ["id", "spacecraft", "rocket", "destination", "mission_end", "duration"]
    ordering = ["-rocket__launch__net", "id"]
    search_fields = ["spacecraft__name", "rocket__launch__name", "destination"]
    autocomplete_fields = ["spacecraft", "rocket", "landing"]
    readonly_fields = ["duration", "turn_around_time"]
    inlines = [ChaserDockingInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        # A flight's name is its spacecraft's and its launch's, in lists and autocompletes.
        return super().get_queryset(request).select_related("spacecraft", "rocket__launch")
