"""The librarians' admin of dashboards: what each shows, and its road closures, notices and
live streams."""

from django.contrib import admin

from launchlibrary.dashboard.models import Dashboard, LiveStream, Notice, RoadClosure


@admin.register(RoadClosure)
class RoadClosureAdmin(admin.ModelAdmin):
    list_display = ["id", "title", "status", "window_start", "window_end"]
    list_select_related = ["status"]
    list_filter = ["status"]
    ordering = ["-window_start", "-id"]
    search_fields = ["title"]
    autocomplete_fields = ["status"]


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin):
    list_display = ["id", "type", "date", "url"]
    list_select_related = ["type"]
    list_filter = ["type"]
    ordering = ["-date", "-id"]
    search_fields = ["url", "type__name"]
    autocomplete_fields = ["type"]


class LiveStreamInline(admin.TabularInline):
    model = LiveStream
    extra = 0


@admin.register(Dashboard)
class DashboardAdmin(admin.ModelAdmin):
    list_display = ["id", "slug"]
    ordering = ["slug"]
    search_fields = ["slug"]
    inlines = [LiveStreamInline]
    autocomplete_fields = [
        "road_closures",
        "notices",
        "vehicles",
        "orbiters",
        "launches",
        "events",
    ]
    # Updates have no admin of their own (they are edited with their launch or event).
    raw_id_fields = ["updates"]
