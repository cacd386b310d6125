"""The official LL2 2.3.0 OpenAPI spec, read in this one place, its known defects worked
around here and nowhere else.

The spec (`tests/fixtures/spec/ll2-2.3.0-openapi.json`) is drf-spectacular's output for
LL2's own server. It describes what LL2 answers well, but in a few ways it says something
that neither LL2 nor any client of it does; each is corrected below, in a copy, under a
`Defect (x)` comment:

(a) overlapping normal/detailed variants: a list's results are a `oneOf` of its modes'
    schemas, and a detailed object also validates as a normal one (no schema forbids extra
    properties), so `oneOf` fails on every detailed object. A response is validated against
    the schema of the mode that was asked for, the `oneOf` member that the
    `response_mode` discriminator's mapping names for it (rather than the member the
    object's own `response_mode` names, which would pass an object of the wrong mode).
(b) `""` in fields declared `format: uri`: LL2 sends empty strings for missing links (a
    configuration's `info_link`, a pad's `wiki_url`: see tests/fixtures/data). A uri
    accepts `""`; anything else must be an absolute URI.
(c) nullable `allOf` references: `{"allOf": [{"$ref": ...}], "nullable": true}` is
    drf-spectacular's way to say "this object or null", but OpenAPI 3.0.3 lets `nullable`
    act only beside a `type` in the same schema object, so a strict validator refuses the
    nulls LL2 sends. Such a schema accepts null.
(d) auth declared on every operation: each operation requires `cookieAuth` or
    `Token_Authentication`, where LL2 serves anonymous clients (rate limited). Security is
    ignored: `operation()` leaves it out.
(e) no `mode` parameter: the spec lists none, although every list with several modes (its
    results a discriminated `oneOf`) accepts `?mode=`. `query_parameters()` adds it there.
(f) `/api-throttle/` is declared as an array of `APIThrottle` though it answers one object.
    Its response schema is the item's.
(g) a spacecraft flight's computed `duration` and `turn_around_time` and its `landing` are
    declared non-nullable (drf-spectacular cannot see that a method field or a nested
    relation may be empty), yet a first flight has no turnaround, a flight with no known
    end or launch no duration, and a flight no landing until one is planned: LL2 writes
    null there as DRF does. No saved response shows these fields; the figures' own
    functions (`launchlibrary/spacecraft/history.py`) say when each is None. They accept
    null, in every `SpacecraftFlight*` schema.
(h) a launch's computed `pad_turnaround` and a first stage's `turn_around_time`,
    `previous_flight` and `landing` are declared non-nullable likewise, yet the first
    launch from a pad has no turnaround, a booster's first flight no previous flight nor
    turnaround, and a stage no landing until one is planned: LL2 writes null there. They
    accept null, in every `Launch*` and `FirstStage*` schema.
(i) what docking events, docking locations, landings and payload flights relate to is
    declared as bare references, never null, yet a docking at a station has no flight or
    payload for its target, a station's docking location no spacecraft or payload, a free
    one nothing `currently_docked`, a landing lands one of a first stage, a spacecraft
    flight and a payload flight, and a payload flight has no landing until one is planned:
    LL2 writes null there (the saved station responses show `currently_docked`,
    `space_station_chaser` and `payload_flight_chaser` null). They accept null, in every
    `DockingEvent*`, `DockingLocation*`, `LandingEndpoint*` and `PayloadFlight*` schema.

(j) `/dashboard/starship/` is declared as an array of `PolymorphicStarshipDashboardEndpoint`
    though LL2 answers one object (its own app, Space Launch Now, reads one `Starship`, as
    every client of the path does), and with no query parameter though its docs block
    offers `limit` and its schema has modes. Its response schema is the item's, and it
    takes `limit` (and `mode`, as in (e)).

One tightening is no defect: a schema's `response_mode` is a read-only constant, which the
spec writes as its `default` (`"normal"`); a response must hold exactly that value.

The validator is openapi-schema-validator's OAS 3.0 one for responses (`nullable`, OAS
formats), pinned in pyproject.toml.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from jsonschema import FormatChecker
from openapi_schema_validator import OAS30ReadValidator, oas30_format_checker
from referencing import Registry
from referencing.jsonschema import DRAFT4

SPEC_FILE = Path(__file__).resolve().parents[1] / "fixtures" / "spec" / "ll2-2.3.0-openapi.json"
# The spec as published, unchanged: read it through the functions below.
SPEC: dict = json.loads(SPEC_FILE.read_text())
VERSION = SPEC["info"]["version"].removeprefix("v")
KINDS = ("list", "retrieve")
SCHEMA_PREFIX = "#/components/schemas/"
# Where the corrected copy is registered for `$ref` resolution.
BASE_URI = "urn:ll2-spec"


def spec_path(path: str, kind: str = "list") -> str:
    """The spec's key for an endpoint path: `/2.3.0/spacecraft/` or `/2.3.0/spacecraft/{id}/`."""
    if kind not in KINDS:
        raise ValueError(f"kind is one of {KINDS}, not {kind!r}")
    return f"/{VERSION}/{path}/" if kind == "list" else f"/{VERSION}/{path}/{{id}}/"


