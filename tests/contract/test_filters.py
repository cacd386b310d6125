"""Every filter, search and ordering the registered endpoints declare, asked over HTTP on both
read paths against the bundled data.

test_contract.py holds each filterset's parameters to the spec's; here each parameter is
used as a client uses it, with values taken from the data:

- a filter on a field, given the value of a real row, answers exactly the rows the ORM
  finds along the filter's own `field_name` and `lookup_expr` (so it holds that row, never
  more rows than the whole list, and no row twice); a comma list (`ids=1,2`) and a repeated
  parameter (`families=1&families=2`) answer the rows of either of two real values;
  booleans are asked both ways;
- a range past every real value (`x__gt=<max>`, `x__lt=<min>`) answers no row, and the
  range that reaches the edge (`x__gte=<max>`) the rows at the edge;
- a filter run by a method of its own, with no field to read a value from, answers a value
  of its kind without error and does not answer the whole list for a value nothing has;
- every value of the wrong kind answers 400 naming the parameter, never 500, while a text
  filter reads any text;
- a search answers the rows holding each of its words in a search field, as the ORM finds
  them: for `39A`, for a text nothing holds, and for the text a row holds in each search
  field;
- ordering by each declared field runs both ways, in the order of the field's values, the
  descending list the exact reverse of the ascending one.

Pages are asked for with `limit=100` in the endpoint's lightest mode (`list` where it has
one), and rows are counted by the page's `count`. A field the bundled data holds no value of
is skipped, with the reason, rather than passed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import reduce
from itertools import pairwise
from operator import and_, or_
from urllib.parse import urlencode
from uuid import UUID

import django_filters
import pytest
from django import forms
from django.core.exceptions import FieldError
from django.db.models import Max, Min, Model, Q
from django.utils.duration import duration_string
from rest_framework.filters import search_smart_split

from launchlibrary.api.endpoint import Endpoint, registry
from launchlibrary.api.filters import BooleanField, LeaveOutFilter, crosses_to_many
from tests.contract import spec
from tests.contract.walk import HOST, PAGE, READ_PATHS, in_list_order, list_path

ENDPOINTS = list(registry)
FILTERED = [endpoint for endpoint in ENDPOINTS if endpoint.filterset]
SEARCHED = [endpoint for endpoint in ENDPOINTS if endpoint.search]
ORDERED = [endpoint for endpoint in ENDPOINTS if endpoint.ordering]

RANGE_LOOKUPS = {"gt", "gte", "lt", "lte"}
# Values no row holds, of each kind a filter reads: a filter that answers the whole list for
# one of them was not applied.
ABSENT = {
    "integer": "2147483646",
    "number": "123456789.5",
    "text": "no such value \u2603",
    "date": "1000-01-01",
    "datetime": "1000-01-01T00:00:00Z",
    "duration": "99999 00:00:00",
    "uuid": "00000000-0000-4000-8000-000000000000",
}
# Values each kind must refuse with a 400: ones a looser form field would let through too.
REFUSED = {
    "integer": ["abc", "1.5", str(2**64)],
    "number": ["abc", "NaN"],
    "boolean": ["maybe", "2"],
    "date": ["notadate", "2024-02-30"],
    "datetime": ["notadate", "2024-02-30T00:00:00Z"],
    "duration": ["notaduration"],
    "uuid": ["notauuid"],
    "object": ["abc", "1.5", "2147483646", str(2**64)],
    "choice": ["not-a-choice"],
    "text": [],
}
# Text a text filter reads as any other: LIKE wildcards, quotes, non-ASCII, a long value.
ODD_TEXT = ["%", "_", "'", '"', "\\", "é🚀", "x" * 2000]
# What a filter may answer a NUL with (PostgreSQL's text cannot hold one): never a 500.
NUL_TEXT = "a\x00b"

# What a filter reads


def kind(filter_) -> str:
    """What a filter's value is, by the form field that reads it (for a comma list, each of
    its values): `integer`, `number`, `boolean`, `date`, `datetime`, `duration`, `uuid`,
    `object` (a related row's id), `choice` or `text`."""
    field = filter_.field_class
    # Django's float and decimal fields are integer fields; a NullBooleanField a boolean.
    kinds = [
        (forms.ModelChoiceField, "object"),
        (BooleanField, "boolean"),
        (forms.BooleanField, "boolean"),
        (forms.NullBooleanField, "boolean"),
        (forms.DecimalField, "number"),
        (forms.FloatField, "number"),
        (forms.IntegerField, "integer"),
        (forms.DateTimeField, "datetime"),
        (forms.DateField, "date"),
        (forms.DurationField, "duration"),
        (forms.UUIDField, "uuid"),
        (forms.ChoiceField, "choice"),
    ]
    return next((name for base, name in kinds if issubclass(field, base)), "text")


def several(filter_) -> bool:
    """Whether the filter reads several values, any of which matches (`ids=1,2`)."""
    return isinstance(
        filter_, django_filters.filters.BaseCSVFilter | django_filters.MultipleChoiceFilter
    )


def query(endpoint: Endpoint, name: str, filter_, values: list) -> dict:
    """The query a client writes for the values: several as the spec declares the array,
    one comma-separated value (`explode: false`, `ids=1,2`) or the parameter repeated
    (`explode: true`, `families=1&families=2`)."""
    if not several(filter_):
        [value] = values
        return {name: written(value)}
    if spec.query_parameter(endpoint.path, name).get("explode", False):
        return {name: [written(value) for value in values]}
    return {name: ",".join(written(value) for value in values)}


def lookup_of(filter_) -> str:
    """The lookup a filter ends in (`gt` of `net__year__gt`)."""
    return filter_.lookup_expr.split("__")[-1]


def value_path(filter_) -> str:
    """The ORM path of the value a filter compares: its field, through any transform its
    lookup names before the lookup (`net__year__gt` compares `net__year`), and to the
    related field a choice of rows reads (`to_field_name`)."""
    *transforms, _ = filter_.lookup_expr.split("__")
    path = "__".join([filter_.field_name, *transforms])
    to_field = filter_.extra.get("to_field_name")
    return f"{path}__{to_field}" if kind(filter_) == "object" and to_field else path


def resolves(endpoint: Endpoint, path: str) -> bool:
    try:
        endpoint.rows().values_list(path)
    except FieldError:
        return False
    return True


def written(value) -> str:
    """A value as a client writes it in a query string."""
    if isinstance(value, bool):
        return str(value)  # `True`, as LL2's docs write it
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, timedelta):
        return duration_string(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, Model):
        return str(value.pk)
    return str(value)


