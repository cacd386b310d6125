"""The librarians' admin of agencies and their social media."""

from django.contrib import admin

from launchlibrary.agencies.models import Agency, AgencyType, SocialMedia, SocialMediaLink
from launchlibrary.ingest.importer import link_awaiting

admin.site.register(
    AgencyType, list_display=["id", "name"], search_fields=["name"], ordering=["name", "id"]
)


@admin.register(SocialMedia)
class SocialMediaAdmin(admin.ModelAdmin):
    list_display = ["id", "name", "url"]
    ordering = ["name", "id"]
    search_fields = ["name"]
    autocomplete_fields = ["logo"]


@admin.register(SocialMediaLink)
class SocialMediaLinkAdmin(admin.ModelAdmin):
    list_display = ["id", "social_media", "url"]
    list_select_related = ["social_media"]
    list_filter = ["social_media"]
    ordering = ["social_media__name", "id"]
    search_fields = ["social_media__name", "url"]
    autocomplete_fields = ["social_media"]


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["id", "name", "abbrev", "type", "featured", "founding_year"]
    list_select_related = ["type"]
    list_filter = ["type", "featured"]
    ordering = ["name", "id"]
    search_fields = ["name", "abbrev"]
    autocomplete_fields = [
        "type",
        "parent",
        "country",
        "image",
        "logo",
        "social_logo",
        "social_media_links",
    ]

    def save_model(self, request, obj: Agency, form, change: bool) -> None:
        super().save_model(request, obj, form, change)
        # Agencies an import named as their parent before this one was held take it now.
        link_awaiting(obj)
