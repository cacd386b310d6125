"""Every registered endpoint, in every mode, against the official spec and LL2's behaviour.

The tests iterate the registry, so an endpoint is covered the moment it is declared: its
docs block, query parameters and fields against the spec, every response of the bundled
data validated against its schema on both read paths, formats, methods, errors, links, the
fast path's bytes against the live path's, and its SQL query counts against the baseline.
A lookup table has one "mode", its serializer (ids such as `config/orbits-Orbit`).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django import forms
from django.db import connection, models
from django.test.utils import CaptureQueriesContext
from django.urls import resolve
from rest_framework import serializers
from rest_framework.compat import apply_markdown
from rest_framework.filters import OrderingFilter, SearchFilter

from launchlibrary.api.docs import docs_markdown
from launchlibrary.api.endpoint import registry, schema_name
from launchlibrary.api.fields import ResourceUrlField
from launchlibrary.api.filters import BooleanField
from launchlibrary.urls import THROTTLE_PATH
from tests.conftest import as_another_worker
from tests.contract import spec
from tests.contract.walk import (
    API,
    FORMATS,
    HOST,
    READ_PATHS,
    both_read_paths,
    detail_path,
    differences,
    get,
    list_path,
    mode_id,
    mode_params,
    modes,
    object_ids,
    objects_of,
    page_params,
    with_modes,
)

ENDPOINTS = list(registry)
FILTERED = [endpoint for endpoint in ENDPOINTS if endpoint.filterset]
# Paths answering pages, with a detail path: all but one-object ones (`dashboard/starship`).
PAGED = [endpoint for endpoint in ENDPOINTS if not endpoint.one_object]
MODES = with_modes(ENDPOINTS)
ORIGIN = f"http://{HOST}"

by_endpoint = pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.path)
by_mode = pytest.mark.parametrize(
    ("endpoint", "mode"), MODES, ids=[mode_id(endpoint, mode) for endpoint, mode in MODES]
)
by_read_path = pytest.mark.parametrize("read_path", READ_PATHS)


def first_id(endpoint) -> str | None:
    """The id of the first object, for its detail path; None where there is none."""
    if endpoint.one_object:
        return None
    return next(iter(endpoint.rows().order_by("pk").values_list("pk", flat=True)), None)


def empty_table(endpoint) -> str:
    return f"{endpoint.path}: the bundled data has no {endpoint.model._meta.verbose_name_plural}"


# What the spec declares


@by_endpoint
def test_the_spec_declares_the_list_and_detail_paths(endpoint):
    """A one-object path has no detail path, in the spec as here."""
    assert spec.has_operation(endpoint.path, "list")
    assert spec.has_operation(endpoint.path, "retrieve") == (not endpoint.one_object)
    assert spec.answers_one_object(endpoint.path) == endpoint.one_object


@by_endpoint
def test_modes_and_their_schemas_are_the_specs(endpoint):
    """The modes, in order, and the schema each writes; the detail path's schema."""
    ours = {mode: schema_name(serializer) for mode, serializer in endpoint.modes.items()}
    assert ours == spec.modes(endpoint.path)
    assert list(ours) == list(spec.modes(endpoint.path))
    if not endpoint.modes:
        assert schema_name(endpoint.serializer) == spec.item_schema_name(endpoint.path)
    if not endpoint.one_object:
        detail = endpoint.serializer_for(endpoint.detail_mode_name)
        assert schema_name(detail) == spec.response_schema_name(endpoint.path, "retrieve")


@by_endpoint
def test_docs_block_is_the_specs_description_byte_for_byte(endpoint):
    ours = docs_markdown(endpoint)
    assert ours == spec.operation(endpoint.path, "list")["description"]
    if not endpoint.one_object:
        assert ours == spec.operation(endpoint.path, "retrieve")["description"]