def has_operation(path: str, kind: str = "list") -> bool:
    return spec_path(path, kind) in SPEC["paths"]


def operation(path: str, kind: str = "list") -> dict:
    """The GET operation of a path (`spacecraft`, `config/orbits`, `api-throttle`)."""
    try:
        found = SPEC["paths"][spec_path(path, kind)]["get"]
    except KeyError:
        raise LookupError(f"the spec has no {kind} operation for /{path}/") from None
    # Defect (d): every operation requires cookie or token auth; LL2 answers anonymous
    # clients. Nothing here reads `security`.
    return {key: value for key, value in found.items() if key != "security"}


def ref_name(ref: str) -> str:
    if not ref.startswith(SCHEMA_PREFIX):
        raise ValueError(f"not a schema reference: {ref}")
    return ref.removeprefix(SCHEMA_PREFIX)


# Paths declared as an array of objects that answer one: defects (f) and (j).
ONE_OBJECT_PATHS = frozenset({"api-throttle", "dashboard/starship"})


def answers_one_object(path: str) -> bool:
    """Whether a path answers one object (of its modes' schemas), not a page."""
    return path in ONE_OBJECT_PATHS


def response_schema_name(path: str, kind: str = "list") -> str:
    """The schema the 200 response refers to (`PaginatedOrbitList`, `Orbit`)."""
    schema = operation(path, kind)["responses"]["200"]["content"]["application/json"]["schema"]
    if answers_one_object(path) and schema.get("type") == "array":
        # Defects (f) and (j): declared an array of objects; LL2 answers one object.
        schema = schema["items"]
    return ref_name(schema["$ref"])


def modes(path: str) -> dict[str, str]:
    """The modes a list (or a one-object path) answers in, in the spec's order, each with
    its schema: `{"normal": "SpacecraftNormal", "detailed": "SpacecraftEndpointDetailed"}`;
    empty for a list of one schema."""
    answer = SPEC["components"]["schemas"][response_schema_name(path, "list")]
    if answers_one_object(path):
        polymorphic = answer
    else:
        items = answer["properties"]["results"]["items"]
        polymorphic = SPEC["components"]["schemas"][ref_name(items["$ref"])]
    if "oneOf" not in polymorphic:
        return {}
    mapping = polymorphic["discriminator"]["mapping"]
    return {mode: ref_name(ref) for mode, ref in mapping.items()}


def query_parameters(path: str) -> list[str]:
    """The names of the query parameters the list operation takes, sorted."""
    names = {
        parameter["name"]
        for parameter in operation(path, "list").get("parameters", [])
        if parameter["in"] == "query"
    }
    if modes(path):
        # Defect (e): the spec lists no `mode`, though a list of several modes takes it.
        names.add("mode")
    if path == "dashboard/starship":
        # Defect (j): its docs block offers `limit`, its parameters do not.
        names.add("limit")
    return sorted(names)


