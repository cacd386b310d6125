"""Walking an endpoint's responses: its paths, modes and pages, and both read paths of each,
for the contract tests and for the tests that edit data and check every response after."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import chain

from django.db.models import QuerySet
from django.test import override_settings

from launchlibrary.api.endpoint import Endpoint, registry, schema_name
from launchlibrary.api.filters import sql_order

API = f"/{registry.version}/"
PAGE = 100  # the longest page a client may ask for
READ_PATHS = ("live", "fast")
# Links are written on the host a request was made on: ask on one that is not the default.
HOST = "mirror.example.org"
FORMATS = ({"format": "json"}, {})  # JSON asked for by `?format=`, and by default


def list_path(endpoint: Endpoint) -> str:
    return f"{API}{endpoint.path}/"


def detail_path(endpoint: Endpoint, pk) -> str:
    return f"{API}{endpoint.path}/{pk}/"


def modes(endpoint: Endpoint) -> list[str | None]:
    """Each mode a list answers in; a lookup table's one "mode" (its serializer) is None."""
    return list(endpoint.modes) or [None]


def mode_id(endpoint: Endpoint, mode: str | None) -> str:
    """`spacecraft-normal`; a lookup table by the schema it writes, `config/orbits-Orbit`."""
    return f"{endpoint.path}-{mode or schema_name(endpoint.serializer)}"


def with_modes(endpoints: Iterable[Endpoint] = registry) -> list[tuple[Endpoint, str | None]]:
    return [(endpoint, mode) for endpoint in endpoints for mode in modes(endpoint)]


def mode_params(mode: str | None) -> dict[str, str]:
    return {"mode": mode} if mode else {}


def object_ids(endpoint: Endpoint) -> list[str]:
    """The id of every object the path serves, in the order its list gives them; none for a
    one-object path, which has no detail path and no ids to page through."""
    if endpoint.one_object:
        return []
    return in_list_order(endpoint, endpoint.rows())


def objects_of(endpoint: Endpoint, body: dict) -> list[dict]:
    """The objects of a list path's response: a page's results, or a one-object path's one."""
    return [body] if endpoint.one_object else body["results"]


def in_list_order(endpoint: Endpoint, rows: QuerySet) -> list[str]:
    """The ids of the rows, once each, in the order the endpoint's list gives them when
    asked for no `ordering` (by id, unless it declares another `default_ordering`)."""
    terms = list(endpoint.default_ordering)
    if terms[-1].lstrip("-") != "id":
        terms.append("-id" if terms[-1].startswith("-") else "id")
    ordered = rows.order_by(*chain.from_iterable(sql_order(term) for term in terms))
    return list(dict.fromkeys(str(pk) for pk in ordered.values_list("pk", flat=True)))


def page_params(endpoint: Endpoint, mode: str | None) -> Iterator[dict]:
    """The query of every page of the list in a mode, `PAGE` objects each; one (empty)
    page for an empty table."""
    count = 1 if endpoint.one_object else endpoint.rows().count()
    for offset in range(0, max(count, 1), PAGE):
        yield {**mode_params(mode), "limit": PAGE, "offset": offset}


def get(client, read_path: str, path: str, params: dict | None = None, **headers):
    """One request on a read path. The path is set for the request alone: pytest-django's
    `settings` would stack one override per request of a walk, past Python's recursion
    limit on a few hundred objects."""
    with override_settings(LL2_READ_PATH=read_path):
        response = client.get(path, params or {}, HTTP_HOST=HOST, **headers)
    assert response.status_code == 200, (read_path, path, params, response.content[:500])
    return response


def both_read_paths(client, path: str, params: dict | None = None):
    """The live path's response and the fast path's."""
    return (
        get(client, "live", path, params),
        get(client, "fast", path, params),
    )


def differences(live, fast) -> list[str]:
    """How the fast path's response differs from the live path's: it must answer the same
    bytes, from documents (with an ETag), where the live path caches nothing."""
    found = []
    if "ETag" in live:
        found.append("the live path cached")
    if "ETag" not in fast:
        found.append("the fast path did not answer from documents")
    if fast.content != live.content:
        found.append("the fast path's bytes differ from the live path's")
    return found


def fast_and_live(client, path: str, params: dict | None = None):
    """The response of both read paths, checked to be the same bytes; the fast one's."""
    live, fast = both_read_paths(client, path, params)
    assert not differences(live, fast), (path, params, differences(live, fast))
    return fast


def every_page_and_object(
    client,
    endpoints: Iterable[Endpoint] = registry,
    detail_formats: Iterable[dict] = FORMATS,
) -> None:
    """Every page (in every mode, with and without `?format=json`) and every object (asked
    in `detail_formats`) of the given endpoints: the fast path answers the live path's
    bytes."""
    for endpoint in endpoints:
        for mode in modes(endpoint):
            for params in page_params(endpoint, mode):
                for format_params in FORMATS:
                    fast_and_live(client, list_path(endpoint), {**params, **format_params})
        for pk in object_ids(endpoint):
            for format_params in detail_formats:
                fast_and_live(client, detail_path(endpoint, pk), format_params)
