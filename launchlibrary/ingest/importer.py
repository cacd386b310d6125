"""The one way LL2 JSON enters the database.

Objects are placed by their position: a JSON key names the model field it fills, so a
nested object goes to the model its foreign key, many-to-many or reverse relation points
to, and is upserted by its LL2 id. Only the keys present are written, so a `mini`
agency never blanks the fields a `detailed` one filled. Every file is one transaction.

A model may say more of its JSON with class attributes:
- `ll2_resource`: the LL2 resource whose URLs name it (`spacecraft`, `agencies`, ...), so a
  top-level object is routed by its `url` (a path the registry serves routes to its model
  without it); lookups (`/config/...`) carry no `url`, and their page is routed by its
  `next` or `previous` link or by the resource given;
- `ll2_named`: JSON key to the field of the related row its value names (a mission's
  `"type": "Resupply"`): the row of that name is found, or made with an id below LL2's;
  LL2's own row of the name, imported later, takes over the references of such a row;
- `ll2_partial_children`: JSON key to reverse relation, for keys holding some of the
  children only (a station's `active_expeditions`): each is upserted, none is removed;
- `ll2_unmodelled`: keys of objects this server does not model, accepted while empty.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from urllib.parse import urlparse

import orjson
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import IntegrityError, connection, models, transaction
from django.db.models.fields import AutoFieldMixin

from launchlibrary.api.endpoint import registry
from launchlibrary.api.links import API_VERSION
from launchlibrary.readpath import documents
from launchlibrary.writes import save_changed

# Keys LL2 objects carry that are presentation, not data: every object's `response_mode`, and
# the `url` of its own API page (but a social media link's or an info URL's `url` is data).
PRESENTATION_KEYS = frozenset({"response_mode", "url"})


class ImportRefused(Exception):
    """The input is not LL2 JSON we can place; nothing of its file was written."""

    def __init__(self, json_path: str, reason: str):
        self.json_path = json_path
        self.reason = reason
        super().__init__(f"at {json_path}: {reason}")


@dataclass
class ImportReport:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)

    @property
    def changed(self) -> int:
        return sum(self.created.values()) + sum(self.updated.values())

    def summary(self) -> str:
        if not self.changed:
            return "no changes"
        parts = [f"{n} {name} created" for name, n in sorted(self.created.items())]
        parts += [f"{n} {name} updated" for name, n in sorted(self.updated.items())]
        return ", ".join(parts)


def resource_models() -> dict[str, type[models.Model]]:
    """LL2 resource name (`spacecraft`, `config/orbits`, ...) to the model that holds it:
    every path served of a whole table, and the resources models name in `ll2_resource`
    that no path serves yet."""
    named = {
        model.ll2_resource: model
        for model in apps.get_models()
        if getattr(model, "ll2_resource", None)
    }
    served = {endpoint.path: endpoint.model for endpoint in registry if endpoint.serves_every_row}
    return named | served


def top_level_objects(document: Any) -> Iterator[tuple[str, Any]]:
    """The objects of an LL2 response: a page's `results`, a bare list, or one object."""
    if isinstance(document, dict) and isinstance(document.get("results"), list):
        for index, item in enumerate(document["results"]):
            yield f"$.results[{index}]", item
    elif isinstance(document, list):
        for index, item in enumerate(document):
            yield f"$[{index}]", item
    else:
        yield "$", document


@cache
def named_lookups() -> dict[type[models.Model], str]:
    """Models whose rows other objects name (mission types), to the field naming them."""
    return {
        model._meta.get_field(key).related_model: name_field
        for model in apps.get_models()
        for key, name_field in getattr(model, "ll2_named", {}).items()
    }


def resource_in(obj: dict, key: str, json_path: str, *, ends_in_id: bool) -> str:
    """The LL2 resource the URL under `key` names: every path segment between the version
    and the id (`config/orbits` in `/2.3.0/config/orbits/5/`), or to the end in a page's
    link."""
    segments = [part for part in urlparse(obj[key]).path.split("/") if part]
    if ends_in_id:
        segments = segments[:-1]
    if len(segments) < 2 or segments[0] != API_VERSION:
        raise ImportRefused(json_path, f"`{key}` is not an LL2 {API_VERSION} URL: {obj[key]!r}")
    return "/".join(segments[1:])