def accepted_parameters(endpoint) -> list[str]:
    """The query parameters the routed list view reads: its filters, the paginator's, the
    search and ordering backends' (read whether or not the endpoint declares fields for
    them, as DRF's backends do: LL2's spec lists them on every list), and `mode`. A
    one-object path reads `limit` alone (for its object's lists) and `mode`."""
    if endpoint.one_object:
        return sorted({"limit", *(["mode"] if endpoint.modes else [])})
    view = resolve(list_path(endpoint)).func.cls
    names = set(view.filterset_class.base_filters) if view.filterset_class else set()
    paginator = view.pagination_class
    names |= {paginator.limit_query_param, paginator.offset_query_param}
    for backend in view.filter_backends:
        if issubclass(backend, SearchFilter):
            names.add(backend.search_param)
        if issubclass(backend, OrderingFilter):
            names.add(backend.ordering_param)
    if endpoint.modes:
        names.add("mode")
    return sorted(names)


@by_endpoint
def test_query_parameters_are_the_specs_no_more_no_fewer(endpoint):
    assert accepted_parameters(endpoint) == spec.query_parameters(endpoint.path)


def ordered_columns(model) -> dict[str, str]:
    """The fields the model's ordering indexes serve (`api.filters.ordering_index`), to each
    index's name."""
    return {
        index.expressions[1].name: index.name
        for index in model._meta.indexes
        if len(index.expressions) == 3 and index.name.endswith("_ord")
    }


@by_endpoint
def test_every_ordering_field_is_served_by_an_index(db, endpoint):
    """A page ordered by any field LL2 declares is read from an index, whatever the table's
    size: each of the model's own fields has its ordering index, in the database too. An
    ordering across a relation (`location__id`) reads the relation's own index."""
    model = endpoint.model
    indexed = ordered_columns(model)
    own_fields = [name for name in endpoint.ordering if "__" not in name and name != "id"]
    assert sorted(set(own_fields) - set(indexed)) == []
    with connection.cursor() as cursor:
        in_database = connection.introspection.get_constraints(cursor, model._meta.db_table)
    assert sorted({indexed[name] for name in own_fields} - set(in_database)) == []


def field_mismatches(serializer_class) -> list[str]:
    """Every difference between a serializer's fields (and its nested serializers', all the
    way down) and the properties of the schemas they write: names, order, and the schema
    each nested object or list of objects is of."""
    problems: list[str] = []
    seen: set[type] = set()

    def walk(serializer, where: str) -> None:
        name = schema_name(type(serializer))
        if type(serializer) in seen:
            return
        seen.add(type(serializer))
        if name not in spec.SPEC["components"]["schemas"]:
            problems.append(f"{where}: {type(serializer).__name__} writes {name}, not in the spec")
            return
        ours, theirs = list(serializer.fields), spec.schema_properties(name)
        if ours != theirs:
            unlike = []
            if missing := [field for field in theirs if field not in ours]:
                unlike.append(f"lacks {missing}")
            if extra := [field for field in ours if field not in theirs]:
                unlike.append(f"has {extra}, which the spec does not")
            if [field for field in ours if field in theirs] != [
                field for field in theirs if field in ours
            ]:
                unlike.append(f"orders its fields {ours}, the spec {theirs}")
            problems.append(f"{name}: " + "; ".join(unlike))
        properties = spec.schema(name).get("properties", {})
        for field_name, field in serializer.fields.items():
            if field_name not in properties:
                continue
            many = isinstance(field, serializers.ListSerializer)
            nested = field.child if many else field
            expected, expected_many = spec.referenced_schema(properties[field_name])
            # A serializer of no fields writes a plain value (a mission type's name).
            is_object = isinstance(nested, serializers.BaseSerializer) and bool(nested.fields)
            if not is_object:
                if expected is not None:
                    problems.append(f"{name}.{field_name}: a plain value, the spec has {expected}")
                continue
            writes = schema_name(type(nested))
            if expected is None:
                problems.append(f"{name}.{field_name}: an object ({writes}), the spec has none")
            elif writes != expected:
                problems.append(f"{name}.{field_name}: writes {writes}, the spec has {expected}")
            if many != expected_many:
                problems.append(
                    f"{name}.{field_name}: {'a list' if many else 'one object'}, the spec has "
                    f"{'a list' if expected_many else 'one object'}"
                )
            walk(nested, f"{name}.{field_name}")

    walk(serializer_class(), schema_name(serializer_class))
    return problems


