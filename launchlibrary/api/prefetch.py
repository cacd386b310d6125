"""Eager loading derived from the serializer in use, so a page costs the same few queries
whatever its length: forward relations are joined, to-many relations prefetched in one
query each (recursively, with their own joins), in the order LL2 lists them."""

from functools import cache

from django.db import connection
from django.db.models import F, Field, ForeignObjectRel, Model, Prefetch, QuerySet
from django.db.models.expressions import RawSQL
from rest_framework import serializers

SerializerClass = type[serializers.Serializer]


def prefetched_attribute(relation: str) -> str:
    """The attribute a prefetched list is left in: a plain list rather than the related
    manager's cache, which Django fills by cloning a queryset for every object."""
    return f"_prefetched_{relation}"


def eager(queryset: QuerySet, serializer_class: SerializerClass) -> QuerySet:
    joins, prefetches = _plan(serializer_class, queryset.model)
    return queryset.select_related(*joins).prefetch_related(
        *(
            Prefetch(
                path,
                queryset=eager(model._default_manager.order_by(*order), nested),
                to_attr=prefetched_attribute(path.rpartition("__")[2]),
            )
            for path, model, order, nested in prefetches
        )
    )


def nested_relations(serializer: serializers.Serializer, model: type[Model]):
    """The serializer's nested objects: (ORM path, model field of its last step, nested
    serializer, many). A dotted source (`rocket.launch`, a flight's launch reached through
    its rocket) is one path of several steps."""
    for field in serializer.fields.values():
        many = isinstance(field, serializers.ListSerializer)
        nested = field.child if many else field
        if isinstance(nested, serializers.BaseSerializer) and field.source != "*":
            relation, step_model = None, model
            for step in field.source.split("."):
                relation = step_model._meta.get_field(step)
                step_model = relation.related_model
            yield field.source.replace(".", "__"), relation, nested, many


def embedded_paths(
    serializer: serializers.Serializer, model: type[Model], prefix: str = ""
) -> dict[type[Model], set[str]]:
    """Every ORM path from `model` to an object its serialized form embeds, by that
    object's model: `{Agency: {"spacecraft_config__agency", ...}, ...}`."""
    paths: dict[type[Model], set[str]] = {}
    for name, relation, nested, _many in nested_relations(serializer, model):
        path = prefix + name
        paths.setdefault(relation.related_model, set()).add(path)
        for related_model, more in embedded_paths(
            nested, relation.related_model, path + "__"
        ).items():
            paths.setdefault(related_model, set()).update(more)
    return paths


@cache
def _plan(serializer_class: SerializerClass, model: type[Model]) -> tuple[list, list]:
    """The joins and the prefetches (path, model, order, serializer) a serializer needs,
    worked out once per serializer: building a serializer's fields costs more than the
    queries of a small page. The querysets are made anew for each use."""
    return _walk(serializer_class(), model, prefix="")


def _walk(serializer: serializers.Serializer, model: type[Model], prefix: str):
    joins: list[str] = []
    prefetches: list[tuple] = []
    for name, relation, nested, many in nested_relations(serializer, model):
        path = prefix + name
        if many:
            related = relation.related_model
            prefetches.append((path, related, _list_order(relation), type(nested)))
        else:
            joins.append(path)
            more_joins, more_prefetches = _walk(nested, relation.related_model, path + "__")
            joins += more_joins
            prefetches += more_prefetches
    return joins, prefetches


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
