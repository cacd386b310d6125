"""Refreshing the stored durations of spacewalks from their start and end."""

from collections.abc import Iterable

from django.db import transaction

from launchlibrary.readpath import documents
from launchlibrary.spacewalks import history
from launchlibrary.spacewalks.models import Spacewalk
from launchlibrary.writes import save_changed


def recompute(spacewalk_ids: Iterable[int] | None = None) -> int:
    """Recompute the duration of every spacewalk (or of those given) whose start and end are
    known; return how many rows changed. The others keep their duration as imported."""
    spacewalks = Spacewalk.objects.filter(start__isnull=False, end__isnull=False)
    if spacewalk_ids is not None:
        spacewalks = spacewalks.filter(pk__in=spacewalk_ids)
    changed = 0
    with transaction.atomic():
        for spacewalk in spacewalks.only("id", "start", "end", "duration"):
            derived = history.duration(spacewalk.start, spacewalk.end)
            if derived is not None:
                changed += save_changed(spacewalk, {"duration": derived})
        documents.flush()
    return changed
