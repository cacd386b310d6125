"""The librarians' admin of countries, celestial bodies and locations."""

from django.contrib import admin

from launchlibrary.locations.models import CelestialBody, CelestialBodyType, Country, Location

admin.site.register(
    CelestialBodyType, list_display=["id", "name"], search_fields=["name"], ordering=["name", "id"]
)


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["id", "name", "alpha_2_code", "alpha_3_code", "nationality_name"]
    ordering = ["name", "id"]
    search_fields = ["name", "alpha_2_code", "alpha_3_code"]


@admin.register(CelestialBody)
class CelestialBodyAdmin(admin.ModelAdmin):
    list_display = ["id", "name", "type", "diameter", "atmosphere"]
    list_select_related = ["type"]
    list_filter = ["type", "atmosphere"]
    ordering = ["name", "id"]
    search_fields = ["name"]
    autocomplete_fields = ["type", "image"]


@admin.register(Location)
class LocationAdmin(admin.ModelAdmin):
    list_display = ["id", "name", "country", "celestial_body", "active"]
    list_select_related = ["country", "celestial_body"]
    list_filter = ["active"]
    ordering = ["name", "id"]
    search_fields = ["name", "country__name"]
    autocomplete_fields = ["celestial_body", "country", "image"]
