"""Eager loading derived from the serializer in use, so a page costs the same few queries
whatever its length: forward relations are joined, to-many relations prefetched in one
query each (recursively, with their own joins)."""

from django.db.models import Model, Prefetch, QuerySet
from rest_framework import serializers


def eager(queryset: QuerySet, serializer_class: type[serializers.Serializer]) -> QuerySet:
    joins, prefetches = _plan(serializer_class(), queryset.model, prefix="")
    return queryset.select_related(*joins).prefetch_related(*prefetches)


def _plan(serializer: serializers.Serializer, model: type[Model], prefix: str):
    joins: list[str] = []
    prefetches: list[Prefetch] = []
    for field in serializer.fields.values():
        many = isinstance(field, serializers.ListSerializer)
        nested = field.child if many else field
        if not isinstance(nested, serializers.BaseSerializer) or field.source == "*":
            continue
        relation = model._meta.get_field(field.source)
        path = prefix + field.source
        if many:
            related = relation.related_model._default_manager.order_by("pk")
            prefetches.append(Prefetch(path, queryset=eager(related, type(nested))))
        else:
            joins.append(path)
            more_joins, more_prefetches = _plan(nested, relation.related_model, path + "__")
            joins += more_joins
            prefetches += more_prefetches
    return joins, prefetches
