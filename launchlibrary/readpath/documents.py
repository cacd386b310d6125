"""Materialized documents: each object's JSON in each schema an endpoint answers with,
rendered by that schema's serializer when the data changes, so that serving a page costs
little more than copying its bytes. A document is keyed by schema, not path: a launch has
one `LaunchNormal` document whatever path serves it.

A document is rendered with placeholders where the request's origin and `?format=` go in
its links; `fill_links` puts the request's own in. Which documents a change touches comes
from the serializers themselves: the serializer tree gives every ORM path from a schema's
objects to each object they embed, so a changed agency finds, in one query per path, the
spacecraft whose documents embed it, and only those are rendered again, once per schema.

Writes are collected from model signals (and from the importer, whose bulk writes send
none) and applied once per transaction by `flush`, which also bumps the data version the
response cache is keyed by.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import islice

from django.db import connections, models, router, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save
from rest_framework.renderers import JSONRenderer

from launchlibrary.api.endpoint import SerializerClass, registry, schema_name
from launchlibrary.api.prefetch import eager, embedded_paths
from launchlibrary.api.serializers import memoizing
from launchlibrary.readpath.models import DataVersion, Document

ORIGIN_MARK = "\x00ll2-origin\x00"
FORMAT_MARK = "\x00ll2-format\x00"
# The marks as the JSON renderer writes them into a document.
RENDERED_ORIGIN = b"\\u0000ll2-origin\\u0000"
RENDERED_FORMAT = b"\\u0000ll2-format\\u0000"
BATCH = 500


class _LinkTemplate:
    """Stands in for the request while rendering: links get placeholders for its parts."""

    _ll2_link_parts = (ORIGIN_MARK, FORMAT_MARK)


RENDER_CONTEXT = {"request": _LinkTemplate()}
renderer = JSONRenderer()


def fill_links(body: bytes, origin: str, format_suffix: str) -> bytes:
    return body.replace(RENDERED_ORIGIN, origin.encode()).replace(
        RENDERED_FORMAT, format_suffix.encode()
    )


def rendered_serializers() -> list[SerializerClass]:
    """The serializers whose documents are kept: every one an endpoint answers with."""
    return registry.serializers()


def model_of(serializer_class: SerializerClass) -> type[models.Model]:
    return serializer_class.Meta.model


@cache
def paths_to_roots(serializer_class: SerializerClass) -> dict[type[models.Model], set[str]]:
    """For each model a schema's documents embed, the ORM paths from the schema's model to
    it; the schema's own model is reached by `pk`."""
    model = model_of(serializer_class)
    paths: dict[type[models.Model], set[str]] = {model: {"pk"}}
    for embedded, more in embedded_paths(serializer_class, model).items():
        paths.setdefault(embedded, set()).update(more)
    return paths


def chunks(items: Iterable, size: int = BATCH) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def render(serializer_class: SerializerClass, ids: Iterable) -> None:
    """(Re)render the documents of the given objects in one schema; drop those of objects
    that no longer exist."""
    schema = schema_name(serializer_class)
    manager = model_of(serializer_class)._default_manager
    for batch in chunks(ids):
        keys = [str(pk) for pk in batch]
        Document.objects.filter(schema=schema, object_id__in=keys).delete()
        objects = list(eager(manager.filter(pk__in=batch), serializer_class))
        context = memoizing(RENDER_CONTEXT)
        rendered = serializer_class(objects, many=True, context=context).data
        Document.objects.bulk_create(
            Document(schema=schema, object_id=str(obj.pk), body=renderer.render(data))
            for obj, data in zip(objects, rendered, strict=True)
        )


def render_all(serializer_class: SerializerClass) -> int:
    """(Re)render the documents of every object in one schema; return how many objects."""
    ids = list(model_of(serializer_class)._default_manager.values_list("pk", flat=True))
    render(serializer_class, ids)
    return len(ids)


def render_missing(serializer_class: SerializerClass) -> int:
    """Render the documents of every object that lacks one in a schema; return how many."""
    pks = {
        str(pk): pk
        for pk in model_of(serializer_class)._default_manager.values_list("pk", flat=True)
    }
    stored = Document.objects.filter(schema=schema_name(serializer_class)).values_list(
        "object_id", flat=True
    )
    missing = pks.keys() - set(stored)
    render(serializer_class, [pks[key] for key in sorted(missing)])
    return len(missing)