def acceptable(filter_, value) -> bool:
    """Whether a value of the data can be asked for as it is: an empty text means "no filter"
    to django-filter, the form strips the text's spaces, and a comma list splits on commas."""
    if value is None:
        return False
    if isinstance(value, str):
        if value.strip() != value or not value or "\x00" in value:
            return False
        if several(filter_) and "," in value:
            return False
    return True


# Requests


@dataclass
class Page:
    count: int
    ids: list[str]


class Lister:
    """The list of one endpoint on one read path: requests with the page's parameters, and
    each problem found, naming its request."""

    def __init__(self, client, settings, endpoint: Endpoint, read_path: str) -> None:
        settings.LL2_READ_PATH = read_path
        self.client, self.endpoint, self.read_path = client, endpoint, read_path
        mode = {"mode": "list"} if "list" in endpoint.modes else {}
        self.base = {"format": "json", "limit": PAGE, **mode}
        self.total = endpoint.rows().count()
        self.problems: list[str] = []

    def request_line(self, params: dict) -> str:
        query = urlencode({**self.base, **params}, doseq=True)
        return f"GET {list_path(self.endpoint)}?{query} [{self.read_path}]"

    def problem(self, params: dict, message: str) -> None:
        self.problems.append(f"{self.request_line(params)}: {message}")

    def response(self, params: dict):
        """The response, or None where the request raised (a 500), noted as a problem."""
        try:
            return self.client.get(
                list_path(self.endpoint), {**self.base, **params}, HTTP_HOST=HOST
            )
        except Exception as error:  # the server's 500, raised by the test client
            self.problem(params, f"500: {type(error).__name__}: {str(error)[:300]}")
            return None

    def page(self, params: dict) -> Page | None:
        """The page, checked to be a page of this list: 200, no row twice, no more rows than
        the whole list, and on the fast path from documents."""
        response = self.response(params)
        if response is None:
            return None
        if response.status_code != 200:
            self.problem(params, f"{response.status_code}: {response.content[:300]!r}")
            return None
        body = response.json()
        found = Page(body["count"], [str(obj["id"]) for obj in body["results"]])
        if len(set(found.ids)) != len(found.ids):
            repeated = sorted({pk for pk in found.ids if found.ids.count(pk) > 1})
            self.problem(params, f"rows answered twice: {repeated[:10]}")
        if found.count > self.total:
            self.problem(params, f"count {found.count}, more than the whole list's {self.total}")
        if self.read_path == "fast" and "ETag" not in response:
            self.problem(params, "the fast path did not answer from documents")
        return found

    def expect(self, params: dict, expected: list[str], what: str) -> Page | None:
        """The page must be the first page of the expected rows (in the list's order) and
        count them all."""
        found = self.page(params)
        if found is None:
            return None
        if found.count != len(expected) or found.ids != expected[:PAGE]:
            self.problem(
                params,
                f"{found.count} rows {shown(found.ids)}, expected {len(expected)} "
                f"{shown(expected)} ({what})",
            )
        return found

    def refused(self, params: dict, name: str) -> None:
        """A 400 whose JSON body names the parameter alone."""
        response = self.response(params)
        if response is None:
            return
        if response.status_code != 400:
            self.problem(params, f"{response.status_code}, expected 400 naming {name}")
            return
        try:
            body = response.json()
        except json.JSONDecodeError:
            self.problem(params, f"400 without a JSON body: {response.content[:200]!r}")
            return
        if not isinstance(body, dict) or list(body) != [name]:
            self.problem(params, f"400 whose body does not name {name} alone: {body}")

    def finish(self) -> None:
        if self.problems:
            pytest.fail(
                f"{len(self.problems)} problems:\n" + "\n".join(self.problems), pytrace=False
            )


