"""Writing rows the way every writer here does: only what changed."""

from typing import Any

from django.db import models


def save_changed(instance: models.Model, values: dict[str, Any]) -> bool:
    """Set the values that differ from the instance's and save only those fields; return
    whether anything changed. A row written unchanged sends no signal, so no document is
    rendered again and no cached response goes stale for nothing."""
    changed = [name for name, value in values.items() if getattr(instance, name) != value]
    for name in changed:
        setattr(instance, name, values[name])
    if changed:
        instance.save(update_fields=changed)
    return bool(changed)
