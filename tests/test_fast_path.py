"""The fast read path (materialized documents behind a response cache) answers exactly what
the live path (serializers per request) answers, and stays fresh as the data changes.

That it does so for every page and object of the bundled data, for every endpoint, is a
contract test (tests/contract); here are the spacecraft's edits, listings and caches."""

import io
from collections import Counter

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from launchlibrary.agencies.models import Agency
from launchlibrary.api.endpoint import schema_name
from launchlibrary.readpath import documents, responses
from launchlibrary.readpath.models import Document
from launchlibrary.spacecraft.endpoints import spacecraft
from launchlibrary.spacecraft.models import Spacecraft, SpacecraftConfig
from tests.conftest import as_another_worker
from tests.contract import walk

LIST = "/2.3.0/spacecraft/"
NORMAL, DETAILED = "SpacecraftNormal", "SpacecraftEndpointDetailed"


def get(client, read_path: str, path: str, **params):
    return walk.get(client, read_path, path, params)


# Filtering by a related id costs django-filter one query to check the id exists.
ID_FILTERS = {"status", "spacecraft_config"}


def assert_same_bytes(client, path: str, *, queries_allowed: int = 3, **params) -> None:
    live = get(client, "live", path, **params)
    with CaptureQueriesContext(connection) as queries:
        fast = get(client, "fast", path, **params)
    assert "ETag" in fast and "ETag" not in live  # the fast path served it
    # The data version, the listing's ids (its length is the count), the page's documents.
    assert len(queries) <= queries_allowed + len(ID_FILTERS & set(params))
    assert fast.content == live.content


def every_page(client) -> None:
    """After an edit: every spacecraft page, in every mode, answers the live path's bytes.
    A detailed page holds the very documents the detail path serves (one document per
    schema); the detail path itself is a contract test."""
    walk.every_page_and_object(client, [spacecraft], detail_formats=())


@pytest.mark.parametrize(
    "params",
    [
        {"ordering": "-time_in_space", "limit": 7, "offset": 3},
        {"search": "dragon", "mode": "detailed"},
        {"in_space": "true", "ordering": "flights_count,-time_docked"},
        {"status": 1, "mode": "bogus"},
        {"offset": 1000},
        {"limit": 0},
    ],
)
def test_filtered_searched_and_ordered_pages_byte_equal_to_live(client, params):
    assert_same_bytes(client, LIST, format="json", **params)


def embedding(agency_id: int) -> set[str]:
    """Spacecraft whose detailed document embeds the agency, found without the documents."""
    crafts = Spacecraft.objects.filter(spacecraft_config__agency=agency_id)
    crafts |= Spacecraft.objects.filter(spacecraft_config__family__manufacturer=agency_id)
    crafts |= Spacecraft.objects.filter(flights__rocket__launch__launch_service_provider=agency_id)
    crafts |= Spacecraft.objects.filter(flights__rocket__launch__mission__agencies=agency_id)
    crafts |= Spacecraft.objects.filter(flights__rocket__launch__pad__agencies=agency_id)
    crafts |= Spacecraft.objects.filter(flights__rocket__launch__program__agencies=agency_id)
    return {str(pk) for pk in crafts.values_list("pk", flat=True).distinct()}


def detailed_documents() -> dict[str, bytes]:
    return {
        object_id: bytes(body)
        for object_id, body in Document.objects.filter(schema=DETAILED).values_list(
            "object_id", "body"
        )
    }


def test_a_nested_edit_reaches_every_embedding_document_and_only_those(
    client, django_capture_on_commit_callbacks
):
    roscosmos = Agency.objects.get(pk=63)
    expected = embedding(63)
    assert 3 <= len(expected) < Spacecraft.objects.count()
    before = detailed_documents()
    assert get(client, "fast", LIST, format="json", mode="detailed", limit=100)

    with django_capture_on_commit_callbacks(execute=True):
        roscosmos.name = "Roscosmos State Corporation"
        roscosmos.save()

    after = detailed_documents()
    changed = {object_id for object_id in before if after[object_id] != before[object_id]}
    assert changed == expected
    for object_id in expected:
        assert b"Roscosmos State Corporation" in after[object_id]
    # The cached page of the old data version is not served any more.
    page = get(client, "fast", LIST, format="json", mode="detailed", limit=100)
    assert b"Roscosmos State Corporation" in page.content
    every_page(client)


