"""`GET /2.3.0/spacecraft/` as an LL2 client uses it: what its filters, search and ordering
mean, and the bad input clients send them. What every endpoint does alike (pages, formats,
methods, errors, links) is a contract test (tests/contract)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from launchlibrary.spacecraft.models import Spacecraft

LIST = "/2.3.0/spacecraft/"


def ids(page: dict) -> list[int]:
    return [obj["id"] for obj in page["results"]]


def all_ids(get_json, **params) -> list[int]:
    return ids(get_json(LIST, limit=100, **params))


# Filters


@pytest.mark.parametrize("value", [True, False])
@pytest.mark.parametrize("flag", ["in_space", "is_placeholder"])
def test_boolean_filters(get_json, flag, value):
    Spacecraft.objects.filter(pk__in=[51, 556]).update(**{flag: True})
    expected = sorted(Spacecraft.objects.filter(**{flag: value}).values_list("pk", flat=True))
    assert expected
    assert all_ids(get_json, **{flag: str(value)}) == expected
    assert all_ids(get_json, **{flag: str(value).lower()}) == expected


def test_name_filter_is_exact(get_json):
    assert all_ids(get_json, name="Progress MS-20") == [556]
    assert all_ids(get_json, name="Progress") == []


@pytest.mark.parametrize("relation", ["spacecraft_config", "status"])
def test_related_id_filters(get_json, relation):
    some = Spacecraft.objects.order_by("pk").first()
    related_id = getattr(some, f"{relation}_id")
    expected = list(
        Spacecraft.objects.filter(**{relation: related_id})
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    assert 0 < len(expected) < Spacecraft.objects.count()
    assert all_ids(get_json, **{relation: related_id}) == expected


@pytest.mark.parametrize("value", ["abc", "99999", "1.5"])
@pytest.mark.parametrize("relation", ["spacecraft_config", "status"])
def test_bad_related_id_answers_400_naming_the_parameter(client, relation, value):
    response = client.get(LIST, {relation: value})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        relation: ["Select a valid choice. That choice is not one of the available choices."]
    }


@pytest.mark.parametrize("value", ["maybe", "yes", "2", "TRUE!"])
@pytest.mark.parametrize("flag", ["in_space", "is_placeholder"])
def test_unreadable_boolean_answers_400(client, flag, value):
    response = client.get(LIST, {flag: value})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json() == {flag: ["Enter True or False."]}


# Search


def test_search_covers_name_and_configuration_name_case_blind(get_json):
    by_name = set(
        Spacecraft.objects.filter(name__icontains="progress").values_list("pk", flat=True)
    )
    by_config = set(
        Spacecraft.objects.filter(spacecraft_config__name__icontains="dragon").values_list(
            "pk", flat=True
        )
    )
    assert by_name and by_config
    assert set(all_ids(get_json, search="PROGRESS")) == by_name
    assert set(all_ids(get_json, search="dragon")) == by_config
    assert all_ids(get_json, search="Progress MS-20") == [556]


def test_ten_kilobyte_search_finds_nothing_without_error(get_json):
    assert get_json(LIST, search="x" * 10_000)["count"] == 0


def test_search_of_too_many_words_answers_400(client):
    response = client.get(LIST, {"search": "a " * 5_000})
    assert response.status_code == 400
    assert response.json() == {"search": ["Ensure this value has at most 20 words."]}


# Ordering

ORDERING_FIELDS = ["flights_count", "id", "mission_ends_count", "time_docked", "time_in_space"]


def expected_order(field: str, descending: bool) -> list[int]:
    """PostgreSQL's order (NULLs last ascending, first descending), ties broken by id in
    the same direction, so that descending is the exact reverse of ascending."""
    rows = list(Spacecraft.objects.values_list("pk", field))
    present = sorted((row for row in rows if row[1] is not None), key=lambda row: row[::-1])
    nulls = sorted(row for row in rows if row[1] is None)
    ordered = present + nulls
    return [pk for pk, _ in (ordered[::-1] if descending else ordered)]


@pytest.mark.parametrize("descending", [False, True], ids=["asc", "desc"])
@pytest.mark.parametrize("field", ORDERING_FIELDS)
def test_ordering_each_field_both_ways(get_json, field, descending):
    # Give the data ties and NULLs in every column, so tie-breaks and NULL placement count.
    Spacecraft.objects.filter(pk__in=[51, 556]).update(
        flights_count=None, mission_ends_count=None, time_docked=None, time_in_space=None
    )
    Spacecraft.objects.filter(pk=557).update(time_in_space=timedelta(days=9999))
    ordering = f"-{field}" if descending else field
    assert all_ids(get_json, ordering=ordering) == expected_order(field, descending)


def test_ordering_by_several_fields(get_json):
    """Ties of the last term are broken by id in that term's direction."""
    rows = Spacecraft.objects.values_list("pk", "flights_count", "time_in_space")
    expected = sorted(rows, key=lambda row: row[0])
    expected.sort(key=lambda row: row[2] or timedelta(0))
    expected.sort(key=lambda row: row[1] or 0, reverse=True)
    got = all_ids(get_json, ordering="-flights_count,time_in_space")
    assert got == [pk for pk, _, _ in expected]


def test_unknown_ordering_falls_back_to_id(get_json):
    assert all_ids(get_json, ordering="bogus") == sorted(
        Spacecraft.objects.values_list("pk", flat=True)
    )


def test_pages_never_repeat_or_skip_a_row_even_on_ties(get_json):
    Spacecraft.objects.update(flights_count=1)
    seen = []
    for offset in range(0, Spacecraft.objects.count(), 3):
        seen += ids(get_json(LIST, ordering="-flights_count", limit=3, offset=offset))
    assert sorted(seen) == sorted(Spacecraft.objects.values_list("pk", flat=True))


# Links with filters, search and ordering


def test_links_keep_every_parameter_sorted_as_ll2_prints_them(get_json):
    page = get_json(LIST, ordering="-flights_count", offset=6, limit=3, search="o")
    base = "http://testserver/2.3.0/spacecraft/?format=json&limit=3"
    assert page["next"] == f"{base}&offset=9&ordering=-flights_count&search=o"
    assert page["previous"] == f"{base}&offset=3&ordering=-flights_count&search=o"


# Cost


def count_queries(client, **params) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(LIST, {"format": "json", **params}).status_code == 200
    return len(queries)


def clone_every_spacecraft(offset: int) -> None:
    """Another copy of each spacecraft with its flights, under ids shifted by `offset`."""
    for craft in Spacecraft.objects.prefetch_related("flights"):
        flights = list(craft.flights.all())
        craft.pk += offset
        craft.save(force_insert=True)
        for flight in flights:
            flight.pk += offset
            flight.spacecraft = craft
            flight.save(force_insert=True)


@pytest.mark.parametrize("read_path", ["live", "fast"])
@pytest.mark.parametrize("mode", ["normal", "detailed"])
def test_queries_for_a_page_do_not_grow_with_its_length(
    client, django_capture_on_commit_callbacks, settings, read_path, mode
):
    """Each query serves one nested path for the whole page (the live path) or the whole
    page (the fast path), so a page twice as long, of objects alike, costs the same."""
    settings.LL2_READ_PATH = read_path
    rows = Spacecraft.objects.count()
    short_page = count_queries(client, mode=mode, limit=100)
    with django_capture_on_commit_callbacks(execute=True):
        clone_every_spacecraft(offset=1_000_000)
    assert Spacecraft.objects.count() == 2 * rows <= 100
    assert count_queries(client, mode=mode, limit=100) == short_page
