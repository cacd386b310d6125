"""The librarians' admin of events' config tables."""

from django.contrib import admin

from launchlibrary.events.models import EventType

admin.site.register(
    EventType, list_display=["id", "name"], search_fields=["name"], ordering=["name", "id"]
)