@by_mode
def test_serializer_fields_are_the_schemas_properties_all_the_way_down(endpoint, mode):
    assert field_mismatches(endpoint.serializer_for(mode)) == []


# Every response of the bundled data


def schema_errors(instance: dict, schema: str, where: str) -> list[tuple[str, str]]:
    return [(where, error) for error in spec.errors(instance, schema)]


def summary(errors: list[tuple[str, str]], limit: int = 40) -> str:
    """Errors of many objects, alike ones counted once: `$.flights[*].landing: ... (x26)`."""
    counted = Counter(re.sub(r"\[\d+\]", "[*]", error) for _, error in errors)
    lines = [f"{error} (x{count})" for error, count in counted.most_common(limit)]
    return f"{len(errors)} errors, first in {errors[0][0]}:\n  " + "\n  ".join(lines)


@by_mode
def test_every_response_of_the_bundled_data_validates_and_both_read_paths_agree(
    client, endpoint, mode
):
    """Every list page in the mode (`limit=100`, every offset) and, in the mode the detail
    path answers in, every object's detail path: asked with `?format=json` and without, on
    both read paths. The fast path answers the live path's bytes (a document is the
    serializer's output), and every JSON response validates against its schema in the
    spec; each object is validated once however many responses hold it."""
    path = endpoint.path
    page_schema = spec.response_schema(path, "list", mode)
    item_schema = spec.item_schema_name(path, "list", mode)
    ids = object_ids(endpoint) if mode == endpoint.detail_mode_name else []
    detail_schema = spec.response_schema_name(path, "retrieve") if ids else None
    unequal, invalid, validated = [], [], {}

    def check(url: str, params: dict) -> list:
        """The bodies of both read paths, compared; those to validate (`?format=json`)."""
        bodies = []
        for format_params in FORMATS:
            live, fast = both_read_paths(client, url, {**params, **format_params})
            unequal.extend(f"{url} {params}: {found}" for found in differences(live, fast))
            if format_params:
                bodies += list(dict.fromkeys([live.content, fast.content]))
        return [json.loads(body) for body in bodies]

    def validate_object(obj: dict, schema: str, where: str) -> None:
        key = (schema, obj.get("id"))
        if validated.get(key) != obj:
            invalid.extend(schema_errors(obj, schema, where))
            validated[key] = obj

    for params in page_params(endpoint, mode):
        for page in check(list_path(endpoint), params):
            where = f"{list_path(endpoint)}?{urlencode(params)}"
            if endpoint.one_object:
                invalid.extend(schema_errors(page, page_schema, where))
                continue
            invalid.extend(schema_errors({**page, "results": []}, page_schema, where))
            for obj in page["results"]:
                validate_object(obj, item_schema, f"{where}, id {obj.get('id')}")
    for pk in ids:
        for obj in check(detail_path(endpoint, pk), {}):
            validate_object(obj, detail_schema, detail_path(endpoint, pk))

    if unequal:
        pytest.fail("\n".join(unequal[:20]), pytrace=False)
    if invalid:
        pytest.fail(summary(invalid), pytrace=False)
    if mode == endpoint.detail_mode_name and not ids and not endpoint.one_object:
        pytest.skip(f"{empty_table(endpoint)}: only its empty list page was checked")


@pytest.mark.parametrize("rate", ["15/hour", None])
def test_api_throttle_answers_its_schema(client, settings, rate):
    """One `APIThrottle` (the spec says an array: defect (f)), asked anonymously under a
    rate as on LL2, and without one (this server's default), where the limit is still an
    integer."""
    settings.LL2_ANON_RATE = rate
    spec.validate(
        get(client, "live", f"{API}{THROTTLE_PATH}/", {"format": "json"}).json(),
        spec.response_schema_name(THROTTLE_PATH),
    )


# Formats, methods and errors


def paths_of(endpoint) -> list[str]:
    """The list path, and the first object's detail path where the table has rows."""
    pk = first_id(endpoint)
    return [list_path(endpoint)] + ([] if pk is None else [detail_path(endpoint, pk)])