def page_resource(document: Any) -> str | None:
    """The resource a page's `next` or `previous` link names, for a page whose objects carry
    no `url` (a `/config/` page); None otherwise, as objects with a `url` route themselves
    and one without among them is damaged. A one-page lookup has neither link: its resource
    must be given."""
    if not isinstance(document, dict) or not isinstance(document.get("results"), list):
        return None
    if any(isinstance(item, dict) and "url" in item for item in document["results"]):
        return None
    for link in ("next", "previous"):
        if isinstance(document.get(link), str):
            return resource_in(document, link, "$", ends_in_id=False)
    return None


def model_for(obj: Any, json_path: str, resource: str | None = None) -> type[models.Model]:
    """The model of a top-level object, read from the resource its `url` names, else from
    the resource of its page."""
    if isinstance(obj, dict) and isinstance(obj.get("url"), str):
        resource = resource_in(obj, "url", json_path, ends_in_id=True)
    elif not isinstance(obj, dict) or resource is None:
        raise ImportRefused(json_path, "not an LL2 object (no `url` naming its resource)")
    model = resource_models().get(resource)
    if model is None:
        raise ImportRefused(json_path, f"objects of LL2 resource {resource!r} are not modelled")
    return model


class Importer:
    """Upserts LL2 objects with everything nested in them. Use one per file.

    `resource` routes the top-level objects without a `url` (`config/orbits`).
    """

    def __init__(self, resource: str | None = None) -> None:
        self.resource = resource
        self.report = ImportReport()
        # Objects already written in this file, by model, id and exact content: LL2 nests
        # the same agency or image many times, and each copy needs writing only once.
        self._seen: dict[tuple[type[models.Model], bytes], Any] = {}

    def import_objects(self, objects: Iterable[tuple[str, Any]]) -> ImportReport:
        with transaction.atomic():
            for json_path, obj in objects:
                self.upsert(model_for(obj, json_path, self.resource), obj, json_path)
            reset_sequences()
            documents.flush()
        return self.report

    def upsert(
        self, model: type[models.Model], obj: Any, json_path: str, parent: dict | None = None
    ) -> Any:
        """Write `obj` as a row of `model` (and its nested objects first); return its pk."""
        if not isinstance(obj, dict):
            raise ImportRefused(json_path, f"expected an object for {model.__name__}")
        if "id" not in obj:
            raise ImportRefused(json_path, f"{model.__name__} object has no `id`")
        memo_key = (model, orjson.dumps(obj, option=orjson.OPT_SORT_KEYS))
        if memo_key in self._seen:
            return self._seen[memo_key]

        values, many_to_many, children = self._read(model, obj, json_path)
        values.update(parent or {})
        pk = values.pop("id")
        instance, created = self._save(model, pk, values, json_path)
        name_field = named_lookups().get(model)
        if name_field is not None and name_field in values:
            self._merge_named(model, pk, name_field, values[name_field])
        for name, pks in many_to_many.items():
            if set_in_order(instance, name, pks):
                documents.mark_changed(model, [pk])
                if not created:
                    self.report.updated[model._meta.verbose_name] += 1
        for relation, value, path, partial in children:
            if partial:
                self._add_children(instance, relation, value, path)
            else:
                self._replace_children(instance, relation, self._list(value, path), path)
        self._seen[memo_key] = pk
        return pk

    def _read(self, model: type[models.Model], obj: dict, json_path: str):
        """Split an object into column values (nested objects written first, by their pk),
        many-to-many pk lists, and reverse-relation children to write after the row."""
        values: dict[str, Any] = {}
        many_to_many: dict[str, list] = {}
        children: list[tuple[models.ForeignObjectRel, Any, str, bool]] = []
        partial_children = getattr(model, "ll2_partial_children", {})
        unmodelled = getattr(model, "ll2_unmodelled", frozenset())
        named = getattr(model, "ll2_named", {})
        for key, value in obj.items():
            if key in PRESENTATION_KEYS and not _has_field(model, key):
                continue
            path = f"{json_path}.{key}"
            if key in unmodelled:
                if value not in (None, []):
                    raise ImportRefused(path, f"{key!r} objects are not modelled")
                continue
            try:
                model_field = model._meta.get_field(partial_children.get(key, key))
            except FieldDoesNotExist:
                raise ImportRefused(path, f"{model.__name__} has no field {key!r}") from None
            if key in named:
                values[model_field.attname] = self._find_named(model_field, named[key], value, path)
            elif model_field.concrete and (model_field.many_to_one or model_field.one_to_one):
                values[model_field.attname] = (
                    self._null(model_field, path)
                    if value is None
                    else self.upsert(model_field.related_model, value, path)
                )
            elif model_field.many_to_many and model_field.concrete:
                many_to_many[model_field.name] = [
                    self.upsert(model_field.related_model, item, f"{path}[{index}]")
                    for index, item in enumerate(self._list(value, path))
                ]
            elif model_field.one_to_many:
                if value is not None:
                    children.append((model_field, value, path, key in partial_children))
            else:
                values[model_field.attname] = self._clean(model_field, value, path)
        return values, many_to_many, children

    def _save(
        self, model: type[models.Model], pk: Any, values: dict[str, Any], json_path: str
    ) -> tuple[models.Model, bool]:
        """Create the row, or update the fields that differ; return it and whether it is new."""
        instance = model._default_manager.filter(pk=pk).first()
        if instance is None:
            try:
                instance = model._default_manager.create(pk=pk, **values)
            except IntegrityError as error:
                # A reference by id alone (`{"id": 7, "url": ...}`) to an object never seen.
                raise ImportRefused(json_path, f"cannot create {model.__name__}: {error}") from None
            self.report.created[model._meta.verbose_name] += 1
            return instance, True
        if save_changed(instance, values):
            self.report.updated[model._meta.verbose_name] += 1
        return instance, False

    def _find_named(
        self, model_field: models.ForeignKey, name_field: str, value: Any, path: str
    ) -> Any:
        """The pk of the related row whose `name_field` is `value`, made if there is none;
        an empty or null value names no row."""
        if value in ("", None):
            return self._null(model_field, path)
        related = model_field.related_model
        name = self._clean(related._meta.get_field(name_field), value, path)
        rows = related._default_manager.filter(**{name_field: name}).order_by("pk")
        pk = rows.values_list("pk", flat=True).first()
        if pk is None:
            # LL2 numbers its rows from 0 up: a row made here from a name alone takes an id
            # below, so LL2's row of the name, imported later with its own id, never lands
            # on it and merges it instead (`_merge_named`).
            lowest = related._default_manager.aggregate(lowest=models.Min("pk"))["lowest"]
            pk = min(lowest or 0, 0) - 1
            related._default_manager.create(pk=pk, **{name_field: name})
            self.report.created[related._meta.verbose_name] += 1
        return pk

    def _merge_named(self, model: type[models.Model], pk: Any, name_field: str, name: Any) -> None:
        """LL2's row `pk` takes over the references of the rows made from its name alone
        (ids below 0, see `_find_named`), which are dropped: one row per name."""
        made_from_name = model._default_manager.filter(**{name_field: name}, pk__lt=0)
        for duplicate in made_from_name.exclude(pk=pk):
            for relation in model._meta.related_objects:
                referring = relation.related_model._default_manager.filter(
                    **{relation.field.name: duplicate}
                )
                moved = list(referring.values_list("pk", flat=True))
                if moved:
                    referring.update(**{relation.field.attname: pk})
                    # An update sends no signals: the referring rows' documents are noted here.
                    documents.mark_changed(relation.related_model, moved)
                    self.report.updated[relation.related_model._meta.verbose_name] += len(moved)
            duplicate.delete()

    def _add_children(
        self, instance: models.Model, relation: models.ForeignObjectRel, value: Any, path: str
    ) -> None:
        """Some of the parent's children (a docking location's `currently_docked` event):
        each is upserted, the others are kept."""
        parent_link = {relation.field.attname: instance.pk}
        if isinstance(value, dict):
            self.upsert(relation.related_model, value, path, parent=parent_link)
            return
        for index, item in enumerate(self._list(value, path)):
            self.upsert(relation.related_model, item, f"{path}[{index}]", parent=parent_link)

    def _replace_children(
        self, instance: models.Model, relation: models.ForeignObjectRel, items: list, path: str
    ) -> None:
        """A list under a reverse relation (an image's `variants`) is the whole set."""
        child_model = relation.related_model
        parent_link = {relation.field.attname: instance.pk}
        existing = child_model._default_manager.filter(**parent_link)
        if any(isinstance(item, dict) and "id" not in item for item in items):
            self._replace_values(instance, child_model, existing, items, path, parent_link)
            return
        kept = [
            self.upsert(child_model, item, f"{path}[{index}]", parent=parent_link)
            for index, item in enumerate(items)
        ]
        deleted, _ = existing.exclude(pk__in=kept).delete()
        if deleted:
            self.report.updated[instance._meta.verbose_name] += 1

    def _replace_values(self, instance, child_model, existing, items, path, parent_link) -> None:
        """Children without LL2 ids (a mission's info and video URLs) have no identity to
        upsert by: when their list differs from what is stored, it replaces it whole."""
        rows = []
        for index, item in enumerate(items):
            item_path = f"{path}[{index}]"
            if not isinstance(item, dict):
                raise ImportRefused(item_path, f"expected an object for {child_model.__name__}")
            values, many_to_many, children = self._read(child_model, item, item_path)
            if many_to_many or children:
                raise ImportRefused(item_path, "nested lists in objects without `id`")
            rows.append(values | parent_link)
        columns = sorted({column for row in rows for column in row}) or ["pk"]
        rows = [{column: row.get(column) for column in columns} for row in rows]
        stored = list(existing.order_by("pk").values(*columns))
        if stored != rows:
            existing.delete()
            child_model._default_manager.bulk_create(child_model(**row) for row in rows)
            # Bulk creation sends no signals: the parent's documents are noted here.
            documents.mark_changed(type(instance), [instance.pk])
            self.report.updated[instance._meta.verbose_name] += 1

    @staticmethod
    def _list(value: Any, path: str) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            raise ImportRefused(path, "expected a list")
        return value

    @staticmethod
    def _null(model_field: models.Field, path: str) -> None:
        if not model_field.null:
            raise ImportRefused(path, f"{model_field.name} may not be null")
        return None

    @staticmethod
    def _clean(model_field: models.Field, value: Any, path: str) -> Any:
        if isinstance(value, dict | list):
            raise ImportRefused(path, f"expected a value for {model_field.name}, not a structure")
        if value is None:
            return Importer._null(model_field, path)
        try:
            cleaned = model_field.to_python(value)
        except ValidationError as error:
            raise ImportRefused(path, "; ".join(error.messages)) from None
        max_length = getattr(model_field, "max_length", None)
        if max_length and isinstance(cleaned, str) and len(cleaned) > max_length:
            raise ImportRefused(path, f"longer than {max_length} characters")
        return cleaned


