"""Filtering, search and ordering shared by every endpoint."""

import hashlib
from datetime import UTC
from functools import cache
from itertools import chain

import django_filters
from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import F, Min
from django.db.models.lookups import IsNull
from django_filters.rest_framework import DjangoFilterBackend, FilterSet
from rest_framework.exceptions import ValidationError
from rest_framework.filters import OrderingFilter, SearchFilter

MAX_SEARCH_TERMS = 20
# The whole numbers a database column can be compared with (SQLite's integers are 64-bit).
LOWEST_INTEGER, HIGHEST_INTEGER = -(2**63), 2**63 - 1

# The lookups LL2 declares for a field, one line per field in a FilterSet's `Meta.fields`.
EXACT = ["exact"]
RANGE = ["gt", "gte", "lt", "lte"]
NUMBER = EXACT + RANGE
TEXT = ["exact", "contains"]
TEXT_ANY_CASE = ["exact", "icontains"]


class BooleanField(forms.Field):
    """`True`/`true`/`1` or `False`/`false`/`0`; anything else is an error, not ignored."""

    def to_python(self, value):
        if value in (None, ""):
            return None
        try:
            return {"true": True, "1": True, "false": False, "0": False}[str(value).lower()]
        except KeyError:
            raise forms.ValidationError("Enter True or False.", code="invalid") from None


class BooleanFilter(django_filters.BooleanFilter):
    field_class = BooleanField


class LeaveOutFilter(BooleanFilter):
    """A boolean that leaves rows out for one of its values and is as if not given for the
    other: `include_suborbital=false` leaves suborbital launches out, `true` leaves none
    out, as they are listed by default. `leaves_out_on` is the value that leaves rows out;
    the filter's method says which."""

    def __init__(self, *, leaves_out_on: bool, **kwargs) -> None:
        self.leaves_out_on = leaves_out_on
        super().__init__(**kwargs)


class MomentField(forms.DateTimeField):
    """A date and time, read as Django reads one, and given to the database in UTC: ISO 8601
    allows offsets (`-19:55`) PostgreSQL refuses beyond ±15:59, and a moment that leaves the
    years 1 to 9999 in UTC is one neither database can compare: an error of the request."""

    def to_python(self, value):
        moment = super().to_python(value)
        if moment is None:
            return None
        try:
            return moment.astimezone(UTC)
        except OverflowError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


class MomentFilter(django_filters.DateTimeFilter):
    field_class = MomentField


class IntegerField(forms.IntegerField):
    """A whole number a database column can be compared with: a larger one would be an
    error of the database (SQLite's integers are 64-bit), not of the request."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("min_value", LOWEST_INTEGER)
        kwargs.setdefault("max_value", HIGHEST_INTEGER)
        super().__init__(**kwargs)


class IntegerFilter(django_filters.NumberFilter):
    """A whole number, as the spec declares ids and counts (`1.5` is refused)."""

    field_class = IntegerField


class FloatFilter(django_filters.NumberFilter):
    """A double, as the spec declares coordinates: a decimal filter would pass `1e400` on to
    the database as infinity; this one refuses it, and `nan` and `inf`, as it refuses `abc`."""

    field_class = forms.FloatField


class IntegerListFilter(django_filters.BaseInFilter, IntegerFilter):
    """A comma-separated list of whole numbers, any of which matches (`agency__ids=1,2`)."""


class TextListFilter(django_filters.BaseInFilter, django_filters.CharFilter):
    """A comma-separated list of strings, any of which matches."""


class RelatedIdsField(forms.ModelMultipleChoiceField):
    """Ids of related rows, the parameter repeated for several (`families=1&families=2`),
    each a whole number within 64 bits: a larger one is an error of the request, where
    the database would fail on it."""

    def _check_values(self, value):
        for pk in value:
            try:
                number = int(pk)
            except (TypeError, ValueError):
                continue  # refused by the parent as any other id that is not one
            if not LOWEST_INTEGER <= number <= HIGHEST_INTEGER:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)


class RelatedIdsFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = RelatedIdsField


class LL2FilterSet(FilterSet):
    """django-filter's FilterSet as LL2 uses it.

    `Meta.fields` names each field, across relations too (`manufacturer__name`), with its
    lookups (`NUMBER` gives `x`, `x__gt`, `x__gte`, `x__lt`, `x__lte`); comma lists and
    filters with no field behind them are declared as attributes. Booleans read
    `True`/`true`/`1` and refuse what they cannot read; a filter across a to-many relation
    never repeats a row.
    """

    FILTER_DEFAULTS = {
        **FilterSet.FILTER_DEFAULTS,
        models.FloatField: {"filter_class": FloatFilter},
        models.DateTimeField: {"filter_class": MomentFilter},
        **{
            to_many: {**FilterSet.FILTER_DEFAULTS[to_many], "filter_class": RelatedIdsFilter}
            for to_many in (models.ManyToManyField, models.ManyToOneRel, models.ManyToManyRel)
        },
        models.BooleanField: {"filter_class": BooleanFilter},
        **{
            integer: {"filter_class": IntegerFilter}
            for integer in (
                models.AutoField,
                models.BigAutoField,
                models.IntegerField,
                models.BigIntegerField,
                models.SmallIntegerField,
                models.PositiveIntegerField,
                models.PositiveSmallIntegerField,
            )
        },
    }

    @classmethod
    def filter_for_field(cls, field, field_name, lookup_expr=None):
        filter_ = super().filter_for_field(field, field_name, lookup_expr)
        if crosses_to_many(cls._meta.model, field_name):
            filter_.distinct = True
        return filter_


def crosses_to_many(model: type[models.Model], path: str) -> bool:
    """Whether an ORM path (`agencies__name`) passes a relation that can match several rows."""
    for name in path.split("__"):
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            return False
        if field.many_to_many or field.one_to_many:
            return True
        if not field.is_relation:
            return False
        model = field.related_model
    return False


class RequestedFiltersBackend(DjangoFilterBackend):
    """django-filter's backend, run only when the request names one of the endpoint's
    filters: building a filterset deep-copies every filter, which cost more than the rest
    of a page served from documents."""

    def filter_queryset(self, request, queryset, view):
        if filter_names(type(view)).isdisjoint(request.query_params):
            return queryset
        return super().filter_queryset(request, queryset, view)


@cache
def filter_names(view_class) -> frozenset[str]:
    """The query parameters a view's filterset reads."""
    filterset_class = view_class.filterset_class
    return frozenset(filterset_class.base_filters) if filterset_class else frozenset()