def current_version() -> int:
    # Read on every cached response: one plain statement, no ORM query to build; from the
    # database the documents are read from, so that the two agree.
    with connections[router.db_for_read(DataVersion)].cursor() as cursor:
        cursor.execute(f"SELECT version FROM {DataVersion._meta.db_table} WHERE id = 1")
        row = cursor.fetchone()
    return row[0] if row else 0


# Change tracking


class _Pending(threading.local):
    def __init__(self) -> None:
        self.objects: dict[type[models.Model], set] = defaultdict(set)
        self.roots: dict[SerializerClass, set] = defaultdict(set)


pending = _Pending()


def mark_changed(model: type[models.Model], pks: Iterable) -> None:
    """Note objects whose documents must be rendered again once the transaction commits:
    the entry for writers that send no model signals (bulk writes).

    Writers that own their transaction (the importer, recompute) call `flush` before it
    commits, so documents and data commit together; the callback is then a no-op. Marks of
    a transaction rolled back stay until the next flush, which renders their documents
    again from the data as it is: wasted work, never a wrong document.
    """
    pending.objects[model].update(pks)
    transaction.on_commit(flush)


@cache
def root_paths(model: type[models.Model]) -> dict[tuple[type[models.Model], str], list]:
    """Each (model of a schema, ORM path) by which documents embed objects of `model`, with
    the schemas on that model whose documents do: schemas on one model share most paths
    (a launch's basic, normal and detailed forms), and each path is followed once."""
    found: dict[tuple[type[models.Model], str], list] = defaultdict(list)
    for serializer_class in rendered_serializers():
        for path in paths_to_roots(serializer_class).get(model, ()):
            found[(model_of(serializer_class), path)].append(serializer_class)
    return dict(found)


def _roots_of(changed: dict[type[models.Model], set]) -> dict[SerializerClass, set]:
    """By schema, the ids of every object whose document embeds the given objects.

    A schema found to need all its objects rendered again (an import into an empty
    database) follows no more paths: its documents' own objects come first, then the
    paths, skipping those whose schemas are complete."""
    roots: dict[SerializerClass, set] = defaultdict(set)
    for model, pks in changed.items():
        for (_, path), schemas in root_paths(model).items():
            if path == "pk":
                for serializer_class in schemas:
                    roots[serializer_class].update(pks)
    sizes: dict[type[models.Model], int] = {}
    every_pk: dict[type[models.Model], set] = {}

    def complete(serializer_class: SerializerClass) -> bool:
        found, model = roots[serializer_class], model_of(serializer_class)
        if not found:
            return False
        if model not in sizes:
            sizes[model] = model._default_manager.count()
        if len(found) < sizes[model]:
            return False
        # As many as the table holds, but some may be gone (a deleted object's id).
        if model not in every_pk:
            every_pk[model] = set(model._default_manager.values_list("pk", flat=True))
        return found >= every_pk[model]

    for model, pks in changed.items():
        for (root_model, path), schemas in root_paths(model).items():
            incomplete = [s for s in schemas if path != "pk" and not complete(s)]
            if not incomplete:
                continue
            manager = root_model._default_manager
            found = set()
            for batch in chunks(pks):
                found.update(
                    manager.filter(**{f"{path}__in": batch}).values_list("pk", flat=True).distinct()
                )
            for serializer_class in incomplete:
                roots[serializer_class].update(found)
    return roots


def flush() -> None:
    """Render again every document the noted changes touch, once per schema and object,
    and bump the data version."""
    changed, roots = pending.objects, pending.roots
    pending.objects, pending.roots = defaultdict(set), defaultdict(set)
    if not changed and not roots:
        return
    with transaction.atomic():
        for serializer_class, ids in _roots_of(changed).items():
            roots[serializer_class].update(ids)
        for serializer_class, ids in roots.items():
            if ids:
                render(serializer_class, sorted(ids, key=str))
        bump_version()