def shown(ids: list[str], limit: int = 8) -> str:
    return f"[{', '.join(ids[:limit])}{', ...' if len(ids) > limit else ''}]"


# The rows the ORM finds, to compare the answers with


def matching(endpoint: Endpoint, filter_, values: list) -> list[str]:
    """The ids, in order, of the rows the filter should answer for these values, found along
    its own field and lookup as django-filter applies them."""
    rows = endpoint.rows()
    lookup = f"{filter_.field_name}__{filter_.lookup_expr}"
    to_field = filter_.extra.get("to_field_name")
    if kind(filter_) == "object" and to_field:
        # The filter compares the related row it reads; the values are of its `to_field`.
        lookup = f"{filter_.field_name}__{to_field}__{filter_.lookup_expr}"
    if isinstance(filter_, django_filters.filters.BaseCSVFilter):
        predicates = [Q(**{lookup: values})]
    else:
        predicates = [Q(**{lookup: value}) for value in values]
    if conjoined(filter_):
        for predicate in predicates:
            rows = rows.exclude(predicate) if filter_.exclude else rows.filter(predicate)
    else:
        predicate = reduce(or_, predicates)
        rows = rows.exclude(predicate) if filter_.exclude else rows.filter(predicate)
    return in_list_order(endpoint, rows)


def conjoined(filter_) -> bool:
    """Whether a row must match every value given (a repeated parameter may be)."""
    return getattr(filter_, "conjoined", False)


def describe(filter_, values: Iterable) -> str:
    negation = "not " if filter_.exclude else ""
    joined = " and " if conjoined(filter_) else " or "
    return (
        f"{negation}{filter_.field_name} {filter_.lookup_expr} "
        f"{joined.join(repr(v) for v in values)}"
    )