def all_documents() -> dict[tuple[str, str], bytes]:
    return {
        (schema, object_id): bytes(body)
        for schema, object_id, body in Document.objects.values_list("schema", "object_id", "body")
    }


def test_an_agency_edit_renders_exactly_the_documents_printing_it_once_per_schema(
    db, monkeypatch, django_capture_on_commit_callbacks
):
    """Of every document of every schema, those rendered again after a rename are exactly
    those whose bytes it changes, and each schema is rendered in one pass."""
    passes: Counter = Counter()
    rendered: set[tuple[str, str]] = set()
    render = documents.render

    def counted(serializer_class, ids):
        ids = list(ids)
        passes[schema_name(serializer_class)] += 1
        rendered.update((schema_name(serializer_class), str(pk)) for pk in ids)
        return render(serializer_class, ids)

    nasa = Agency.objects.get(pk=44)
    before = all_documents()
    monkeypatch.setattr(documents, "render", counted)
    with django_capture_on_commit_callbacks(execute=True):
        nasa.name = "National Aeronautics and Space Administration (renamed)"
        nasa.save()
    after = all_documents()

    changed = {key for key in before if after.get(key) != before[key]}
    assert rendered == changed
    assert {schema for schema, _ in changed} >= {
        "AgencyNormal",
        "LauncherConfigDetailed",
        "ProgramNormal",
        "SpacecraftEndpointDetailed",
    }
    assert set(passes.values()) == {1}


def test_moving_a_flight_renders_both_its_old_and_new_spacecraft(
    client, django_capture_on_commit_callbacks
):
    flight = Spacecraft.objects.filter(flights__isnull=False).first().flights.first()
    old_craft = flight.spacecraft_id
    new_craft = Spacecraft.objects.filter(flights__isnull=True).first()
    with django_capture_on_commit_callbacks(execute=True):
        flight.spacecraft = new_craft
        flight.save()
    assert f'"id":{flight.pk}'.encode() in detailed_documents()[str(new_craft.pk)]
    assert f'"id":{flight.pk}'.encode() not in detailed_documents()[str(old_craft)]
    every_page(client)


def test_deleting_an_object_drops_its_document_and_its_embedders_are_rendered(
    client, django_capture_on_commit_callbacks
):
    craft = Spacecraft.objects.filter(flights__isnull=False).first()
    flight = craft.flights.first()
    with django_capture_on_commit_callbacks(execute=True):
        flight.delete()
    assert b'"flights":[]' in detailed_documents()[str(craft.pk)]
    with django_capture_on_commit_callbacks(execute=True):
        craft.delete()
    assert str(craft.pk) not in detailed_documents()
    every_page(client)