def bump_version() -> None:
    if not DataVersion.objects.filter(pk=1).update(version=F("version") + 1):
        DataVersion.objects.create(pk=1, version=1)


# Signals: every save, delete or relinking of an embedded object notes the change.


@cache
def tracked_models() -> frozenset[type[models.Model]]:
    return frozenset(
        model for serializer in rendered_serializers() for model in paths_to_roots(serializer)
    )


def _on_save(sender, instance, raw=False, **kwargs) -> None:
    if sender in tracked_models() and not raw:
        mark_changed(sender, [instance.pk])


def _before_save(sender, instance, raw=False, **kwargs) -> None:
    """A row moving to another parent (a flight to another spacecraft) leaves the old
    parent's documents stale: note the parents it had before the save."""
    if raw or instance._state.adding or sender not in tracked_models():
        return
    foreign_keys = [field for field in sender._meta.concrete_fields if field.many_to_one]
    old = sender._default_manager.filter(pk=instance.pk).values(
        *(field.attname for field in foreign_keys)
    )
    for row in old[:1]:
        for field in foreign_keys:
            if row[field.attname] is not None and row[field.attname] != getattr(
                instance, field.attname
            ):
                mark_changed(field.related_model, [row[field.attname]])


def _before_delete(sender, instance, **kwargs) -> None:
    """Once deleted, an object can no longer be followed to the documents embedding it, so
    they are found now."""
    if sender not in tracked_models():
        return
    for serializer_class, ids in _roots_of({sender: {instance.pk}}).items():
        pending.roots[serializer_class].update(ids)
    mark_changed(sender, [instance.pk])


def relinked(field: models.ManyToManyField, owner_pks: Iterable, target_pks: Iterable) -> None:
    """Note a change of many-to-many links (`field`, between rows holding it and rows it
    points to): the owners' documents print their targets, and the targets' documents that
    list their owners from the other side (a family's `spacecraft`) print them too. The
    latter are found through the targets, as an owner whose link is gone no longer leads
    to them."""
    mark_changed(field.model, owner_pks)
    target_pks = set(target_pks)
    if not target_pks:
        return
    accessor = field.remote_field.get_accessor_name()
    for serializer_class in rendered_serializers():
        for path in paths_to_roots(serializer_class).get(field.model, ()):
            head, _, last = path.rpartition("__")
            if last != accessor:
                continue
            if not head:
                pending.roots[serializer_class].update(target_pks)
                continue
            manager = model_of(serializer_class)._default_manager
            pending.roots[serializer_class].update(
                manager.filter(**{f"{head}__in": target_pks}).values_list("pk", flat=True)
            )
    transaction.on_commit(flush)


def _linked(field: models.ManyToManyField, pk, reverse: bool) -> list:
    """The rows linked through `field` to one row: an owner's targets, or with `reverse` a
    target's owners, read from the join table."""
    through = field.remote_field.through
    source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
    if reverse:
        source, target = target, source
    return list(through._default_manager.filter(**{source: pk}).values_list(target, flat=True))


def _on_relink(sender, instance, action, reverse, model, pk_set, **kwargs) -> None:
    owner_model = model if reverse else type(instance)
    field = next(
        (f for f in owner_model._meta.many_to_many if f.remote_field.through is sender), None
    )
    if field is None or not {field.model, field.related_model} & tracked_models():
        return
    if action == "pre_clear":
        # Once cleared, the links are gone: note what they linked while they are there.
        instance._ll2_cleared = _linked(field, instance.pk, reverse)
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    others = instance.__dict__.pop("_ll2_cleared", []) if pk_set is None else pk_set
    if reverse:
        relinked(field, others, [instance.pk])
    else:
        relinked(field, [instance.pk], others)


def connect_signals() -> None:
    for model in tracked_models():
        post_save.connect(_on_save, sender=model, dispatch_uid=f"ll2-save-{model._meta.label}")
        pre_save.connect(
            _before_save, sender=model, dispatch_uid=f"ll2-before-save-{model._meta.label}"
        )
        pre_delete.connect(
            _before_delete, sender=model, dispatch_uid=f"ll2-before-delete-{model._meta.label}"
        )
    m2m_changed.connect(_on_relink, dispatch_uid="ll2-relink")