def real_values(endpoint: Endpoint, filter_, path: str, limit: int = 2) -> list:
    """Up to `limit` distinct values rows of the data hold at `path`, those of the rows of
    lowest id first; values a client cannot ask for as they are left out.

    Several values are taken from one row where a row holds several (the first such row):
    a row matching two values must still be answered once, and a filter whose row must
    match every value (`conjoined`) has rows to answer only then.
    """
    by_row: dict = {}
    queryset = endpoint.rows().exclude(**{f"{path}__isnull": True})
    for pk, value in queryset.order_by("pk").values_list("pk", path)[:5000]:
        if acceptable(filter_, value) and value not in by_row.setdefault(pk, []):
            by_row[pk].append(value)
    rows = [values for values in by_row.values() if values]
    if limit > 1:
        holding_several = next((values for values in rows if len(values) >= limit), None)
        if holding_several or conjoined(filter_):
            return (holding_several or (rows[0] if rows else []))[:limit]
    found = []
    for value in (value for values in rows for value in values):
        if value not in found:
            found.append(value)
    return found[:limit]


# Parametrization


@dataclass(frozen=True)
class FieldFilters:
    """The filters of one endpoint over one ORM field (`x`, `x__gt`, ..., `x__lte`)."""

    endpoint: Endpoint
    field: str
    names: tuple[str, ...]

    @property
    def id(self) -> str:
        return f"{self.endpoint.path}-{self.field}"


def field_filters() -> list[FieldFilters]:
    groups: dict[tuple[str, str], list[str]] = {}
    for endpoint in FILTERED:
        for name, filter_ in endpoint.filterset.base_filters.items():
            if filter_.method is None:
                groups.setdefault((endpoint.path, filter_.field_name), []).append(name)
    return [
        FieldFilters(registry[path], field, tuple(names)) for (path, field), names in groups.items()
    ]


def method_filters() -> list[tuple[Endpoint, str]]:
    return [
        (endpoint, name)
        for endpoint in FILTERED
        for name, filter_ in endpoint.filterset.base_filters.items()
        if filter_.method is not None
    ]


FIELD_FILTERS = field_filters()
METHOD_FILTERS = method_filters()

by_read_path = pytest.mark.parametrize("read_path", READ_PATHS)


# Filters on a field


@by_read_path
@pytest.mark.parametrize("group", FIELD_FILTERS, ids=lambda group: group.id)
def test_each_filter_answers_the_rows_of_a_real_value(client, settings, group, read_path):
    """Each filter of the field, given values read from the data along its own path, answers
    the rows the ORM finds: an exact filter the row holding the value (and every other one
    that matches it), a comma list or repeated parameter the rows of either of two values, a
    boolean each way (the two together the whole list where the field is never null), and a
    range past the largest or smallest value nothing, the range reaching it its rows."""
    endpoint = group.endpoint
    lister = Lister(client, settings, endpoint, read_path)
    if not lister.total:
        pytest.skip(f"{endpoint.path}: the bundled data has no rows")
    filters = {name: endpoint.filterset.base_filters[name] for name in group.names}
    unresolved = [
        name for name, filter_ in filters.items() if not resolves(endpoint, value_path(filter_))
    ]
    assert unresolved == [], f"{endpoint.path}: filters whose field the model lacks"
    checked = 0
    for name, filter_ in filters.items():
        if kind(filter_) == "boolean":
            check_boolean(lister, name, filter_)
            checked += 1
        elif lookup_of(filter_) in RANGE_LOOKUPS and not several(filter_):
            checked += check_range(lister, name, filter_)
        else:
            checked += check_values(lister, name, filter_)
    lister.finish()
    if not checked:
        pytest.skip(
            f"{endpoint.path}: no row of the bundled data holds a {group.field} to filter "
            f"{', '.join(group.names)} by"
        )


def check_boolean(lister: Lister, name: str, filter_) -> None:
    endpoint = lister.endpoint
    counts = []
    for value in (True, False):
        params = {name: written(value)}
        found = lister.expect(
            params, matching(endpoint, filter_, [value]), describe(filter_, [value])
        )
        counts.append(None if found is None else found.count)
    path = value_path(filter_)
    never_null = (
        lookup_of(filter_) == "isnull"
        or not crosses_to_many(endpoint.model, path)
        and not endpoint.rows().filter(**{f"{path}__isnull": True}).exists()
    )
    if None not in counts and never_null and sum(counts) != lister.total:
        lister.problem(
            {name: "True|False"},
            f"{counts[0]} rows true and {counts[1]} false, the whole list has {lister.total}",
        )


