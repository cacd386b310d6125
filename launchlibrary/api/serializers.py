"""The base of every model serializer here: what lets a page, or thousands of documents,
be rendered at a cost close to that of their own fields.

- Nested lists are read from the plain lists eager loading leaves on each object (see
  `launchlibrary.api.prefetch`), not through a related manager, which Django would clone a
  queryset per object to hold.
- Within one rendering (a batch of documents), an object nested many times in one schema
  (an agency in each of its thousand configurations) is serialized once: the serializer's
  output depends on the object and the rendering's context alone.
"""

from typing import Any

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