@by_read_path
@by_endpoint
def test_formats_by_parameter_and_accept_header(client, settings, endpoint, read_path):
    settings.LL2_READ_PATH = read_path
    docs_html = apply_markdown(docs_markdown(endpoint))
    for path in paths_of(endpoint):
        answers = {
            "json": client.get(path, {"format": "json"}),
            "api": client.get(path, {"format": "api"}),
            "accept json": client.get(path, HTTP_ACCEPT="application/json"),
            "accept html": client.get(path, HTTP_ACCEPT="text/html"),
        }
        for asked, response in answers.items():
            assert response.status_code == 200, (path, asked)
            assert response["Allow"] == "GET", (path, asked)
            # LL2's `Accept`, and `Accept-Encoding` for compression (tests/test_http.py).
            assert response["Vary"] == "Accept, Accept-Encoding", (path, asked)
            if "json" in asked:
                assert response["Content-Type"] == "application/json", (path, asked)
                response.json()
            else:
                assert response["Content-Type"] == "text/html; charset=utf-8", (path, asked)
                assert docs_html in response.content.decode(), (path, asked)
        unknown = client.get(path, {"format": "bogus"})
        assert unknown.status_code == 404
        assert unknown["Content-Type"] == "application/json"
        assert unknown.json() == {"detail": "Not found."}


@by_endpoint
def test_head_answers_as_get_without_a_body_and_other_methods_405(client, endpoint):
    for path in paths_of(endpoint):
        got, head = client.get(path), client.head(path)
        assert head.status_code == 200
        assert head.content == b""
        for header in ("Content-Type", "Allow", "Vary"):
            assert head[header] == got[header], (path, header)
        for method in ("post", "put", "patch", "delete", "options"):
            response = getattr(client, method)(path)
            assert response.status_code == 405, (path, method)
            assert response["Allow"] == "GET"
            assert response["Content-Type"] == "application/json"
            assert response.json() == {"detail": f'Method "{method.upper()}" not allowed.'}


@by_read_path
@pytest.mark.parametrize("endpoint", PAGED, ids=lambda e: e.path)
def test_an_unknown_id_answers_404_with_drfs_body(client, settings, endpoint, read_path):
    settings.LL2_READ_PATH = read_path
    # Launches are keyed by UUID, the rest by integer.
    uuid_keyed = isinstance(endpoint.model._meta.pk, models.UUIDField)
    unknown = "00000000-0000-4000-8000-000000000000" if uuid_keyed else 99_999_999
    assert not endpoint.model._default_manager.filter(pk=unknown).exists()
    response = client.get(detail_path(endpoint, unknown), {"format": "json"})
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    # Django's get_object_or_404 names the model by its class name, which DRF passes on.
    name = endpoint.model._meta.object_name
    assert response.json() == {"detail": f"No {name} matches the given query."}
    # An id the key's type cannot read, or none can hold (PostgreSQL refuses a NUL in
    # text): DRF's bare 404.
    for unreadable in ("abc", "1%00"):
        response = client.get(detail_path(endpoint, unreadable), {"format": "json"})
        assert response.status_code == 404
        assert response.json() == {"detail": "Not found."}


def refused_value(filter_) -> str | None:
    """A value the filter must refuse, by the form field that reads it; None for a filter
    that reads any text."""
    field = filter_.field
    if isinstance(field, forms.ModelChoiceField | forms.ModelMultipleChoiceField):
        return "99999999"
    if isinstance(field, BooleanField | forms.NullBooleanField):
        return "maybe"
    if isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
        return "abc"
    if isinstance(field, forms.DateTimeField | forms.DateField):
        return "not-a-date"
    if isinstance(field, forms.ChoiceField):
        return "not-a-choice"
    return None