def query_parameter(path: str, name: str) -> dict:
    """One query parameter of the list operation as declared: its `schema` (`{"type":
    "integer"}`, `{"type": "string", "format": "date"}`, `{"type": "array", "items": ...}`)
    and, for an array, `explode`: false for one comma-separated value (`ids=1,2`), true for
    the parameter repeated (`families=1&families=2`)."""
    for parameter in operation(path, "list").get("parameters", []):
        if parameter["in"] == "query" and parameter["name"] == name:
            return parameter
    raise LookupError(f"the spec declares no query parameter {name!r} on /{path}/")


def item_schema_name(path: str, kind: str = "list", mode: str | None = None) -> str:
    """The schema of one object a path answers with: a list's results in the given mode (a
    list of one schema takes no mode), or the detail path's object."""
    if kind == "retrieve":
        return response_schema_name(path, "retrieve")
    by_mode = modes(path)
    if by_mode:
        # Defect (a): the mode asked for picks its `oneOf` member by the discriminator's
        # mapping, rather than `oneOf`, which refuses a detailed object (it is a normal one
        # too).
        if mode not in by_mode:
            raise LookupError(f"/{path}/ has modes {list(by_mode)}, not {mode!r}")
        return by_mode[mode]
    if mode is not None:
        raise LookupError(f"/{path}/ has no modes, asked for {mode!r}")
    page = SPEC["components"]["schemas"][response_schema_name(path, "list")]
    return ref_name(page["properties"]["results"]["items"]["$ref"])


def response_schema(path: str, kind: str = "list", mode: str | None = None) -> str:
    """A reference to the schema a response must validate against, for `validate`: a list
    page in the given mode (see `item_schema_name`), or the detail path's object."""
    if kind == "retrieve":
        return SCHEMA_PREFIX + response_schema_name(path, "retrieve")
    page = response_schema_name(path, "list")
    if answers_one_object(path):
        return SCHEMA_PREFIX + (item_schema_name(path, "list", mode) if modes(path) else page)
    if modes(path):
        item_schema_name(path, "list", mode)  # a mode the list has
        # Defect (a): the page of one mode, registered by `_corrected_spec`.
        return f"{SCHEMA_PREFIX}{page}.{mode}"
    return SCHEMA_PREFIX + page


def schema(name: str) -> dict:
    """A component schema as published."""
    return SPEC["components"]["schemas"][name]


def schema_properties(name: str) -> list[str]:
    """A schema's property names, in the spec's order (LL2's field order)."""
    return list(schema(name).get("properties", {}))


def referenced_schema(property_schema: dict) -> tuple[str | None, bool]:
    """The schema a property holds, by name, and whether it holds a list of them:
    `{"$ref": X}`, `{"allOf": [{"$ref": X}], ...}`, `{"type": "array", "items": ...}`;
    `(None, many)` where it holds no object of a named schema (a string, a number)."""
    many = property_schema.get("type") == "array"
    if many:
        property_schema = property_schema.get("items", {})
    if "$ref" in property_schema:
        return ref_name(property_schema["$ref"]), many
    members = property_schema.get("allOf", [])
    if len(members) == 1 and "$ref" in members[0]:
        return ref_name(members[0]["$ref"]), many
    return None, many


# Validation


def _accepts_null(node: dict) -> dict:
    # Defect (c): `nullable` beside `allOf` (no `type`) must still admit null.
    rest = {key: value for key, value in node.items() if key != "nullable"}
    return {"anyOf": [{"enum": [None]}, rest]}


# Defect (g): what a spacecraft flight may lack.
FLIGHT_SCHEMA_PREFIX = "SpacecraftFlight"
FLIGHT_FIELDS_MAYBE_EMPTY = ("duration", "turn_around_time", "landing")


def _flight_fields_accept_null(schemas: dict) -> None:
    for name, flight in schemas.items():
        if not name.startswith(FLIGHT_SCHEMA_PREFIX):
            continue
        properties = flight.get("properties", {})
        for field in FLIGHT_FIELDS_MAYBE_EMPTY:
            if field in properties:
                properties[field] = _accepts_null(properties[field])


