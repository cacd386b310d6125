"""The librarians' admin of space stations, their docking locations and docking events."""

from django.contrib import admin

from launchlibrary.spacecraft.admin import SpacecraftHistoryAdmin
from launchlibrary.stations.models import (
    DockingEvent,
    DockingLocation,
    Expedition,
    SpaceStation,
    SpaceStationStatus,
    SpaceStationType,
)

admin.site.register(
    [SpaceStationStatus, SpaceStationType],
    list_display=["id", "name"],
    search_fields=["name"],
    ordering=["name", "id"],
)


class DockingLocationInline(admin.TabularInline):
    model = DockingLocation
    autocomplete_fields = ["spacecraft"]
    show_change_link = True
    extra = 0


class ExpeditionInline(admin.TabularInline):
    model = Expedition
    extra = 0


@admin.register(SpaceStation)
class SpaceStationAdmin(SpacecraftHistoryAdmin):
    # Deleting a station, or one of its docking locations, deletes their docking events.
    spacecraft_paths = (
        "docking_location__docking_events__flight_vehicle_chaser__spacecraft",
        "docking_events_as_target__flight_vehicle_chaser__spacecraft",
    )
    list_display = ["id", "name", "status", "type", "founded", "deorbited"]
    list_select_related = ["status", "type"]
    list_filter = ["status", "type"]
    ordering = ["name", "id"]
    search_fields = ["name"]
    autocomplete_fields = ["image", "status", "type", "owners"]
    inlines = [DockingLocationInline, ExpeditionInline]


@admin.register(Expedition)
class ExpeditionAdmin(admin.ModelAdmin):
    list_display = ["id", "name", "spacestation", "start", "end"]
    list_select_related = ["spacestation"]
    search_fields = ["name", "spacestation__name"]
    autocomplete_fields = ["spacestation", "crew", "mission_patches"]


@admin.register(DockingLocation)
class DockingLocationAdmin(SpacecraftHistoryAdmin):
    spacecraft_paths = ("docking_events__flight_vehicle_chaser__spacecraft",)
    list_display = ["id", "name", "spacestation", "spacecraft"]
    list_select_related = ["spacestation", "spacecraft"]
    ordering = ["spacestation__name", "name", "id"]
    search_fields = ["name", "spacestation__name"]
    autocomplete_fields = ["spacestation", "spacecraft"]


@admin.register(DockingEvent)
class DockingEventAdmin(SpacecraftHistoryAdmin):
    spacecraft_paths = ("flight_vehicle_chaser__spacecraft",)
    list_display = ["id", "chaser", "docking_location", "docking", "departure"]
    list_select_related = [
        "flight_vehicle_chaser__spacecraft",
        "flight_vehicle_chaser__rocket__launch",
        "space_station_chaser",
        "docking_location",
    ]
    date_hierarchy = "docking"
    search_fields = [
        "flight_vehicle_chaser__spacecraft__name",
        "space_station_chaser__name",
        "docking_location__name",
        "docking_location__spacestation__name",
    ]
    autocomplete_fields = [
        "docking_location",
        "flight_vehicle_chaser",
        "space_station_chaser",
        "flight_vehicle_target",
        "space_station_target",
    ]

    @admin.display(description="chaser")
    def chaser(self, event: DockingEvent) -> str:
        return str(event.flight_vehicle_chaser or event.space_station_chaser)
