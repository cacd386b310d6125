"""The librarians' admin of landings, their locations and types."""

from django.contrib import admin

from launchlibrary.landings.models import Landing, LandingLocation, LandingType


@admin.register(LandingType)
class LandingTypeAdmin(admin.ModelAdmin):
    list_display = ["id", "name", "abbrev"]
    ordering = ["name", "id"]
    search_fields = ["name", "abbrev"]


@admin.register(LandingLocation)
class LandingLocationAdmin(admin.ModelAdmin):
    list_display = ["id", "name", "abbrev", "location", "celestial_body", "active"]
    list_select_related = ["location", "celestial_body"]
    list_filter = ["active"]
    ordering = ["name", "id"]
    search_fields = ["name", "abbrev"]
    autocomplete_fields = ["location", "image", "celestial_body"]


@admin.register(Landing)
class LandingAdmin(admin.ModelAdmin):
    list_display = ["id", "type", "landing_location", "attempt", "success"]
    list_select_related = ["type", "landing_location"]
    list_filter = ["type", "attempt", "success"]
    ordering = ["-id"]
    search_fields = ["landing_location__name", "description"]
    autocomplete_fields = ["landing_location", "type"]
