"""The librarians' admin of payloads' config tables."""

from django.contrib import admin

from launchlibrary.payloads.models import PayloadType

admin.site.register(
    PayloadType, list_display=["id", "name"], search_fields=["name"], ordering=["name", "id"]
)
