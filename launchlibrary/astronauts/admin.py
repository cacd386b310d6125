"""The librarians' admin of astronauts' config tables."""

from django.contrib import admin

from launchlibrary.astronauts.models import AstronautRole, AstronautStatus, AstronautType

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