@by_read_path
@pytest.mark.parametrize("endpoint", FILTERED, ids=lambda e: e.path)
def test_a_bad_filter_value_answers_400_naming_the_filter(client, settings, endpoint, read_path):
    settings.LL2_READ_PATH = read_path
    refusable = {
        name: value
        for name, filter_ in endpoint.filterset.base_filters.items()
        if (value := refused_value(filter_)) is not None
    }
    if not refusable:
        pytest.skip(f"{endpoint.path}: every filter reads any text")
    for name, value in refusable.items():
        response = client.get(list_path(endpoint), {"format": "json", name: value})
        assert response.status_code == 400, (name, value)
        assert response["Content-Type"] == "application/json"
        body = response.json()
        assert list(body) == [name], (name, value, body)
        assert body[name] and all(isinstance(message, str) for message in body[name])


@by_read_path
@pytest.mark.parametrize("endpoint", PAGED, ids=lambda e: e.path)
def test_limit_101_is_cut_to_100(client, endpoint, read_path):
    count = endpoint.rows().count()
    page = get(
        client,
        read_path,
        list_path(endpoint),
        {"format": "json", "limit": 101, "offset": 1},
    ).json()
    assert len(page["results"]) == min(100, max(count - 1, 0))
    # The previous page of offset 1 starts at 0: its link drops the offset, keeps the limit.
    assert page["previous"] == f"{ORIGIN}{list_path(endpoint)}?format=json&limit=100"
    if count > 101:
        assert page["next"] == f"{ORIGIN}{list_path(endpoint)}?format=json&limit=100&offset=101"
    else:
        assert page["next"] is None


@by_read_path
@pytest.mark.parametrize("endpoint", PAGED, ids=lambda e: e.path)
def test_an_offset_past_the_end_answers_an_empty_page(client, endpoint, read_path):
    count = endpoint.rows().count()
    offset = count + 50
    page = get(client, read_path, list_path(endpoint), {"format": "json", "offset": offset}).json()
    assert page == {
        "count": count,
        "next": None,
        "previous": f"{ORIGIN}{list_path(endpoint)}?format=json&limit=10&offset={offset - 10}",
        "results": [],
    }


ODD_PAGES = [
    # (query, length, offset): what a page holds
    ({}, 10, 0),
    ({"limit": 0}, 10, 0),
    ({"limit": "abc"}, 10, 0),
    ({"limit": -5}, 10, 0),
    ({"offset": -1}, 10, 0),
    ({"offset": "abc"}, 10, 0),
    ({"limit": 3, "offset": 2}, 3, 2),
]


@pytest.mark.parametrize("endpoint", PAGED, ids=lambda e: e.path)
def test_odd_limits_and_offsets_read_as_drf_reads_them(client, endpoint):
    """A default page of 10; a limit or offset it cannot read falls back to the default."""
    ids = object_ids(endpoint)
    for params, length, offset in ODD_PAGES:
        page = get(client, "fast", list_path(endpoint), {"format": "json", **params})
        got = [str(obj["id"]) for obj in page.json()["results"]]
        assert got == ids[offset : offset + length], params


@pytest.mark.parametrize("endpoint", [e for e in ENDPOINTS if e.modes], ids=lambda e: e.path)
def test_an_unknown_mode_answers_in_the_default_mode_as_ll2_does(client, endpoint):
    def results(**params) -> list:
        return objects_of(endpoint, get(client, "fast", list_path(endpoint), params).json())

    default = results(format="json")
    assert results(format="json", mode="bogus") == default
    assert results(format="json", mode=endpoint.mode_for(None)) == default


def resource_urls(serializer, data) -> list[tuple[ResourceUrlField, str, dict]]:
    """Every `url` an object's serializer writes (its own and its nested objects'): the
    field, the value, and the object holding it."""
    found = []
    if not isinstance(data, dict):
        return found
    for name, field in serializer.fields.items():
        value = data.get(name)
        if isinstance(field, ResourceUrlField):
            found.append((field, value, data))
        elif isinstance(field, serializers.ListSerializer) and isinstance(value, list):
            for item in value:
                found += resource_urls(field.child, item)
        elif isinstance(field, serializers.BaseSerializer):
            found += resource_urls(field, value)
    return found