def check_values(lister: Lister, name: str, filter_) -> int:
    """An exact (or text) filter given the value of the row of lowest id that has one; a
    comma list or repeated parameter given two values. Whether there was a value."""
    endpoint = lister.endpoint
    limit = 2 if several(filter_) else 1
    values = real_values(endpoint, filter_, value_path(filter_), limit=limit)
    if not values:
        return 0
    params = query(endpoint, name, filter_, values)
    expected = matching(endpoint, filter_, values)
    if not expected and not filter_.exclude:
        lister.problem(params, f"no row matches a value of the data ({describe(filter_, values)})")
    lister.expect(params, expected, describe(filter_, values))
    return 1


def check_range(lister: Lister, name: str, filter_) -> int:
    """`__gt` the largest value and `__lt` the smallest answer nothing; `__gte` the largest
    and `__lte` the smallest answer the rows holding it; the other way round, the rows the
    ORM finds. Whether there was a value."""
    endpoint = lister.endpoint
    path = value_path(filter_)
    edges = endpoint.rows().aggregate(largest=Max(path), smallest=Min(path))
    if edges["largest"] is None:
        return 0
    lookup = lookup_of(filter_)
    past, reached = ("largest", "smallest") if lookup in {"gt", "gte"} else ("smallest", "largest")
    for edge in (past, reached):
        value = edges[edge]
        params = {name: written(value)}
        expected = matching(endpoint, filter_, [value])
        if edge == past and lookup in {"gt", "lt"} and expected:
            lister.problem(params, f"the data has rows past its own {edge} {value!r}")
        if edge == past and lookup in {"gte", "lte"}:
            holding = endpoint.rows().filter(**{path: value}).values_list("pk", flat=True)
            if str(holding.order_by("pk").first()) not in expected:
                lister.problem(params, f"the rows holding the {edge} {value!r} are not matched")
        lister.expect(params, expected, describe(filter_, [value]))
    return 1


# Filters of a method of their own


@by_read_path
@pytest.mark.parametrize(
    ("endpoint", "name"), METHOD_FILTERS, ids=[f"{e.path}-{name}" for e, name in METHOD_FILTERS]
)
def test_each_filter_of_its_own_method_answers_a_value_of_its_kind(
    client, settings, endpoint, name, read_path
):
    """A filter run by a method has no lookup to find its rows by: given a value of its kind
    (of the data where its name is a field), it answers a page of the list; a boolean
    answers rows apart for true and false; a value nothing holds does not answer the
    whole list, as a filter that was not applied would."""
    lister = Lister(client, settings, endpoint, read_path)
    if not lister.total:
        pytest.skip(f"{endpoint.path}: the bundled data has no rows")
    filter_ = endpoint.filterset.base_filters[name]
    if isinstance(filter_, LeaveOutFilter):
        check_leaving_out(lister, name, filter_)
        lister.finish()
        return
    if kind(filter_) == "boolean":
        pages = [lister.page({name: written(value)}) for value in (True, False)]
        if None not in pages:
            both = set(pages[0].ids) & set(pages[1].ids)
            if both or pages[0].count + pages[1].count > lister.total:
                lister.problem(
                    {name: "True|False"},
                    f"{pages[0].count} rows true and {pages[1].count} false of "
                    f"{lister.total}, {len(both)} both",
                )
        lister.finish()
        return
    values = some_values(endpoint, filter_)
    if not values:
        pytest.skip(f"{endpoint.path}: no value of the kind {name} reads is in the bundled data")
    lister.page(query(endpoint, name, filter_, values if several(filter_) else values[:1]))
    absent = ABSENT.get(kind(filter_))
    if absent is not None and not filter_.exclude:
        found = lister.page({name: absent})
        if found is not None and found.count == lister.total:
            lister.problem(
                {name: absent}, f"the whole list ({lister.total}) for a value no row has"
            )
    lister.finish()


