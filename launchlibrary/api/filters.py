"""Search and ordering backends shared by every endpoint."""

from django.db.models import F
from rest_framework.exceptions import ValidationError
from rest_framework.filters import OrderingFilter, SearchFilter

MAX_SEARCH_TERMS = 20


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
    """DRF's ordering, always ending in the primary key so pages never repeat or skip a row.

    NULLs sort as PostgreSQL (LL2's database) sorts them, last ascending and first descending,
    so SQLite pages the same way.
    """

    def filter_queryset(self, request, queryset, view):
        terms = list(self.get_ordering(request, queryset, view) or [])
        if not any(term.lstrip("-") in {"id", "pk"} for term in terms):
            terms.append("id")
        return queryset.order_by(*(self.sql_order(term) for term in terms))

    @staticmethod
    def sql_order(term: str):
        if term.startswith("-"):
            return F(term[1:]).desc(nulls_first=True)
        return F(term).asc(nulls_last=True)
