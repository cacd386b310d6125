"""Every operation we serve, fuzzed from the official spec: generated filters, `limit`,
`offset`, `ordering`, `search`, `mode` and ids, valid and not, each request answered by the
Django app in-process (schemathesis over WSGI) on the suite's database. No request may fail
(5xx) or show a traceback, and every 200 must be valid against its schema.

The operations are the registry's, list and detail, so an endpoint is fuzzed from the moment
it is declared. The spec is read through tests/contract/spec.py, which works around its
defects, and responses are checked by its `validate` rather than by schemathesis' own
checks, which would trip on them (a detailed object matches two members of a `oneOf`; the
spec lists no status but 200). The run is derandomized with a fixed seed: every run sends
the same requests.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from urllib.parse import quote

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import strategies as st

from launchlibrary.api.endpoint import Endpoint, registry
from launchlibrary.wsgi import application
from tests.contract import spec
from tests.contract.walk import object_ids

# Cases per operation of the fuzzing phase; the coverage phase adds its own, a few per
# parameter (boundaries, missing, wrong types).
MAX_EXAMPLES = 15
SEED = 230


def served_operations() -> dict[str, tuple[Endpoint, str]]:
    """Each spec path we serve, with its endpoint and kind (`list` or `retrieve`)."""
    return {
        spec.spec_path(endpoint.path, kind): (endpoint, kind)
        for endpoint in registry
        for kind in spec.KINDS
        if spec.has_operation(endpoint.path, kind)
    }


SERVED = served_operations()


def orderings(endpoint: Endpoint) -> list[str]:
    """Each field the endpoint orders by, either way, and two of them at once."""
    fields = [sign + field for field in endpoint.ordering for sign in ("", "-")]
    if len(endpoint.ordering) > 1:
        fields.append(f"-{endpoint.ordering[-1]},{endpoint.ordering[0]}")
    return fields


def fuzzed_document() -> dict:
    """The corrected spec, with what we know of our own inputs: `ordering` also as the
    fields each endpoint orders by (the spec says only "a string", and a string drawn at
    random names none), and ids as any string too (the router takes any path segment)."""
    document = spec.corrected_document()
    for path, (endpoint, _) in SERVED.items():
        for parameter in document["paths"][path]["get"].get("parameters", []):
            if parameter["name"] == "ordering" and endpoint.ordering:
                named = {"type": "string", "enum": orderings(endpoint)}
                parameter["schema"] = {"anyOf": [named, parameter["schema"]]}
            if parameter["in"] == "path":
                parameter["schema"] = {"anyOf": [parameter["schema"], {"type": "string"}]}
    return document


# Values that often break servers, drawn now and then wherever a string or an integer
# goes: a NUL (which PostgreSQL's text refuses), LIKE and quoting characters, whitespace,
# non-ASCII, a long string; integers past each column width.
HOSTILE_STRINGS = ["\x00", "1\x00", "%", "_", "\\", "'", '"', " ", "\t", "é", "🚀", "x" * 2000]
HOSTILE_INTEGERS = [-1, 0, 2**31 - 1, 2**31, 2**63 - 1, 2**63, 10**30]


def filters_fuzzed_elsewhere() -> list[str]:
    """The list paths whose filters are an earlier path's (`/launches/upcoming/` and
    `/previous/` filter as `/launches/` does): the coverage phase, which walks every filter
    of a path, walks each filter set once, and these get the fuzzing phase alone."""
    seen: list[type] = []
    paths = []
    for path, (endpoint, kind) in SERVED.items():
        if kind != "list" or endpoint.filterset is None:
            continue
        if any(issubclass(endpoint.filterset, earlier) for earlier in seen):
            paths.append(path)
        seen.append(endpoint.filterset)
    return paths


CONFIG = schemathesis.Config.from_dict(
    {
        "seed": SEED,
        "suppress-health-check": ["too_slow", "filter_too_much"],
        "dictionaries": {
            "hostile-strings": {"values": HOSTILE_STRINGS},
            "hostile-integers": {"values": HOSTILE_INTEGERS},
        },
        "generation": {
            "mode": "all",  # valid parameters, and invalid ones
            "max-examples": MAX_EXAMPLES,
            "deterministic": True,
            "database": "none",  # nothing kept in .hypothesis/
            "dictionaries": {
                "string": {"dictionary": "hostile-strings", "probability": 0.2},
                "integer": {"dictionary": "hostile-integers", "probability": 0.2},
            },
        },
        "phases": {
            # Methods other than GET answer 405, as the contract tests check.
            "coverage": {"unexpected-methods": []},
            "stateful": {"enabled": False},
        },
        "operations": [
            {"include-path": filters_fuzzed_elsewhere(), "phases": {"coverage": {"enabled": False}}}
        ],
    }
)
DOCUMENT = fuzzed_document()
# Not `include(path=SERVED)`: with per-operation settings in CONFIG, an include would widen
# the selection rather than narrow it.
schema = schemathesis.openapi.from_dict(DOCUMENT, config=CONFIG).exclude(
    path=[path for path in DOCUMENT["paths"] if path not in SERVED]
)


@schema.hook
def flatmap_path_parameters(
    context: schemathesis.HookContext, path_parameters: dict
) -> st.SearchStrategy:
    """Besides the id drawn, the id of an object that exists (a drawn one rarely is), or a
    hostile value (schemathesis keeps control characters out of paths; a NUL still gets
    there, percent-encoded)."""
    endpoint, kind = SERVED[context.operation.path]
    if kind != "retrieve":
        return st.just(path_parameters)
    hostile = [quote(value, safe="") for value in HOSTILE_STRINGS] + list(
        map(str, HOSTILE_INTEGERS)
    )
    ids = object_ids(endpoint) + hostile
    return st.one_of(st.just(path_parameters), st.sampled_from(ids).map(lambda pk: {"id": pk}))


def in_the_test_transaction(environ: dict, start_response: Callable) -> list[bytes]:
    """The app, called as Django's test client calls it: the start and end of a request
    would otherwise close the database connection, and with it the test's transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        response = application(environ, start_response)
        body = b"".join(response)
        response.close()
        return [body]
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def requested_mode(query: dict | None) -> str | None:
    """The `mode` the server reads from a generated query: the last of several, and only
    a string can name a mode."""
    value = (query or {}).get("mode")
    if isinstance(value, list):
        value = value[-1] if value else None
    return value if isinstance(value, str) else None


@pytest.mark.django_db
@schema.parametrize()
def test_no_request_fails_and_every_200_is_valid(case):
    endpoint, kind = SERVED[case.operation.path]
    response = case.call(
        app=in_the_test_transaction,
        params={"format": "json"},
        # Plain bodies, to read; compression has tests of its own.
        headers={"Accept-Encoding": "identity"},
    )
    request = f"GET {case.formatted_path} {case.query or {}}"
    assert response.status_code < 500, (request, response.content[:2000])
    assert b"Traceback" not in response.content, request
    if response.status_code == 200:
        mode = endpoint.mode_for(requested_mode(case.query)) if kind == "list" else None
        found = spec.errors(
            json.loads(response.content), spec.response_schema(endpoint.path, kind, mode)
        )
        assert not found, (request, found[:10])
