from django.contrib import admin

from launchlibrary.accounts.models import ApiKey


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    list_display = ["name", "rate", "key", "created"]
    search_fields = ["name"]
    readonly_fields = ["key", "created"]