def _has_field(model: type[models.Model], name: str) -> bool:
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def set_in_order(instance: models.Model, name: str, pks: list) -> bool:
    """Link `instance` to `pks` through its many-to-many field `name`, in the list's order.

    LL2 lists a many-to-many relation in the order its links were made, so the links are
    written in the list's order and read back ordered by the link table's id (see
    `launchlibrary.api.prefetch`). Returns whether anything changed.
    """
    field = instance._meta.get_field(name)
    through = field.remote_field.through
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    links = through._default_manager.filter(**{source: instance.pk})
    if list(links.order_by("pk").values_list(f"{target}_id", flat=True)) == pks:
        return False
    links.delete()
    through._default_manager.bulk_create(
        through(**{f"{source}_id": instance.pk, f"{target}_id": pk}) for pk in dict.fromkeys(pks)
    )
    return True


def reset_sequences() -> None:
    """Move PostgreSQL's id sequences past the imported LL2 ids, so rows added later (in the
    admin) get fresh ids. SQLite needs nothing: it always continues after the largest id.

    Django's own reset would `setval` a table holding only id 0 (LL2 has such rows) to 0,
    out of the sequence's range; here a sequence never goes below 1.
    """
    if connection.vendor != "postgresql":
        return
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for model in apps.get_models():
            pk = model._meta.pk
            if not isinstance(pk, AutoFieldMixin):
                continue
            table, column = quote(model._meta.db_table), quote(pk.column)
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence(%s, %s), "
                f"GREATEST(COALESCE(MAX({column}), 0), 1), MAX({column}) >= 1) FROM {table}",
                [model._meta.db_table, pk.column],
            )


def load_document(raw: bytes, json_path: str = "$") -> Any:
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise ImportRefused(json_path, f"not JSON: {error}") from None