# Defect (h): what a launch and a first stage may lack.
MAYBE_EMPTY_BY_SCHEMA_PREFIX = {
    "Launch": ("pad_turnaround",),
    "FirstStage": ("turn_around_time", "previous_flight", "landing"),
}


def _launch_fields_accept_null(schemas: dict) -> None:
    for name, schema in schemas.items():
        for prefix, fields in MAYBE_EMPTY_BY_SCHEMA_PREFIX.items():
            if not name.startswith(prefix):
                continue
            properties = schema.get("properties", {})
            for field in fields:
                if field in properties:
                    properties[field] = _accepts_null(properties[field])


# Defect (i): what docking events, docking locations, landings and payload flights may lack.
RELATIONS_MAYBE_EMPTY_BY_SCHEMA_PREFIX = {
    "DockingEvent": (
        "docking_location",
        "space_station_target",
        "flight_vehicle_target",
        "payload_flight_target",
        "flight_vehicle_chaser",
        "space_station_chaser",
        "payload_flight_chaser",
    ),
    "DockingLocation": ("spacestation", "spacecraft", "payload", "currently_docked"),
    "LandingEndpoint": ("firststage", "spacecraftflight", "payloadflight"),
    "PayloadFlight": ("landing",),
}


def _relations_accept_null(schemas: dict) -> None:
    for name, schema in schemas.items():
        for prefix, fields in RELATIONS_MAYBE_EMPTY_BY_SCHEMA_PREFIX.items():
            if not name.startswith(prefix):
                continue
            properties = schema.get("properties", {})
            for field in fields:
                if field in properties:
                    properties[field] = _accepts_null(properties[field])