class BoundedSearchFilter(SearchFilter):
    """DRF's search, refusing a search of so many words that the SQL would exceed the
    database's expression limits (SQLite stops at a depth of 1000) instead of failing."""

    def get_search_terms(self, request) -> list[str]:
        terms = super().get_search_terms(request)
        if len(terms) > MAX_SEARCH_TERMS:
            raise ValidationError(
                {self.search_param: [f"Ensure this value has at most {MAX_SEARCH_TERMS} words."]}
            )
        return terms


class StableOrderingFilter(OrderingFilter):
    """DRF's ordering, always ending in the primary key so pages never repeat or skip a row;
    the key runs the way the last term does, so `-x` is exactly the reverse of `x`.

    NULLs sort as PostgreSQL (LL2's database) sorts them, last ascending and first
    descending, on every database. They are put in place by a leading `x IS NULL` term
    rather than `NULLS LAST`, which SQLite cannot read from an index: with the index of
    `ordering_index`, a page is read straight from an index whatever the table's size.

    A field across a to-many relation (a payload's `payloadflight__rocket__launch__net`)
    orders each row once, by the least of its values there (its first flight's launch),
    where ordering by the relation itself would list the row once per value.
    """

    def filter_queryset(self, request, queryset, view):
        terms = list(self.get_ordering(request, queryset, view) or [])
        if not any(term.lstrip("-") in {"id", "pk"} for term in terms):
            terms.append("-id" if terms and terms[-1].startswith("-") else "id")
        for index, term in enumerate(terms):
            name = term.lstrip("-")
            if crosses_to_many(queryset.model, name):
                least = f"least_{name.replace('__', '_')}"
                queryset = queryset.alias(**{least: Min(name)})
                terms[index] = term.replace(name, least)
        return queryset.order_by(*chain.from_iterable(sql_order(term) for term in terms))


def sql_order(term: str) -> list:
    name = term.lstrip("-")
    descending = term.startswith("-")
    if name in {"id", "pk"}:
        return [F(name).desc() if descending else F(name).asc()]
    without_value = IsNull(F(name), True)
    if descending:
        return [without_value.desc(), F(name).desc()]
    return [without_value.asc(), F(name).asc()]


def ordering_index(model_name: str, field: str) -> models.Index:
    """The index that serves `ordering=field` and `ordering=-field` pages. Its name keeps
    within Django's 30 characters: a long one is cut and told apart by a hash of the whole."""
    name = f"{model_name}_{field}"
    if len(name) > 26:
        name = f"{name[:19]}_{hashlib.md5(name.encode()).hexdigest()[:6]}"
    return models.Index(IsNull(F(field), True), F(field), F("id"), name=f"{name}_ord")


def ordering_indexes(model_name: str, *fields: str) -> list[models.Index]:
    """The indexes of every field an endpoint of the model orders by (the tests hold each
    endpoint's `ordering` to them)."""
    return [ordering_index(model_name, field) for field in fields]