def test_etag_and_cache_control(client):
    first = client.get(LIST, {"format": "json"})
    assert first["Cache-Control"] == "public, max-age=60"
    again = client.get(LIST, {"format": "json"}, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    other = client.get(LIST, {"format": "json"}, HTTP_IF_NONE_MATCH='"something else"')
    assert other.status_code == 200


def test_a_response_asked_for_again_is_shared_with_other_workers(client, settings):
    settings.LL2_SHARED_RESPONSES = True  # Redis in the PostgreSQL run, local memory else
    params = {"format": "json", "limit": 3, "offset": 5}
    first = get(client, "fast", LIST, **params)
    as_another_worker()
    with CaptureQueriesContext(connection) as queries:
        get(client, "fast", LIST, **params)
    # Asked for once, it was not shared: built again from the listing and the documents.
    assert len(queries) == 3
    get(client, "fast", LIST, **params)  # asked for again: shared
    as_another_worker()
    with CaptureQueriesContext(connection) as queries:
        again = get(client, "fast", LIST, **params)
    assert len(queries) == 1  # the data version alone
    assert again.content == first.content


def test_the_browsable_page_is_cached_as_json_is(client):
    # Rendered live once per data version (tests/test_http.py).
    page = get(client, "fast", LIST, format="api")
    assert "ETag" in page
    assert page["Content-Type"].startswith("text/html")


def test_an_object_without_its_document_is_served_live(client):
    template = Spacecraft.objects.get(pk=51)
    template.pk = 77777
    Spacecraft.objects.bulk_create([template])  # no signal: no document
    fast = get(client, "fast", "/2.3.0/spacecraft/77777/", format="json")
    assert fast.json()["name"] == template.name
    fast_page = get(client, "fast", LIST, format="json", limit=100)
    assert "ETag" not in fast_page
    assert fast_page.content == get(client, "live", LIST, format="json", limit=100).content


def test_a_scaled_dataset_byte_equal_to_live(client):
    call_command("scale_dataset", "--spacecraft", "240", stdout=io.StringIO())
    assert Spacecraft.objects.count() == 240
    assert Spacecraft.objects.filter(flights__isnull=False).count() > 60
    every_page(client)
    for pk in walk.object_ids(spacecraft)[::20]:
        assert_same_bytes(client, walk.detail_path(spacecraft, pk), format="json")
    assert_same_bytes(client, LIST, format="json", ordering="-time_in_space", offset=50)


def test_pages_are_sliced_from_a_listing_read_once(client):
    params = {"format": "json", "ordering": "-flights_count", "limit": 4}
    get(client, "fast", LIST, **params)
    with CaptureQueriesContext(connection) as queries:
        # Another page, another mode, a cache-busting parameter: the same listing.
        fast = get(client, "fast", LIST, offset=8, mode="detailed", _="1", **params)
    # The data version and the page's documents: no ids, no count.
    assert len(queries) == 2
    live = get(client, "live", LIST, offset=8, mode="detailed", _="1", **params)
    assert fast.content == live.content


def test_each_filter_search_and_ordering_has_its_own_listing(client):
    for params in [
        {"in_space": "true"},
        {"in_space": "false"},
        {"search": "dragon"},
        {"search": "soyuz"},
        {"ordering": "time_in_space"},
        {"ordering": "-time_in_space"},
        {},
    ]:
        assert_same_bytes(client, LIST, format="json", limit=5, offset=2, **params)


def test_a_write_gives_pages_a_new_listing(client, django_capture_on_commit_callbacks):
    params = {"format": "json", "ordering": "-flights_count", "limit": 3}
    first = get(client, "fast", LIST, **params).json()["results"][0]["id"]
    craft = Spacecraft.objects.exclude(pk=first).first()
    with django_capture_on_commit_callbacks(execute=True):
        craft.flights_count = 1000
        craft.save()
    assert get(client, "fast", LIST, **params).json()["results"][0]["id"] == craft.pk
    assert_same_bytes(client, LIST, **params)


def test_a_listing_too_long_to_keep_is_read_page_by_page(client, monkeypatch):
    monkeypatch.setattr(responses, "LISTING_MAX_IDS", 5)
    # The listing's first ids, then its count and the page's ids, then the documents.
    assert_same_bytes(client, LIST, queries_allowed=5, format="json", limit=4, offset=10)
    assert_same_bytes(client, LIST, queries_allowed=5, format="json", offset=10**20)
    assert not responses.recent_listings.entries


def test_materialize_renders_the_documents_a_database_lacks(db):
    before = detailed_documents()
    normal_count = Document.objects.filter(schema=NORMAL).count()
    Document.objects.filter(schema=DETAILED, object_id__in=["51", "556"]).delete()
    Document.objects.filter(schema=NORMAL, object_id="62").delete()
    out = io.StringIO()
    call_command("materialize", stdout=out)
    assert out.getvalue() == f"{NORMAL}: 1 documents rendered\n{DETAILED}: 2 documents rendered\n"
    assert detailed_documents() == before
    assert Document.objects.filter(schema=NORMAL).count() == normal_count
    call_command("materialize", "--all", stdout=io.StringIO())
    assert detailed_documents() == before


@pytest.mark.parametrize("side", ["owner", "target", "clear"])
def test_unlinking_from_either_side_renders_the_documents_listing_the_other(
    client, django_capture_on_commit_callbacks, side
):
    """A family lists its configurations from the other side of their many-to-many: taken
    out of it by the configuration, by the family or by a clear, the configuration leaves
    the family's document too."""
    config = SpacecraftConfig.objects.filter(family__isnull=False).first()
    family = config.family.first()
    path = f"/2.3.0/spacecraft_configuration_families/{family.pk}/"
    members = get(client, "fast", path).json()["spacecraft"]
    assert config.pk in [member["id"] for member in members]
    with django_capture_on_commit_callbacks(execute=True):
        if side == "owner":
            config.family.remove(family)
        elif side == "target":
            family.spacecraft.remove(config)
        else:
            config.family.clear()
    fast = get(client, "fast", path)
    assert fast.content == get(client, "live", path).content
    assert config.pk not in [member["id"] for member in fast.json()["spacecraft"]]
