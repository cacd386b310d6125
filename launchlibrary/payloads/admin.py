"""The librarians' admin of payloads, their flights and config tables."""

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from launchlibrary.payloads.models import Payload, PayloadFlight, PayloadType
from launchlibrary.stations.models import DockingEvent

admin.site.register(
    PayloadType, list_display=["id", "name"], search_fields=["name"], ordering=["name", "id"]
)


class PayloadFlightInline(admin.TabularInline):
    model = PayloadFlight
    fields = ["rocket", "destination", "amount", "landing"]
    autocomplete_fields = ["rocket", "landing"]
    show_change_link = True
    extra = 0


@admin.register(Payload)
class PayloadAdmin(admin.ModelAdmin):
    list_display = ["id", "name", "type", "manufacturer", "operator"]
    list_select_related = ["type", "manufacturer", "operator"]
    list_filter = ["type"]
    ordering = ["name", "id"]
    search_fields = ["name", "manufacturer__name", "operator__name"]
    autocomplete_fields = ["type", "manufacturer", "operator", "image", "program"]
    inlines = [PayloadFlightInline]


class PayloadChaserDockingInline(admin.TabularInline):
    model = DockingEvent
    fk_name = "payload_flight_chaser"
    fields = ["docking", "departure", "docking_location", "space_station_target"]
    autocomplete_fields = ["docking_location", "space_station_target"]
    verbose_name = "docking event"
    extra = 0


@admin.register(PayloadFlight)
class PayloadFlightAdmin(admin.ModelAdmin):
    list_display = ["id", "payload", "rocket", "destination", "amount"]
    ordering = ["-rocket__launch__net", "id"]
    search_fields = ["payload__name", "rocket__launch__name", "destination"]
    autocomplete_fields = ["payload", "rocket", "landing"]
    inlines = [PayloadChaserDockingInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        # A flight's name is its payload's and its launch's, in lists and autocompletes.
        return super().get_queryset(request).select_related("payload", "rocket__launch")
