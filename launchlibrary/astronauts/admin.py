"""The librarians' admin of astronauts, their seats on flights and config tables."""

from django.contrib import admin

from launchlibrary.astronauts.models import (
    Astronaut,
    AstronautFlight,
    AstronautRole,
    AstronautStatus,
    AstronautType,
)

admin.site.register(
    [AstronautStatus, AstronautType],
    list_display=["id", "name"],
    search_fields=["name"],
    ordering=["name", "id"],
)


@admin.register(AstronautRole)
class AstronautRoleAdmin(admin.ModelAdmin):
    list_display = ["id", "role", "priority"]
    ordering = ["role", "id"]
    search_fields = ["role"]


class SeatInline(admin.TabularInline):
    model = AstronautFlight
    autocomplete_fields = ["role"]
    show_change_link = True
    extra = 0


@admin.register(Astronaut)
class AstronautAdmin(admin.ModelAdmin):
    list_display = ["id", "name", "status", "agency", "type", "in_space"]
    list_select_related = ["status", "agency", "type"]
    list_filter = ["status", "type", "in_space"]
    ordering = ["name", "id"]
    search_fields = ["name", "agency__name"]
    autocomplete_fields = [
        "status",
        "agency",
        "image",
        "type",
        "nationality",
        "social_media_links",
    ]
    # Derived from the seats by `recompute` (or imported), never edited by hand.
    readonly_fields = ["flights", "landings", "spacewalks"]
    inlines = [SeatInline]


@admin.register(AstronautFlight)
class AstronautFlightAdmin(admin.ModelAdmin):
    list_display = ["id", "astronaut", "role"]
    list_select_related = ["astronaut", "role"]
    ordering = ["astronaut__name", "id"]
    search_fields = ["astronaut__name", "role__role"]
    autocomplete_fields = ["astronaut", "role"]
