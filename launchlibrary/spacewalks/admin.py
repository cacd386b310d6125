"""The librarians' admin of spacewalks.

Saving a spacewalk derives its duration from its start and end where both are known (else
the duration given stands), and refreshes the figures of the astronauts of its crew, before
the edit and after it, in the edit's transaction.
"""

from datetime import UTC, datetime

from django.contrib import admin
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest

from launchlibrary.astronauts import recompute as astronauts
from launchlibrary.spacewalks import history
from launchlibrary.spacewalks.models import Spacewalk


def crew_of(spacewalks: QuerySet) -> set[int]:
    return set(spacewalks.filter(crew__isnull=False).values_list("crew__astronaut", flat=True))


@admin.register(Spacewalk)
class SpacewalkAdmin(admin.ModelAdmin):
    list_display = ["id", "name", "start", "end", "duration", "spacestation", "expedition"]
    list_select_related = ["spacestation", "expedition"]
    list_filter = ["spacestation"]
    date_hierarchy = "start"
    ordering = ["-start", "-id"]
    search_fields = ["name", "location", "crew__astronaut__name"]
    autocomplete_fields = [
        "crew",
        "spacestation",
        "expedition",
        "spacecraft_flight",
        "event",
        "program",
    ]

    def save_model(
        self, request: HttpRequest, obj: Spacewalk, form: ModelForm, change: bool
    ) -> None:
        derived = history.duration(obj.start, obj.end)
        if derived is not None:
            obj.duration = derived
        # The crew is saved after this, so who walked before the edit travels on the form.
        form.crew_before = crew_of(Spacewalk.objects.filter(pk=obj.pk))
        super().save_model(request, obj, form, change)

    def save_related(
        self, request: HttpRequest, form: ModelForm, formsets: list, change: bool
    ) -> None:
        super().save_related(request, form, formsets, change)
        after = crew_of(Spacewalk.objects.filter(pk=form.instance.pk))
        astronauts.recompute(datetime.now(UTC), form.crew_before | after)

    def delete_model(self, request: HttpRequest, obj: Spacewalk) -> None:
        crew = crew_of(Spacewalk.objects.filter(pk=obj.pk))
        super().delete_model(request, obj)
        astronauts.recompute(datetime.now(UTC), crew)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        crew = crew_of(queryset)
        super().delete_queryset(request, queryset)
        astronauts.recompute(datetime.now(UTC), crew)