def _corrected(node):
    if isinstance(node, list):
        return [_corrected(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _corrected(value) for key, value in node.items()}
    mode = node.get("properties", {}).get("response_mode")
    if mode and "default" in mode:
        # The tightening: `response_mode` is its schema's constant, not only its default.
        node["properties"]["response_mode"] = {**mode, "enum": [mode["default"]]}
    if node.get("nullable") is True and "type" not in node:
        return _accepts_null(node)
    return node


@cache
def _corrected_spec() -> dict:
    spec = {"components": {"schemas": _corrected(copy.deepcopy(SPEC["components"]["schemas"]))}}
    schemas = spec["components"]["schemas"]
    _flight_fields_accept_null(schemas)
    _launch_fields_accept_null(schemas)
    _relations_accept_null(schemas)
    for name, page in list(schemas.items()):
        items = page.get("properties", {}).get("results", {}).get("items", {})
        target = schemas.get(ref_name(items["$ref"])) if "$ref" in items else None
        if not target or "oneOf" not in target:
            continue
        # Defect (a): one page schema per mode, its results of that mode's schema alone.
        for mode, ref in target["discriminator"]["mapping"].items():
            variant = copy.deepcopy(page)
            variant["properties"]["results"]["items"] = {"$ref": ref}
            schemas[f"{name}.{mode}"] = variant
    return spec


def _is_uri(value) -> bool:
    if not isinstance(value, str) or value == "":
        # Defect (b): LL2 writes "" for a missing link in a field declared `format: uri`.
        return True
    parts = urlsplit(value)
    return bool(parts.scheme and (parts.netloc or parts.scheme == "mailto")) and not any(
        character.isspace() for character in value
    )


FORMATS = FormatChecker()
FORMATS.checkers = {**oas30_format_checker.checkers}
FORMATS.checks("uri")(_is_uri)


@cache
def _registry() -> Registry:
    return Registry().with_resource(BASE_URI, DRAFT4.create_resource(_corrected_spec()))


@cache
def _validator(ref: str) -> OAS30ReadValidator:
    name = ref.removeprefix(SCHEMA_PREFIX)
    if name not in _corrected_spec()["components"]["schemas"]:
        raise LookupError(f"the spec has no schema {name!r}")
    return OAS30ReadValidator(
        {"$ref": f"{BASE_URI}{SCHEMA_PREFIX}{name}"},
        registry=_registry(),
        format_checker=FORMATS,
    )


def _describe(error, limit: int = 300) -> str:
    where = error.json_path
    message = error.message
    if error.context:
        # anyOf/oneOf: the reasons of the member that came closest.
        deepest = max(error.context, key=lambda sub: len(sub.absolute_path))
        where, message = deepest.json_path, deepest.message
    if len(message) > limit:
        message = message[:limit] + "..."
    return f"{where}: {message}"


def errors(instance, schema_name_or_ref: str) -> list[str]:
    """Every way the instance breaks the schema (a name, `Orbit`, or a reference from
    `response_schema`), one line each, as `$.path: message`."""
    validator = _validator(schema_name_or_ref)
    found = sorted(validator.iter_errors(instance), key=lambda error: list(error.absolute_path))
    described = list(dict.fromkeys(_describe(error) for error in found))
    # A null where no null is allowed reads "None for not nullable" and again "None is not
    # of type ...": say it once.
    nulls = {line.split(": ", 1)[0] for line in described if line.endswith("None for not nullable")}
    return [
        line
        for line in described
        if not (line.split(": ", 1)[0] in nulls and ": None is not of type" in line)
    ]


def validate(instance, schema_name_or_ref: str) -> None:
    """Raise AssertionError listing every way the instance breaks the schema."""
    found = errors(instance, schema_name_or_ref)
    if found:
        shown = "\n  ".join(found[:30])
        more = f"\n  ... and {len(found) - 30} more" if len(found) > 30 else ""
        raise AssertionError(f"{len(found)} errors against {schema_name_or_ref}:\n  {shown}{more}")


# The whole document


def _list_paths_with_modes() -> list[str]:
    """The paginated list paths whose results are a discriminated `oneOf` of modes."""
    found = []
    for key, item in SPEC["paths"].items():
        answer = item["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        if key.endswith("/{id}/") or "$ref" not in answer:
            continue
        name = key.removeprefix(f"/{VERSION}/").removesuffix("/")
        if "results" in schema(ref_name(answer["$ref"])).get("properties", {}) and modes(name):
            found.append(name)
    return found


def corrected_document() -> dict:
    """The whole spec, corrected, for a tool that loads an OpenAPI document (the fuzz test's
    schemathesis); a new copy each call, the caller's to change.

    Its operations ask for no auth (defect (d)), a list of several modes takes `mode`, one
    of them (defect (e)), `/api-throttle/` and `/dashboard/starship/` answer one object
    (defects (f) and (j), the latter taking `limit` and `mode`), and its component
    schemas are those `validate` uses (defects (c) and (g), and the pages of one mode of
    defect (a)). What it cannot say is left to `validate`: a list's response schema is
    still the `oneOf` of every mode (defect (a)), so validate a response against
    `response_schema(path, kind, mode)`; and `""` passes as a uri there alone (defect (b)).
    """
    document = copy.deepcopy(SPEC)
    document["components"]["schemas"] = copy.deepcopy(_corrected_spec()["components"]["schemas"])
    for item in document["paths"].values():
        for found in item.values():
            # Defect (d).
            found.pop("security", None)
    for name in _list_paths_with_modes():
        # Defect (e).
        parameters = document["paths"][spec_path(name)]["get"].setdefault("parameters", [])
        mode = {"type": "string", "enum": list(modes(name))}
        parameters.append({"in": "query", "name": "mode", "required": False, "schema": mode})
    for name in sorted(ONE_OBJECT_PATHS):
        # Defects (f) and (j).
        found = document["paths"][spec_path(name)]["get"]
        found["responses"]["200"]["content"]["application/json"]["schema"] = {
            "$ref": SCHEMA_PREFIX + response_schema_name(name)
        }
        declared = {parameter["name"] for parameter in found.get("parameters", [])}
        for parameter in sorted(set(query_parameters(name)) - declared):
            value = (
                {"type": "string", "enum": list(modes(name))}
                if parameter == "mode"
                else {"type": "integer"}
            )
            found.setdefault("parameters", []).append(
                {"in": "query", "name": parameter, "required": False, "schema": value}
            )
    return document