def check_leaving_out(lister: Lister, name: str, filter_: LeaveOutFilter) -> None:
    """One value answers the whole list, as if not given; the other a part of it."""
    kept = lister.page({name: written(not filter_.leaves_out_on)})
    if kept is not None and kept.count != lister.total:
        lister.problem(
            {name: written(not filter_.leaves_out_on)},
            f"{kept.count} rows, where not leaving any out answers all {lister.total}",
        )
    part = lister.page({name: written(filter_.leaves_out_on)})
    if part is not None and kept is not None and not set(part.ids) <= set(kept.ids):
        lister.problem({name: written(filter_.leaves_out_on)}, "rows the whole list lacks")


def some_values(endpoint: Endpoint, filter_) -> list:
    """Two values of the filter's kind: of the data where its name is a field of the rows
    holding values it reads, ids of the rows it chooses from, or else ones of its kind."""
    if resolves(endpoint, value_path(filter_)):
        values = real_values(endpoint, filter_, value_path(filter_))
        # A field may share the filter's name and not its kind: a station's `orbit` is the
        # orbit's name, its filter reads the orbit's id.
        values = [value for value in values if reads(filter_, value)]
        if values:
            return values
    queryset = getattr(filter_, "queryset", None)
    if kind(filter_) == "object" and queryset is not None:
        queryset = queryset(None) if callable(queryset) else queryset
        return list(queryset.order_by("pk").values_list("pk", flat=True)[:2])
    return {
        "integer": [1, 2],
        "number": [1.5, 2],
        "text": ["a", "b"],
        "date": [date(2020, 1, 1), date(2021, 1, 1)],
        "datetime": [datetime.fromisoformat("2020-01-01T00:00:00+00:00")],
        "uuid": [UUID(ABSENT["uuid"])],
        "duration": [timedelta(days=1)],
    }.get(kind(filter_), [])


def reads(filter_, value) -> bool:
    """Whether the filter's form field reads a value of the data as a client writes it."""
    try:
        filter_.field.clean(written(value))
    except forms.ValidationError:
        return False
    return True


# Values of the wrong kind


@by_read_path
@pytest.mark.parametrize("endpoint", FILTERED, ids=lambda e: e.path)
def test_every_value_of_the_wrong_kind_answers_400_and_text_reads_anything(
    client, settings, endpoint, read_path
):
    """Each filter refuses the values of another kind (test_contract.py asks one per
    filter): those a looser form field would read (`1.5` as a whole number, `NaN`, a
    number past 64 bits, February 30th), and in a comma list one bad value among good
    ones. A text filter reads LIKE wildcards, quotes and non-ASCII as text, and a NUL,
    which PostgreSQL's text cannot hold, answers 200 or 400: no value answers 500."""
    lister = Lister(client, settings, endpoint, read_path)
    for name, filter_ in endpoint.filterset.base_filters.items():
        bad = REFUSED.get(kind(filter_), [])
        if isinstance(filter_, django_filters.filters.BaseCSVFilter) and bad:
            bad = [*bad, f"1,{bad[0]}"]
        for value in bad:
            lister.refused({name: value}, name)
        if kind(filter_) == "text":
            for value in ODD_TEXT:
                lister.page({name: value})
            response = lister.response({name: NUL_TEXT})
            if response is not None and response.status_code not in (200, 400):
                lister.problem({name: NUL_TEXT}, f"{response.status_code} for a NUL")
    lister.finish()


# Search


# DRF's search: a field's prefix names its lookup, `icontains` where it has none.
SEARCH_LOOKUPS = {"^": "istartswith", "=": "iexact", "@": "search", "$": "iregex"}
# A term nothing holds, and one of letters and digits as of a pad (`LC-39A`).
ABSENT_TERM = "zqxj no such text"
PAD_LIKE_TERM = "39A"


