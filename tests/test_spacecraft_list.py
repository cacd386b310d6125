"""`GET /2.3.0/spacecraft/` as an LL2 client uses it: filters, search, ordering, pages,
formats, and the bad input clients send."""

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


def test_unreadable_boolean_is_ignored_as_django_filter_does(get_json):
    assert get_json(LIST, in_space="maybe")["count"] == Spacecraft.objects.count()


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


# Pagination


def test_default_page_and_links(client):
    page = client.get(LIST, {"format": "json"}).json()
    assert page["count"] == Spacecraft.objects.count() > 20
    assert len(page["results"]) == 10
    assert page["previous"] is None
    assert page["next"] == "http://testserver/2.3.0/spacecraft/?format=json&limit=10&offset=10"


def test_links_keep_every_parameter_sorted_as_ll2_prints_them(get_json):
    page = get_json(LIST, ordering="-flights_count", offset=6, limit=3, search="o")
    base = "http://testserver/2.3.0/spacecraft/?format=json&limit=3"
    assert page["next"] == f"{base}&offset=9&ordering=-flights_count&search=o"
    assert page["previous"] == f"{base}&offset=3&ordering=-flights_count&search=o"


@pytest.mark.parametrize(
    ("params", "length", "offset"),
    [
        ({"limit": 0}, 10, 0),
        ({"limit": "abc"}, 10, 0),
        ({"limit": -5}, 10, 0),
        ({"offset": -1}, 10, 0),
        ({"offset": "abc"}, 10, 0),
        ({"limit": 7, "offset": 15}, 7, 15),
    ],
)
def test_odd_limits_and_offsets_read_as_drf_reads_them(get_json, params, length, offset):
    page = get_json(LIST, **params)
    expected = sorted(Spacecraft.objects.values_list("pk", flat=True))[offset : offset + length]
    assert ids(page) == expected


def test_limit_is_capped_at_100(get_json):
    template = Spacecraft.objects.get(pk=51)
    Spacecraft.objects.bulk_create(
        Spacecraft(
            pk=100_000 + n,
            name=f"Clone {n}",
            status_id=template.status_id,
            spacecraft_config_id=template.spacecraft_config_id,
        )
        for n in range(100)
    )
    page = get_json(LIST, limit=101)
    assert page["count"] == Spacecraft.objects.count() > 100
    assert len(page["results"]) == 100
    assert page["next"].endswith("limit=100&offset=100")


def test_offset_past_the_end_is_an_empty_page(get_json):
    page = get_json(LIST, offset=500)
    assert page["count"] == Spacecraft.objects.count()
    assert page["results"] == []
    assert page["next"] is None
    assert page["previous"] == "http://testserver/2.3.0/spacecraft/?format=json&limit=10&offset=490"


# Formats and methods


def test_json_and_html_by_format_parameter_and_accept_header(client):
    assert client.get(LIST, {"format": "json"})["Content-Type"] == "application/json"
    assert client.get(LIST, {"format": "api"})["Content-Type"].startswith("text/html")
    assert client.get(LIST, HTTP_ACCEPT="text/html")["Content-Type"].startswith("text/html")
    json_answer = client.get(LIST, HTTP_ACCEPT="application/json")
    assert json_answer["Content-Type"] == "application/json"
    assert json_answer["Vary"] == "Accept"
    assert json_answer["Allow"] == "GET"


def test_urls_carry_the_requested_format_only(client):
    plain = client.get(LIST, HTTP_ACCEPT="application/json").json()["results"][0]
    assert plain["url"] == "http://testserver/2.3.0/spacecraft/51/"
    as_json = client.get(LIST, {"format": "json"}).json()["results"][0]
    assert as_json["url"] == "http://testserver/2.3.0/spacecraft/51/?format=json"
    assert as_json["spacecraft_config"]["agency"]["url"].endswith("/agencies/63/?format=json")


def test_urls_are_on_the_requests_host(client):
    page = client.get(LIST, {"format": "json"}, HTTP_HOST="mirror.example.org").json()
    assert page["results"][0]["url"].startswith("http://mirror.example.org/2.3.0/spacecraft/")
    assert page["next"].startswith("http://mirror.example.org/")


def test_unknown_format_answers_404_in_json(client):
    response = client.get(LIST, {"format": "bogus"})
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options"])
def test_only_get_is_allowed(client, method):
    response = getattr(client, method)(LIST)
    assert response.status_code == 405
    assert response["Allow"] == "GET"
    assert response.json() == {"detail": f'Method "{method.upper()}" not allowed.'}


def test_head_answers_as_get_without_body(client):
    response = client.head(LIST)
    assert response.status_code == 200
    assert response.content == b""


def test_unknown_mode_answers_in_the_default_mode_as_ll2_does(get_json):
    default = get_json(LIST)["results"]
    assert get_json(LIST, mode="bogus")["results"] == get_json(LIST, mode="normal")["results"]
    assert get_json(LIST, mode="normal")["results"] == default


# Detail


@pytest.mark.parametrize(
    ("path", "detail"),
    [
        ("/2.3.0/spacecraft/999999/", "No Spacecraft matches the given query."),
        # DRF answers a lookup value of the wrong type with its bare 404.
        ("/2.3.0/spacecraft/abc/", "Not found."),
    ],
)
def test_unknown_id_answers_404_with_drfs_body(client, path, detail):
    response = client.get(path)
    assert response.status_code == 404
    assert response.json() == {"detail": detail}


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
