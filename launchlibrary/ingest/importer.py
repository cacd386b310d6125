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
- `ll2_named_awaited`: JSON key to the field of the related row its value names and the
  field keeping that name while no such row is held (an agency's `"parent": "Name"`): the
  row of that name is linked if there is one, else the name is kept, and a row that later
  takes the name (made or renamed) is linked in its place;
- `ll2_partial_children`: JSON key to reverse relation, for keys holding some of the
  children only (a station's `active_expeditions`, an agency's `launcher_list`): each is
  upserted, none is removed; through a reverse many-to-many (a family's `spacecraft`),
  each is linked to the parent and no link is removed;
- `ll2_list_position`: on a child model, the field its place in its parent's list is
  written to (a location's `pads`, which LL2 lists in an order of its own); children the
  list leaves out lose their place and come last;
- `ll2_keys`: JSON key to the field it fills, where the two are named apart (a rocket's
  `spacecraft_stage` is its `spacecraftflight` relation, as LL2's filters name it);
- `ll2_through`: JSON key to the foreign key it is stored through, for an object printed
  in place of the row it belongs to (a spacecraft flight prints its `launch`, and belongs to
  that launch's `rocket`): the object is upserted and the foreign key set to its row's;
- `ll2_unmodelled`: keys of objects this server does not model, accepted while empty;
- `ll2_shape` and `ll2_row`: for an object LL2 prints with neither `url` nor id (a
  dashboard), its keys (`response_mode` aside), by which a top-level object is routed, and
  the fields of the one row it is written to (`{"slug": "starship"}`);
- `ll2_merged`: keys holding objects of lists that are one list of the model's each (a
  dashboard's `upcoming` and `previous` launches and events): the lists are joined, each
  object once.

A copy of an object nested within the object itself (NASA in its own `spacecraft_list`)
fills only the keys the object's own copy lacks: the object's own word wins, as its own
copy is what its response is about.

What LL2 could not have sent is refused rather than stored: a value its column cannot hold
or its field's validators reject, an id below 0, control characters in text (`check_value`),
a new object lacking a field its row needs (`check_complete`), and an object whose own `url`
names another object (`check_own_url`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any
from urllib.parse import urlparse

import orjson
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import IntegrityError, connection, models, transaction
from django.db.backends.base.operations import BaseDatabaseOperations
from django.db.models.fields import AutoFieldMixin
from django.utils.duration import duration_iso_string

from launchlibrary.api.endpoint import registry
from launchlibrary.api.links import API_VERSION
from launchlibrary.readpath import documents
from launchlibrary.writes import save_changed

# Keys LL2 objects carry that are presentation, not data: every object's `response_mode`, and
# the `url` of its own API page (but a social media link's or an info URL's `url` is data).
PRESENTATION_KEYS = frozenset({"response_mode", "url"})
# C0 control characters but tab, newline and carriage return, and DEL: LL2's text holds none,
# and PostgreSQL cannot store NUL at all.
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


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


@cache
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


@dataclass(frozen=True)
class AwaitedName:
    """A foreign key given by the name of its row, kept by name until the row is held."""

    model: type[models.Model]
    foreign_key: models.ForeignKey
    name_field: str
    kept_field: str


@cache
def awaited_names() -> dict[type[models.Model], list[AwaitedName]]:
    """Models whose rows others may name before they are held (an agency's parent), to the
    references that wait for them (`ll2_named_awaited`)."""
    awaited: dict[type[models.Model], list[AwaitedName]] = defaultdict(list)
    for model in apps.get_models():
        for key, (name_field, kept_field) in getattr(model, "ll2_named_awaited", {}).items():
            foreign_key = model._meta.get_field(key)
            awaited[foreign_key.related_model].append(
                AwaitedName(model, foreign_key, name_field, kept_field)
            )
    return dict(awaited)


def link_awaiting(instance: models.Model) -> Counter:
    """Rows that named a row of the instance's model the database did not hold (kept by
    name, see `Importer._find_awaited`) link the instance, now that it holds the name: on
    import, and on the admin's saves. Returns how many were linked, by model."""
    linked_by_model: Counter = Counter()
    for awaited in awaited_names().get(type(instance), ()):
        name = getattr(instance, awaited.name_field)
        if name in ("", None):
            continue
        waiting = awaited.model._default_manager.filter(
            **{awaited.kept_field: name, awaited.foreign_key.attname: None}
        )
        if awaited.model is type(instance):
            waiting = waiting.exclude(pk=instance.pk)  # a row never stands in for itself
        linked = list(waiting.values_list("pk", flat=True))
        if linked:
            waiting.update(**{awaited.foreign_key.attname: instance.pk, awaited.kept_field: ""})
            # An update sends no signals: the linked rows' documents are noted here.
            documents.mark_changed(awaited.model, linked)
            linked_by_model[awaited.model._meta.verbose_name] += len(linked)
    return linked_by_model


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


@cache
def shaped_models() -> dict[frozenset, type[models.Model]]:
    """Models of objects printed with neither `url` nor id, by their keys (`ll2_shape`)."""
    return {
        model.ll2_shape: model for model in apps.get_models() if getattr(model, "ll2_shape", None)
    }


def model_for(obj: Any, json_path: str, resource: str | None = None) -> type[models.Model]:
    """The model of a top-level object, read from the resource its `url` names, else from
    the resource of its page, else from its keys."""
    if isinstance(obj, dict) and "url" not in obj:
        shaped = shaped_models().get(frozenset(obj) - {"response_mode"})
        if shaped:
            return shaped
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

    `new_only`, when given, makes the import add only what the database lacks: a row that
    existed before is left as it is, with everything nested in it (the bundled dataset
    never overwrites an admin edit or a newer import). The set names the rows made by the
    load this file belongs to, which its later files may update as LL2's newer word, and
    it grows with each row made.
    """

    def __init__(self, resource: str | None = None, new_only: set | None = None) -> None:
        self.resource = resource
        self.new_only = new_only
        self.report = ImportReport()
        # Objects already written in this file, by model, id and exact content: LL2 nests
        # the same agency or image many times, and each copy needs writing only once.
        self._seen: dict[tuple[type[models.Model], bytes], Any] = {}
        # The objects whose nested children are being written, by model and pk: a copy of
        # one nested within it yields to it.
        self._enclosing: dict[tuple[type[models.Model], Any], dict] = {}

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
        if "id" not in obj and hasattr(model, "ll2_row"):
            obj = {"id": self._row_of(model), **merged(model, obj, json_path)}
        if "id" not in obj:
            raise ImportRefused(json_path, f"{model.__name__} object has no `id`")
        memo_key = (model, orjson.dumps(obj, option=orjson.OPT_SORT_KEYS))
        if memo_key in self._seen:
            return self._seen[memo_key]
        if self.new_only is not None:
            kept = self._kept(model, obj["id"], f"{json_path}.id")
            if kept is not None:
                self._seen[memo_key] = kept
                return kept
        enclosing = self._enclosing_copy(model, obj["id"], f"{json_path}.id")
        if enclosing is not None:
            # A copy nested within the object itself: it adds only what the object's own
            # copy lacks (the id and presentation keys are kept, for the checks).
            obj = {
                key: value
                for key, value in obj.items()
                if key == "id" or key in PRESENTATION_KEYS or key not in enclosing
            }

        values, many_to_many, children = self._read(model, obj, json_path)
        values.update(parent or {})
        pk = values.pop("id")
        if "url" in obj and not _has_field(model, "url"):
            check_own_url(model, obj["url"], pk, f"{json_path}.url")
        instance, created = self._save(model, pk, values, json_path)
        name_field = named_lookups().get(model)
        if name_field is not None and name_field in values:
            self._merge_named(model, pk, name_field, values[name_field])
        self.report.updated.update(link_awaiting(instance))
        for name, pks in many_to_many.items():
            if set_in_order(instance, name, pks) and not created:
                self.report.updated[model._meta.verbose_name] += 1
        if children:
            self._write_children(instance, obj, children, created)
        if enclosing is None:
            self._seen[memo_key] = pk
        return pk

    def _row_of(self, model: type[models.Model]) -> Any:
        """The pk of the one row an object printed without an id is written to (`ll2_row`),
        made if there is none: then a row of this load, which `new_only` lets it fill."""
        row, created = model._default_manager.get_or_create(**model.ll2_row)
        if created:
            self.report.created[model._meta.verbose_name] += 1
            if self.new_only is not None:
                self.new_only.add((model, str(row.pk)))
        return row.pk

    def _enclosing_copy(self, model: type[models.Model], raw_id: Any, path: str) -> dict | None:
        """The copy of the object `raw_id` names if this one is nested within it, else None."""
        if not self._enclosing:
            return None
        return self._enclosing.get((model, self._clean(model._meta.pk, raw_id, path)))

    def _write_children(
        self, instance: models.Model, obj: dict, children: list, created: bool
    ) -> None:
        """Write the reverse-relation children of a row just saved; copies of the row nested
        among them yield to `obj`, the row's own copy."""
        key = (type(instance), instance.pk)
        outermost = key not in self._enclosing
        if outermost:
            self._enclosing[key] = obj
        try:
            for relation, value, path, partial in children:
                if relation.many_to_many:
                    if self._add_members(instance, relation, value, path) and not created:
                        self.report.updated[instance._meta.verbose_name] += 1
                elif partial:
                    self._add_children(instance, relation, value, path)
                else:
                    self._replace_children(instance, relation, self._list(value, path), path)
        finally:
            if outermost:
                del self._enclosing[key]

    def _read(self, model: type[models.Model], obj: dict, json_path: str):
        """Split an object into column values (nested objects written first, by their pk),
        many-to-many pk lists, and reverse-relation children to write after the row."""
        values: dict[str, Any] = {}
        many_to_many: dict[str, list] = {}
        children: list[tuple[models.ForeignObjectRel, Any, str, bool]] = []
        partial_children = getattr(model, "ll2_partial_children", {})
        unmodelled = getattr(model, "ll2_unmodelled", frozenset())
        named = getattr(model, "ll2_named", {})
        awaited = getattr(model, "ll2_named_awaited", {})
        through = getattr(model, "ll2_through", {})
        field_names = getattr(model, "ll2_keys", {})
        list_position = getattr(model, "ll2_list_position", None)
        for key, value in obj.items():
            if key in PRESENTATION_KEYS and not _has_field(model, key):
                continue
            path = f"{json_path}.{key}"
            if key in unmodelled:
                if value not in (None, []):
                    raise ImportRefused(path, f"{key!r} objects are not modelled")
                continue
            if key in through:
                values.update(self._through(model._meta.get_field(through[key]), key, value, path))
                continue
            try:
                if key == list_position:
                    # The place in a parent's list is the importer's to write, never a key's.
                    raise FieldDoesNotExist
                model_field = model._meta.get_field(
                    partial_children.get(key) or field_names.get(key, key)
                )
            except FieldDoesNotExist:
                raise ImportRefused(path, f"{model.__name__} has no field {key!r}") from None
            if key in awaited:
                values.update(self._find_awaited(model_field, *awaited[key], value, path))
            elif key in named:
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
            elif model_field.one_to_one:
                # A reverse one-to-one (a landing's `firststage`): the one child, upserted.
                if value is not None:
                    children.append((model_field, value, path, True))
            elif model_field.one_to_many or model_field.many_to_many:
                # A reverse relation; through a many-to-many, only some members are taken.
                if model_field.many_to_many and key not in partial_children:
                    raise ImportRefused(path, f"the whole of {key!r} is not taken")
                if value is not None:
                    children.append((model_field, value, path, key in partial_children))
            else:
                values[model_field.attname] = self._clean(model_field, value, path)
        return values, many_to_many, children

    def _through(
        self, foreign_key: models.ForeignKey, key: str, value: Any, path: str
    ) -> dict[str, Any]:
        """The foreign key of a row printed as the row it belongs to (`ll2_through`): the
        object under `key` is upserted, and the foreign key takes the row that object's own
        one-to-one (`Launch.rocket`) points to."""
        if value is None:
            return {foreign_key.attname: self._null(foreign_key, path)}
        owner = foreign_key.related_model._meta.get_field(key)  # the reverse one-to-one
        pk = self.upsert(owner.related_model, value, path)
        rows = owner.related_model._default_manager.filter(pk=pk)
        owner_pk = rows.values_list(owner.field.attname, flat=True).get()
        if owner_pk is None:
            raise ImportRefused(
                path, f"the {key} holds no {foreign_key.name}, which this object belongs to"
            )
        return {foreign_key.attname: owner_pk}

    def _kept(self, model: type[models.Model], raw_id: Any, path: str) -> Any:
        """With `new_only`, the pk of a row that was there before this load, to be kept as
        it is; None for a row to write."""
        pk = self._clean(model._meta.pk, raw_id, path)
        if (model, str(pk)) in self.new_only:
            return None
        return pk if model._default_manager.filter(pk=pk).exists() else None

    def _save(
        self, model: type[models.Model], pk: Any, values: dict[str, Any], json_path: str
    ) -> tuple[models.Model, bool]:
        """Create the row, or update the fields that differ; return it and whether it is new."""
        instance = model._default_manager.filter(pk=pk).first()
        if instance is None:
            check_complete(model, values, json_path)
            try:
                instance = model._default_manager.create(pk=pk, **values)
            except IntegrityError as error:
                # A reference by id alone (`{"id": 7, "url": ...}`) to an object never seen.
                raise ImportRefused(json_path, f"cannot create {model.__name__}: {error}") from None
            self.report.created[model._meta.verbose_name] += 1
            if self.new_only is not None:
                self.new_only.add((model, str(pk)))
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

    def _find_awaited(
        self,
        model_field: models.ForeignKey,
        name_field: str,
        kept_field: str,
        value: Any,
        path: str,
    ) -> dict[str, Any]:
        """The foreign key and kept name of a reference by name (an agency's `parent`): the
        row of that name if the database holds one, else no row and the name, kept until a
        row of it arrives (`link_awaiting`)."""
        kept = model_field.model._meta.get_field(kept_field)
        if value in ("", None):
            return {model_field.attname: self._null(model_field, path), kept.attname: ""}
        name = self._clean(kept, value, path)
        rows = model_field.related_model._default_manager.filter(**{name_field: name})
        pk = rows.order_by("pk").values_list("pk", flat=True).first()
        if pk is None:
            return {model_field.attname: None, kept.attname: name}
        return {model_field.attname: pk, kept.attname: ""}

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
        each is upserted, the others are kept. Where the children keep their place in the
        list, those the list leaves out lose theirs and come last."""
        child_model = relation.related_model
        parent_link = {relation.field.attname: instance.pk}
        if isinstance(value, dict):
            self.upsert(child_model, value, path, parent=parent_link)
            return
        listed = [
            self.upsert(
                child_model,
                item,
                f"{path}[{index}]",
                parent=parent_link | list_place(child_model, index),
            )
            for index, item in enumerate(self._list(value, path))
        ]
        position = getattr(child_model, "ll2_list_position", None)
        if position:
            left_out = (
                child_model._default_manager.filter(**parent_link)
                .exclude(pk__in=listed)
                .exclude(**{f"{position}__isnull": True})
            )
            unplaced = list(left_out.values_list("pk", flat=True))
            if unplaced:
                left_out.update(**{position: None})
                # An update sends no signals: the rows' documents are noted here.
                documents.mark_changed(child_model, unplaced)
                self.report.updated[instance._meta.verbose_name] += 1

    def _add_members(
        self, instance: models.Model, relation: models.ManyToManyRel, value: Any, path: str
    ) -> bool:
        """Some of the rows linking the parent through their many-to-many (a family's
        `spacecraft`): each is upserted and linked to it, no link is removed. Returns
        whether a link was added."""
        members = [
            self.upsert(relation.related_model, item, f"{path}[{index}]")
            for index, item in enumerate(self._list(value, path))
        ]
        added = add_links(instance, relation, members)
        if added:
            # Links made in bulk send no signals: both sides' documents are noted here.
            documents.relinked(relation.field, added, [instance.pk])
        return bool(added)

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
            self.upsert(
                child_model,
                item,
                f"{path}[{index}]",
                parent=parent_link | list_place(child_model, index),
            )
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
            check_complete(child_model, values | parent_link, item_path)
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
        if isinstance(model_field, models.UUIDField) and not isinstance(value, str):
            # Django would read a number as a UUID's 128 bits; LL2 writes UUIDs as strings.
            raise ImportRefused(path, f"not a UUID: {value!r}")
        try:
            cleaned = model_field.to_python(value)
        except ValidationError as error:
            raise ImportRefused(path, "; ".join(error.messages)) from None
        except OverflowError:
            # A duration of more days than Python's timedelta holds.
            raise ImportRefused(path, f"out of range: {value!r}") from None
        check_value(model_field, cleaned, path)
        return cleaned


def check_value(model_field: models.Field, value: Any, path: str) -> None:
    """Refuse a value LL2 could not have sent, which the database would store or answer with
    an error: text longer than its column or holding control characters, a number or
    duration out of its column's range, a moment out of Python's range once in UTC, an id
    below 0 (LL2's ids start at 0; rows this server makes itself take ids below, see
    `Importer._find_named`), or a value the field's validators reject (counts are columns of
    whole numbers from 0, which their range covers; durations have a minimum of 0).

    Only the validators a model declares run, not those of the field's type: LL2's links are
    not all URLs Django's `URLValidator` accepts (the saved responses in
    `tests/fixtures/data` hold `"image_url": "nasaImageUrl"`), and a mirror keeps them."""
    if isinstance(value, str):
        control = CONTROL_CHARACTER.search(value)
        if control:
            raise ImportRefused(path, f"control character U+{ord(control.group()):04X} in text")
        max_length = getattr(model_field, "max_length", None)
        if max_length and len(value) > max_length:
            raise ImportRefused(path, f"longer than {max_length} characters")
    elif isinstance(value, int | timedelta) and not isinstance(value, bool):
        low, high = column_range(model_field)
        if not low <= value <= high:
            show = duration_iso_string if isinstance(value, timedelta) else str
            raise ImportRefused(
                path, f"{show(value)} is out of its column's range, {show(low)} to {show(high)}"
            )
        if model_field.primary_key and value < 0:
            raise ImportRefused(path, f"LL2 ids are never below 0: {value}")
    elif isinstance(value, datetime) and value.tzinfo is not None:
        try:
            value.astimezone(UTC)
        except OverflowError:
            # Stored in UTC, a moment past 9999 or before year 1 could not be read back.
            raise ImportRefused(path, f"{value.isoformat()} is out of range in UTC") from None
    for validator in model_field.validators:
        if validator in model_field.default_validators:
            continue
        try:
            validator(value)
        except ValidationError as error:
            raise ImportRefused(path, "; ".join(error.messages)) from None


def column_range(model_field: models.Field) -> tuple[Any, Any]:
    """The lowest and highest value `model_field`'s column holds, the same on every database
    so that a file refused on one is refused on all: an integer column's range on PostgreSQL
    (SQLite would store any 64-bit integer), and for a duration a bigint of microseconds, as
    SQLite stores it (PostgreSQL's interval holds more)."""
    ranges = BaseDatabaseOperations.integer_field_ranges
    if isinstance(model_field, models.DurationField):
        return tuple(timedelta(microseconds=bound) for bound in ranges["BigIntegerField"])
    internal_type = model_field.get_internal_type()
    if connection.vendor == "sqlite":
        return ranges[internal_type]
    return connection.ops.integer_field_range(internal_type)


@cache
def required_fields(model: type[models.Model]) -> tuple[models.Field, ...]:
    """The columns a new row of `model` must be given: NOT NULL, without a default, and not
    allowed blank. Read from the model rather than from LL2's spec: the spec requires what
    one form of an object carries, while an object first seen in a shorter form (a `mini`
    agency) is created from what it carries, and only the row knows what it cannot lack."""
    return tuple(
        model_field
        for model_field in model._meta.concrete_fields
        if not (
            model_field.primary_key
            or model_field.null
            or model_field.blank
            or model_field.has_default()
            or model_field.has_db_default()
        )
    )


def check_complete(model: type[models.Model], values: dict[str, Any], json_path: str) -> None:
    """Refuse a new object lacking a field its row needs (Django would store "" for a
    missing name, or the database refuse the row)."""
    missing = [f"`{field.name}`" for field in required_fields(model) if field.attname not in values]
    if missing:
        raise ImportRefused(json_path, f"a new {model.__name__} needs {', '.join(missing)}")


def check_own_url(model: type[models.Model], url: Any, pk: Any, json_path: str) -> None:
    """Refuse an object's own `url` when it names another object: another id, or an object
    of another resource than the model its position holds."""
    if not isinstance(url, str):
        raise ImportRefused(json_path, f"not a URL: {url!r}")
    resource = resource_in({"url": url}, "url", json_path, ends_in_id=True)
    try:
        named_pk = model._meta.pk.to_python(urlparse(url).path.rstrip("/").rpartition("/")[2])
    except ValidationError:
        named_pk = None
    if named_pk != pk or resource_models().get(resource) is not model:
        raise ImportRefused(json_path, f"names another object than {model.__name__} {pk}: {url}")


def _has_field(model: type[models.Model], name: str) -> bool:
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def merged(model: type[models.Model], obj: dict, json_path: str) -> dict:
    """The object with the lists under its `ll2_merged` keys joined, each object once (a
    launch of the last 24 hours is both upcoming and previous)."""
    joined: dict[str, dict] = {}
    for key in getattr(model, "ll2_merged", ()):
        part = obj.get(key)
        if part is None:
            continue
        if not isinstance(part, dict):
            raise ImportRefused(f"{json_path}.{key}", "expected an object of lists")
        for name, items in part.items():
            if not isinstance(items, list):
                raise ImportRefused(f"{json_path}.{key}.{name}", "expected a list")
            for item in items:
                identity = item.get("id") if isinstance(item, dict) else None
                key_of = orjson.dumps(item if identity is None else identity)
                joined.setdefault(name, {}).setdefault(key_of, item)
    rest = {key: value for key, value in obj.items() if key not in getattr(model, "ll2_merged", ())}
    # In one order, whichever side each was on (by its id's JSON text): which side an object
    # is on, and where, changes with the clock, so the order served is no order of the links.
    return rest | {name: [items[key] for key in sorted(items)] for name, items in joined.items()}


def set_in_order(instance: models.Model, name: str, pks: list) -> bool:
    """Link `instance` to `pks` through its many-to-many field `name`, in the list's order.

    LL2 lists a many-to-many relation in the order its links were made, so the links are
    written in the list's order and read back ordered by the link table's id (see
    `launchlibrary.api.prefetch`). Returns whether anything changed; the documents of both
    sides of the links made or removed are noted, as links written in bulk send no signals.
    """
    field = instance._meta.get_field(name)
    through = field.remote_field.through
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    links = through._default_manager.filter(**{source: instance.pk})
    linked = list(links.order_by("pk").values_list(f"{target}_id", flat=True))
    if linked == pks:
        return False
    links.delete()
    through._default_manager.bulk_create(
        through(**{f"{source}_id": instance.pk, f"{target}_id": pk}) for pk in dict.fromkeys(pks)
    )
    documents.relinked(field, [instance.pk], set(linked) ^ set(pks))
    return True


def list_place(model: type[models.Model], index: int) -> dict[str, int]:
    """The value giving a child its place in its parent's list: its index, in the field the
    model names in `ll2_list_position`; nothing for a model keeping no place."""
    position = getattr(model, "ll2_list_position", None)
    return {position: index} if position else {}


def add_links(instance: models.Model, relation: models.ManyToManyRel, pks: list) -> list:
    """Link the rows `pks` to `instance` through their many-to-many to it (the reverse
    relation `relation`), after their other links; return those newly linked."""
    field = relation.field
    through = field.remote_field.through
    member, owner = field.m2m_field_name(), field.m2m_reverse_field_name()
    links = through._default_manager.filter(**{f"{owner}_id": instance.pk})
    linked = set(links.filter(**{f"{member}_id__in": pks}).values_list(f"{member}_id", flat=True))
    added = [pk for pk in dict.fromkeys(pks) if pk not in linked]
    through._default_manager.bulk_create(
        through(**{f"{member}_id": pk, f"{owner}_id": instance.pk}) for pk in added
    )
    return added


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