@by_read_path
@pytest.mark.parametrize("endpoint", SEARCHED, ids=lambda e: e.path)
def test_search_answers_the_rows_holding_each_word(client, settings, endpoint, read_path):
    """A search answers the rows holding each of its words in one of the search fields, as
    the ORM finds them: for `39A`, for a text nothing holds (no row), and for the text a
    row holds in each search field (that row among them)."""
    lister = Lister(client, settings, endpoint, read_path)
    for text in (PAD_LIKE_TERM, ABSENT_TERM):
        lister.expect({"search": text}, searched(endpoint, text), f"rows holding {text!r}")
    if not lister.total:
        lister.finish()
        pytest.skip(f"{endpoint.path}: the bundled data has no rows to find")
    missing = []
    for field in endpoint.search:
        path = field.lstrip("".join(SEARCH_LOOKUPS))
        term = search_term(endpoint, path, exact=field.startswith("="))
        if term is None:
            missing.append(path)
            continue
        pk, text = term
        expected = searched(endpoint, text)
        if str(pk) not in expected:
            lister.problem({"search": text}, f"row {pk}, whose {path} is {text!r}, not found")
        lister.expect({"search": text}, expected, f"rows holding each word of {text!r}")
    lister.finish()
    if missing:
        pytest.skip(f"{endpoint.path}: no row of the bundled data has a {', '.join(missing)}")


def searched(endpoint: Endpoint, text: str) -> list[str]:
    """The ids of the rows holding each word of the text in one of the search fields."""
    lookups = [
        f"{field[1:]}__{SEARCH_LOOKUPS[field[0]]}"
        if field[0] in SEARCH_LOOKUPS
        else f"{field}__icontains"
        for field in endpoint.search
    ]
    each_word = [
        reduce(or_, (Q(**{lookup: word}) for lookup in lookups))
        for word in search_smart_split(text)
    ]
    rows = endpoint.rows().filter(reduce(and_, each_word))
    return in_list_order(endpoint, rows)


def search_term(endpoint: Endpoint, path: str, exact: bool) -> tuple | None:
    """The row of lowest id holding a text at `path` that a search reads as it is (no
    quotes, few words; one word where the search is exact), and that text."""
    rows = endpoint.rows().exclude(**{f"{path}__isnull": True}).order_by("pk")
    for pk, text in rows.values_list("pk", path)[:5000]:
        text = str(text).strip()
        words = search_smart_split(text)
        quoted = any(quote in text for quote in "\"'")
        if words and not quoted and len(words) <= 10 and not (exact and len(words) > 1):
            return pk, text
    return None


# Ordering


@by_read_path
@pytest.mark.parametrize("endpoint", ORDERED, ids=lambda e: e.path)
def test_each_ordering_field_both_ways_the_descending_list_the_reverse(
    client, settings, endpoint, read_path
):
    """`ordering=x` lists every row once, in the order of x (NULLs last), and `-x` exactly
    the reverse: ties broken by id the way x runs. A list longer than a page is compared by
    its ends: the last page one way is the first the other way, reversed."""
    lister = Lister(client, settings, endpoint, read_path)
    every_id = sorted(str(pk) for pk in endpoint.rows().values_list("pk", flat=True))
    for field in endpoint.ordering:
        ascending, descending = {"ordering": field}, {"ordering": f"-{field}"}
        if lister.total > PAGE:
            ascending["offset"] = lister.total - PAGE
        up, down = lister.page(ascending), lister.page(descending)
        if up is None or down is None:
            continue
        if lister.total <= PAGE and sorted(up.ids) != every_id:
            lister.problem(ascending, "does not list every row once")
        if down.ids != up.ids[::-1]:
            lister.problem(descending, f"not the reverse of {urlencode(ascending)}")
        check_order(lister, ascending, field, up.ids)
    lister.finish()
    if not lister.total:
        pytest.skip(f"{endpoint.path}: the bundled data has no rows to order")


def check_order(lister: Lister, params: dict, field: str, ids: list[str]) -> None:
    """Ids in order of the field's values, NULLs last; text is left out, its order being
    the database's collation, and fields across to-many relations, a row having several."""
    endpoint = lister.endpoint
    if crosses_to_many(endpoint.model, field):
        return
    values = {str(pk): value for pk, value in endpoint.rows().values_list("pk", field)}
    if any(isinstance(value, str) for value in values.values()):
        return
    keys = [(values[pk] is None, values[pk]) for pk in ids if pk in values]
    for position, (before, after) in enumerate(pairwise(keys)):
        if before[0] == after[0] and not before[0] and before[1] > after[1]:
            lister.problem(params, f"{before[1]!r} before {after[1]!r} at {position}")
            return
        if before[0] and not after[0]:
            lister.problem(params, f"a NULL before {after[1]!r} at {position}")
            return
