"""The librarians' admin of images, their licenses and sized variants."""

from django.contrib import admin

from launchlibrary.images.models import Image, ImageLicense, ImageVariant, ImageVariantType

admin.site.register(
    ImageVariantType, list_display=["id", "name"], search_fields=["name"], ordering=["name", "id"]
)


@admin.register(ImageLicense)
class ImageLicenseAdmin(admin.ModelAdmin):
    list_display = ["id", "name", "priority", "link"]
    ordering = ["name", "id"]
    search_fields = ["name"]


class VariantInline(admin.TabularInline):
    model = ImageVariant
    autocomplete_fields = ["type"]
    extra = 0


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    list_display = ["id", "name", "credit", "license", "single_use"]
    list_select_related = ["license"]
    list_filter = ["license", "single_use"]
    ordering = ["name", "id"]
    search_fields = ["name", "credit"]
    autocomplete_fields = ["license"]
    inlines = [VariantInline]


@admin.register(ImageVariant)
class ImageVariantAdmin(admin.ModelAdmin):
    list_display = ["id", "image", "type", "image_url"]
    list_select_related = ["image", "type"]
    list_filter = ["type"]
    search_fields = ["image__name", "image_url"]
    autocomplete_fields = ["image", "type"]
