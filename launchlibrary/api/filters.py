"""Search and ordering backends shared by every endpoint."""

from functools import cache
from itertools import chain

from django.db import models
from django.db.models import F
from django.db.models.lookups import IsNull
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError
from rest_framework.filters import OrderingFilter, SearchFilter

MAX_SEARCH_TERMS = 20


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
    filterset_class = DjangoFilterBackend().get_filterset_class(view_class(), view_class.queryset)
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
    """

    def filter_queryset(self, request, queryset, view):
        terms = list(self.get_ordering(request, queryset, view) or [])
        if not any(term.lstrip("-") in {"id", "pk"} for term in terms):
            terms.append("-id" if terms and terms[-1].startswith("-") else "id")
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
    """The index that serves `ordering=field` and `ordering=-field` pages."""
    return models.Index(
        IsNull(F(field), True), F(field), F("id"), name=f"{model_name}_{field}"[:26] + "_ord"
    )
