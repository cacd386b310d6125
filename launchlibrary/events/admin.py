"""The librarians' admin of events and their config tables."""

from django.contrib import admin
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils import timezone

from launchlibrary.events.models import Event, EventType
from launchlibrary.launches.models import InfoURL, Update, VidURL

admin.site.register(
    EventType, list_display=["id", "name"], search_fields=["name"], ordering=["name", "id"]
)


class EventLinkInline(admin.StackedInline):
    """An event's info or video links, edited with it (the mission's and launch's are theirs)."""

    fk_name = "event"
    exclude = ["mission", "launch"]
    autocomplete_fields = ["type", "language"]
    extra = 0


class EventInfoURLInline(EventLinkInline):
    model = InfoURL


class EventVidURLInline(EventLinkInline):
    model = VidURL


class EventUpdateInline(admin.StackedInline):
    model = Update
    fk_name = "event"
    exclude = ["launch", "program"]
    extra = 0


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["name", "date", "type", "location", "id"]
    list_select_related = ["type"]
    list_filter = ["type"]
    date_hierarchy = "date"
    ordering = ["-date", "id"]
    search_fields = ["name", "slug"]
    autocomplete_fields = [
        "type",
        "image",
        "date_precision",
        "agencies",
        "launches",
        "expeditions",
        "spacestations",
        "program",
        "astronauts",
    ]
    inlines = [EventInfoURLInline, EventVidURLInline, EventUpdateInline]

    def get_readonly_fields(self, request: HttpRequest, obj: Event | None = None) -> list:
        # Set by the edit itself (see `save_related`).
        return ["last_updated"]

    def save_related(
        self, request: HttpRequest, form: ModelForm, formsets: list, change: bool
    ) -> None:
        # `last_updated` says when the event last changed, as on LL2: an imported event
        # keeps the moment LL2 printed, an edit that changes it or its links, videos or
        # updates makes it now.
        super().save_related(request, form, formsets, change)
        if not change or form.has_changed() or any(f.has_changed() for f in formsets):
            event = form.instance
            event.last_updated = timezone.now()
            event.save(update_fields=["last_updated"])