def assert_links(page_or_object: dict, path: str, suffix: str) -> None:
    for key in ("next", "previous"):
        link = page_or_object.get(key)
        if link is None:
            continue
        parts = urlsplit(link)
        assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{ORIGIN}{path}", link
        assert parse_qs(parts.query).get("format") == (["json"] if suffix else None), link


@by_read_path
@by_mode
def test_links_are_absolute_on_the_requests_host_and_carry_the_format(
    client, endpoint, mode, read_path
):
    serializer = endpoint.serializer_for(mode)()
    detail_serializer = endpoint.serializer_for(endpoint.detail_mode_name)()
    pk = first_id(endpoint)
    for format_params in FORMATS:
        suffix = "?format=json" if format_params else ""
        params = {**mode_params(mode), **format_params, "limit": 5, "offset": 5}
        page = get(client, read_path, list_path(endpoint), params).json()
        if not endpoint.one_object:  # whose `previous` is no link
            assert_links(page, list_path(endpoint), suffix)
        objects = [(serializer, obj) for obj in objects_of(endpoint, page)]
        if pk is not None and mode == endpoint.detail_mode_name:
            detail = get(client, read_path, detail_path(endpoint, pk), format_params)
            objects.append((detail_serializer, detail.json()))
        for obj_serializer, obj in objects:
            for field, url, holder in resource_urls(obj_serializer, obj):
                assert url.startswith(f"{ORIGIN}{API}{field.resource}/"), url
                if "id" in holder:
                    assert url == f"{ORIGIN}{API}{field.resource}/{holder['id']}/{suffix}"
                else:
                    assert url.endswith(f"/{suffix}"), url


# Cost


def count_queries(client, path: str, params: dict) -> int:
    as_another_worker()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, params)
    assert response.status_code == 200, response.content[:500]
    return len(queries)


@by_endpoint
def test_query_counts_are_the_baselines(client, settings, query_counts, endpoint):
    """Each list request (every mode, `limit=100`) and the first object's detail request, on
    each read path, by a worker that has served nothing yet (tests/contract/conftest.py)."""
    requests = {
        f"list?mode={mode}" if mode else "list": (
            list_path(endpoint),
            {**mode_params(mode), "format": "json", "limit": 100},
        )
        for mode in modes(endpoint)
    }
    pk = first_id(endpoint)
    if pk is not None:
        requests["detail"] = (detail_path(endpoint, pk), {"format": "json"})
    measured = {}
    for request, (path, params) in requests.items():
        measured[request] = {}
        for read_path in READ_PATHS:
            settings.LL2_READ_PATH = read_path
            measured[request][read_path] = count_queries(client, path, params)
    query_counts.check(endpoint.path, measured)


# Access


@by_endpoint
def test_every_endpoint_authenticates_and_throttles(client, settings, endpoint):
    bad = {"HTTP_AUTHORIZATION": "Token " + "0" * 40}
    paths = [list_path(endpoint)] + ([] if endpoint.one_object else [detail_path(endpoint, 1)])
    for path in paths:
        response = client.get(path, {"format": "json"}, **bad)
        assert response.status_code == 401
        assert response.json() == {"detail": "Invalid token."}
    settings.LL2_ANON_RATE = "1/minute"
    assert client.get(list_path(endpoint), {"format": "json"}).status_code == 200
    for path in paths:
        refused = client.get(path, {"format": "json"})
        assert refused.status_code == 429
        assert 55 < int(refused["Retry-After"]) <= 60


def test_api_root_lists_every_list_path_with_its_absolute_url(client):
    paths = sorted([endpoint.path for endpoint in registry] + [THROTTLE_PATH])
    for format_params in FORMATS:
        suffix = "?format=json" if format_params else ""
        root = get(client, "fast", API, format_params).json()
        assert list(root) == paths
        assert root == {path: f"{ORIGIN}{API}{path}/{suffix}" for path in paths}
        for url in root.values():
            parts = urlsplit(url)
            response = client.get(parts.path, parse_qs(parts.query), HTTP_HOST=HOST)
            assert response.status_code == 200, url
            assert response["Content-Type"] == "application/json", url
    redirect = client.get("/")
    assert redirect.status_code == 302
    assert redirect["Location"] == API
