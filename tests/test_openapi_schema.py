"""The OpenAPI schema at /2.3.0/json, against LL2's official one, for every registered path."""

import dataclasses
import re

import pytest
from django.core.management import call_command
from drf_spectacular.generators import SchemaGenerator
from rest_framework.routers import SimpleRouter

from launchlibrary.api.endpoint import registry
from launchlibrary.readpath.views import DocumentViewSet
from tests.conftest import SPEC

VERSION = registry.version
SCHEMA_URL = f"/{VERSION}/json"


@pytest.fixture
def schema(client) -> dict:
    response = client.get(SCHEMA_URL)
    assert response.status_code == 200
    assert "json" in response["Content-Type"]
    return response.json()


def operations(endpoint_path: str) -> list[str]:
    """The schema paths of an endpoint: its list and its detail (a one-object path has none)."""
    if registry[endpoint_path].one_object:
        return [f"/{VERSION}/{endpoint_path}/"]
    return [f"/{VERSION}/{endpoint_path}/", f"/{VERSION}/{endpoint_path}/{{id}}/"]


def query_parameters(operation: dict) -> set[str]:
    return {p["name"] for p in operation.get("parameters", []) if p["in"] == "query"}


def answer(operation: dict, one_object: bool = False) -> str:
    """The name of the schema a 200 answers in; of a one-object path, of the object, where
    LL2's schema says an array of them (tests/contract/spec.py, defect (j))."""
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    if one_object and schema.get("type") == "array":
        schema = schema["items"]
    return schema["$ref"].removeprefix("#/components/schemas/")


def test_the_schema_is_openapi_3_with_ll2s_info(schema):
    assert schema["openapi"].startswith("3.")
    assert schema["info"] == SPEC["info"]
    token = "Token_Authentication"
    official = SPEC["components"]["securitySchemes"][token]
    assert schema["components"]["securitySchemes"][token] == official


def test_every_operation_is_one_of_ll2s(schema):
    """Nothing but LL2's paths: no API root, health check, admin or the docs themselves."""
    for path, methods in schema["paths"].items():
        assert path in SPEC["paths"], path
        assert set(methods) <= set(SPEC["paths"][path]), path


@pytest.mark.parametrize("endpoint_path", [endpoint.path for endpoint in registry])
def test_each_endpoint_is_described_as_on_ll2(schema, endpoint_path):
    one_object = registry[endpoint_path].one_object
    for path in operations(endpoint_path):
        ours, official = schema["paths"][path]["get"], SPEC["paths"][path]["get"]
        assert ours["operationId"] == official["operationId"]
        assert ours["tags"] == official["tags"]
        assert ours["description"] == official["description"]
        assert query_parameters(ours) == query_parameters(official)
        assert answer(ours) == answer(official, one_object)


def test_api_throttle_is_ll2s_operation(schema):
    path = f"/{VERSION}/api-throttle/"
    ours, official = schema["paths"][path]["get"], SPEC["paths"][path]["get"]
    for key in ("operationId", "tags", "description"):
        assert ours[key] == official[key]
    # One object, as both servers answer, where LL2's schema says an array of them.
    assert answer(ours) == "APIThrottle"


def test_the_spacecraft_list_answers_in_either_mode(schema):
    name = "PolymorphicSpacecraftEndpoint"
    assert schema["components"]["schemas"][name] == SPEC["components"]["schemas"][name]


def test_generation_is_valid_and_warns_of_nothing(tmp_path):
    # Raises CommandError on any drf-spectacular warning or error, or an invalid schema.
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", tmp_path / "schema.json")


def test_a_list_in_several_schemas_needs_their_name(capsys):
    """An endpoint whose modes write several schemas and that does not name their union
    (`list_schema`) fails the test above, saying what to add."""
    unnamed = dataclasses.replace(registry["spacecraft"], list_schema="")
    router = SimpleRouter()
    router.register("spacecraft", DocumentViewSet.for_endpoint(unnamed), basename="unnamed")
    schema = SchemaGenerator(patterns=router.urls).get_schema(public=True)
    assert answer(schema["paths"]["/spacecraft/"]["get"]) == "PaginatedSpacecraftNormalList"
    assert "`list_schema`" in capsys.readouterr().err


def test_swagger_ui_reads_the_schema_with_assets_served_here(client):
    response = client.get(f"/{VERSION}/swagger/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert f'"{SCHEMA_URL}"' in page
    script = re.search(r'src="([^"]*swagger-ui-bundle\.js)"', page).group(1)
    assert script.startswith("/static/")
    assert client.get(script).status_code == 200
