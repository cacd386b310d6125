"""A dashboard is served as whole responses kept per data version, not from documents: a
write to a dashboard or to what only it shows (road closures, notices, live streams) moves
the data version on, as the write of an object a document embeds does."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from launchlibrary.dashboard.models import Dashboard, LiveStream, Notice, RoadClosure
from launchlibrary.readpath import documents

SHOWN = (Dashboard, LiveStream, Notice, RoadClosure)


def _written(sender, instance, raw: bool = False, **kwargs) -> None:
    if not raw:
        documents.mark_changed(sender, [instance.pk])


def _relinked(sender, instance, action: str, **kwargs) -> None:
    if action.startswith("post_"):
        documents.mark_changed(type(instance), [instance.pk])


def connect() -> None:
    for model in SHOWN:
        post_save.connect(_written, sender=model, dispatch_uid=f"dashboard-save-{model.__name__}")
        post_delete.connect(
            _written, sender=model, dispatch_uid=f"dashboard-delete-{model.__name__}"
        )
    for field in Dashboard._meta.many_to_many:
        m2m_changed.connect(
            _relinked, sender=field.remote_field.through, dispatch_uid=f"dashboard-{field.name}"
        )
