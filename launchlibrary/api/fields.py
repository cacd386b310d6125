"""Serializer fields that LL2's output needs and DRF does not ship."""

from rest_framework import serializers

from launchlibrary.api.durations import format_duration
from launchlibrary.api.links import resource_url


class ResponseModeField(serializers.Field):
    """The constant `response_mode` each LL2 schema names (`list`, `normal`, `detailed`)."""

    def __init__(self, mode: str, **kwargs):
        self.mode = mode
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, value) -> str:
        return self.mode


class ResourceUrlField(serializers.Field):
    """The absolute `url` of an object's detail page, on the request's host and format."""

    def __init__(self, resource: str, **kwargs):
        self.resource = resource
        kwargs.update(source="pk", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, value) -> str:
        return resource_url(self.context["request"], self.resource, value)


class ISODurationField(serializers.Field):
    """A duration as LL2 prints it (`P248DT23H4M6S`), or null."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value) -> str:
        return format_duration(value)


class NumberField(serializers.FloatField):
    """A double as LL2 prints it: without a fraction when it has none (`12742000`, `15`),
    as a float otherwise (`9.80655`, `5.972168e+24`)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value) -> int | float:
        value = float(value)
        # Integers are exact below 2**53; above that a float keeps LL2's digits.
        return int(value) if value.is_integer() and abs(value) < 2**53 else value


class NameSerializer(serializers.Serializer):
    """A related row printed by its name alone (a mission's `type`, an agency's `parent`).

    A nested serializer rather than a related field, so that a page joins the row in (see
    `launchlibrary.api.prefetch`) and a renamed row renders the documents printing it
    again. `prints_null` says whether the name may be null in the schema.
    """

    prints_null = False

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, instance) -> str:
        return instance.name
