"""Eager loading derived from the serializer in use, so a page costs the same few queries
whatever its length: forward relations are joined, to-many relations prefetched in one
query each (recursively, with their own joins), in the order LL2 lists them.

A query joins at most `MAX_JOINED_TABLES` tables (SQLite joins no more than 64): a nested
object whose own nested objects would take it past that is fetched by a query of its own
(a docking event's chaser flight, with its spacecraft, launch and their agencies)."""

from functools import cache
from typing import NamedTuple

from django.db import connection
from django.db.models import F, Field, ForeignObjectRel, Model, Prefetch, Q, QuerySet
from django.db.models.expressions import RawSQL
from rest_framework import serializers

SerializerClass = type[serializers.Serializer]
MAX_JOINED_TABLES = 60


class Fetch(NamedTuple):
    """A relation read by a query of its own: a list (some of its rows, `where`, in
    `order`), or one object too far to join."""

    path: str
    model: type[Model]
    serializer_class: SerializerClass
    listed: bool
    where: Q = Q()
    order: tuple = ()


def prefetched_attribute(relation: str) -> str:
    """The attribute a prefetched list is left in: a plain list rather than the related
    manager's cache, which Django fills by cloning a queryset for every object."""
    return f"_prefetched_{relation}"


def eager(queryset: QuerySet, serializer_class: SerializerClass) -> QuerySet:
    joins, fetches = _plan(serializer_class, queryset.model)
    return queryset.select_related(*joins).prefetch_related(
        *(
            Prefetch(
                fetch.path,
                queryset=eager(
                    fetch.model._default_manager.filter(fetch.where).order_by(*fetch.order),
                    fetch.serializer_class,
                ),
                # One object fills the relation's own cache, as a join would.
                to_attr=prefetched_attribute(fetch.path.rpartition("__")[2])
                if fetch.listed
                else None,
            )
            for fetch in fetches
        )
    )


def nested_relations(serializer: serializers.Serializer, model: type[Model]):
    """The serializer's nested objects: (ORM path, model field of its last step, nested
    serializer, the field holding them: the nested serializer or a list of them). A dotted
    source (`rocket.launch`, a flight's launch reached through its rocket) is one path of
    several steps."""
    for field in serializer.fields.values():
        many = isinstance(field, serializers.ListSerializer)
        nested = field.child if many else field
        if isinstance(nested, serializers.BaseSerializer) and field.source != "*":
            relation, step_model = None, model
            for step in field.source.split("."):
                relation = step_model._meta.get_field(step)
                step_model = relation.related_model
            yield field.source.replace(".", "__"), relation, nested, field


@cache
def embedded_paths(serializer_class: SerializerClass, model: type[Model]) -> dict:
    """Every ORM path from `model` to an object its serialized form embeds, by that
    object's model: `{Agency: frozenset({"spacecraft_config__agency", ...}), ...}`. Worked
    out once per serializer: the same nested forms (an agency's, an image's) recur under
    many others, and building a serializer's fields is what costs."""
    paths: dict[type[Model], set[str]] = {}
    for name, relation, nested, _field in nested_relations(serializer_class(), model):
        related = relation.related_model
        paths.setdefault(related, set()).add(name)
        for deeper_model, deeper in embedded_paths(type(nested), related).items():
            paths.setdefault(deeper_model, set()).update(f"{name}__{path}" for path in deeper)
    return {embedded: frozenset(found) for embedded, found in paths.items()}


@cache
def _plan(serializer_class: SerializerClass, model: type[Model]) -> tuple[list, list]:
    """The joins and the fetches a serializer needs, worked out once per serializer:
    building a serializer's fields costs more than the queries of a small page. The
    querysets are made anew for each use."""
    return _walk(serializer_class(), model, prefix="")


def _walk(
    serializer: serializers.Serializer, model: type[Model], prefix: str
) -> tuple[list[str], list[Fetch]]:
    joins: list[str] = []
    fetches: list[Fetch] = []
    for name, relation, nested, field in nested_relations(serializer, model):
        path, related = prefix + name, relation.related_model
        if relation.one_to_many or relation.many_to_many:
            # A field of some of the relation's rows (`SelectedListSerializer`,
            # `first_selected`) fetches those alone.
            where = getattr(field, "where", Q())
            order = getattr(field, "order_by", ()) or _list_order(relation)
            fetches.append(Fetch(path, related, type(nested), True, where, tuple(order)))
            continue
        more_joins, more_fetches = _walk(nested, related, path + "__")
        # The query's own table, those joined so far, this one and those it joins.
        if 1 + len(joins) + 1 + len(more_joins) <= MAX_JOINED_TABLES:
            joins += [path, *more_joins]
            fetches += more_fetches
        else:
            fetches.append(Fetch(path, related, type(nested), False))
    return joins, fetches


def _list_order(relation: Field | ForeignObjectRel) -> list:
    """LL2 lists related objects by their model's ordering where it has one (agencies and
    programs by name), else in the order they were linked: a many-to-many's join-table rows
    (an agency's countries), a reverse relation's rows. The pk breaks ties."""
    model = relation.related_model
    position = getattr(model, "ll2_list_position", None)
    if position and relation.one_to_many and not relation.concrete:
        # Children whose place in their parent's list the importer keeps (a location's pads):
        # by that place, those without one (added here) last.
        return [F(position).asc(nulls_last=True), "pk"]
    if model._meta.ordering:
        return [*model._meta.ordering, "pk"]
    if relation.many_to_many and relation.concrete:
        # The prefetch query joins the join table under its own name, as Django's does.
        through = relation.remote_field.through._meta
        quote = connection.ops.quote_name
        return [RawSQL(f"{quote(through.db_table)}.{quote(through.pk.column)}", ()), "pk"]
    return ["pk"]
