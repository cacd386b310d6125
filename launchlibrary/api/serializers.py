"""The base of every model serializer here: what lets a page, or thousands of documents,
be rendered at a cost close to that of their own fields.

- Nested lists are read from the plain lists eager loading leaves on each object (see
  `launchlibrary.api.prefetch`), not through a related manager, which Django would clone a
  queryset per object to hold.
- Within one rendering (a batch of documents), an object nested many times in one schema
  (an agency in each of its thousand configurations) is serialized once: the serializer's
  output depends on the object and the rendering's context alone.
"""

from collections.abc import Sequence
from typing import Any

from django.db.models import Q
from django.db.models.manager import BaseManager
from rest_framework import serializers

from launchlibrary.api.prefetch import prefetched_attribute

# The context key of a rendering's outputs by serializer and object (see `memoizing`).
MEMO = "ll2_memo"


def memoizing(context: dict) -> dict:
    """A rendering context whose nested objects are serialized once each."""
    return {**context, MEMO: {}}


class PrefetchedListSerializer(serializers.ListSerializer):
    def get_attribute(self, instance: Any) -> Any:
        if len(self.source_attrs) == 1:
            prefetched = instance.__dict__.get(prefetched_attribute(self.source))
            if prefetched is not None:
                return prefetched
        return super().get_attribute(instance)


class ModelSerializer(serializers.ModelSerializer):
    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        meta = cls.__dict__.get("Meta")
        if meta is not None and not hasattr(meta, "list_serializer_class"):
            meta.list_serializer_class = PrefetchedListSerializer

    def to_representation(self, instance: Any) -> Any:
        memo = self.context.get(MEMO)
        if memo is None or instance.pk is None:
            return super().to_representation(instance)
        key = (type(self), instance.pk)
        if key not in memo:
            memo[key] = super().to_representation(instance)
        return memo[key]


class SelectedListSerializer(PrefetchedListSerializer):
    """Some rows of a to-many relation as a nested list: those `where` selects (a station's
    expeditions without an end), in the order `order_by` gives, else in the relation's own
    (see `launchlibrary.api.prefetch`, whose eager loading fetches the selected rows alone).

        active_expeditions = SelectedListSerializer(
            child=ExpeditionMiniSerializer(), source="expeditions", where=Q(end=None)
        )
    """

    def __init__(self, *args, where: Q, order_by: Sequence[str] = (), **kwargs) -> None:
        self.where = where
        self.order_by = tuple(order_by)
        super().__init__(*args, **kwargs)

    def selected(self, rows: Any) -> Any:
        """The selected rows: eagerly loaded already, or read from the related manager."""
        if not isinstance(rows, BaseManager):
            return rows
        rows = rows.filter(self.where)
        return rows.order_by(*self.order_by) if self.order_by else rows

    def to_representation(self, data: Any) -> list:
        return super().to_representation(self.selected(data))


class FirstSelected:
    """A nested object read as the first row of a to-many relation that `where` selects, in
    `order_by`, or null where there is none; see `first_selected`, which makes its classes."""

    serializer_class: type[serializers.Serializer]
    where: Q
    order_by: tuple[str, ...]

    def get_attribute(self, instance: Any) -> Any:
        rows = instance.__dict__.get(prefetched_attribute(self.source))
        if rows is None:  # not eagerly loaded: read the selected rows
            rows = getattr(instance, self.source).filter(self.where).order_by(*self.order_by)
        return next(iter(rows), None)


def first_selected(
    serializer_class: type[serializers.Serializer],
    *,
    source: str,
    where: Q,
    order_by: Sequence[str],
) -> serializers.Serializer:
    """A field printing one row of a to-many relation as an object of `serializer_class`
    (a docking location's latest docking without a departure): the first that `where`
    selects in `order_by`, null where none is. Eager loading fetches the selected rows
    alone (see `launchlibrary.api.prefetch`).

    The field's class is a subclass of `serializer_class` under its name, as it writes that
    schema."""
    field_class = type(
        serializer_class.__name__,
        (FirstSelected, serializer_class),
        {
            "__module__": serializer_class.__module__,
            "serializer_class": serializer_class,
            "where": where,
            "order_by": tuple(order_by),
        },
    )
    return field_class(source=source)
