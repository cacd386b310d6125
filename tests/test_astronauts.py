"""`/astronauts/`: the figures of an astronaut's history, the filters LL2 names no field
for, and the made fixture's round trip. What every endpoint does is tested once in
tests/contract."""

import io
import json
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.management import call_command
from django.utils.dateparse import parse_datetime

from launchlibrary.api.durations import format_duration
from launchlibrary.astronauts import history
from launchlibrary.astronauts.history import Walk
from launchlibrary.astronauts.models import Astronaut, AstronautFlight
from launchlibrary.ingest.importer import Importer, top_level_objects
from launchlibrary.launches.models import Launch, LauncherConfig, Rocket
from launchlibrary.spacecraft.history import Span
from launchlibrary.spacecraft.models import Spacecraft, SpacecraftFlight
from launchlibrary.spacewalks.models import Spacewalk
from tests.conftest import FIXTURES

MADE = json.loads((FIXTURES / "made" / "astronauts-detailed.json").read_text())
MADE_IDS = {astronaut["id"] for astronaut in MADE["results"]}
PESQUET = 300
LAIKA = 18


def instant(text: str) -> datetime:
    return parse_datetime(text)


def recompute(at: str) -> str:
    out = io.StringIO()
    call_command("recompute", "--at", at, stdout=out)
    return out.getvalue()


# The figures, one function each


def test_age_counts_whole_years_to_death_or_to_the_instant():
    born = date(1978, 2, 27)
    assert history.age(born, None, instant("2026-02-26T23:59:59Z")) == 47
    assert history.age(born, None, instant("2026-02-27T00:00:00Z")) == 48
    # Yuri Gagarin died at 34, whenever asked.
    assert history.age(date(1934, 3, 9), date(1968, 3, 27), instant("2026-12-01T00:00:00Z")) == 34
    assert history.age(None, None, instant("2026-12-01T00:00:00Z")) is None


def test_a_trip_ends_at_the_first_landing_before_the_next_launch():
    """Up on one craft and down on another (a Soyuz swap): the trip ends at the landing
    between the two launches; a launch whose end nothing tells, and that a later launch
    follows, adds no time; the last launch with no landing is under way."""
    up, down = instant("2000-01-01T00:00:00Z"), instant("2000-03-01T00:00:00Z")
    later, last = instant("2001-01-01T00:00:00Z"), instant("2002-01-01T00:00:00Z")
    trips = history.trips([(up, None), (later, None), (last, None)], [down])
    assert trips == [Span(up, down), Span(later, later), Span(last, None)]
    at = instant("2002-01-02T00:00:00Z")
    assert history.time_in_space(trips, at) == timedelta(days=60 + 1)
    assert history.in_space(trips, at) is True
    # Without a landing of their own, the end of the mission they launched on.
    assert history.trips([(up, down)], []) == [Span(up, down)]


def test_spacewalks_count_once_begun_and_one_under_way_counts_to_the_instant():
    start = instant("2017-01-13T11:22:00Z")
    walks = [
        Walk(start, start + timedelta(hours=5, minutes=58)),
        Walk(None, None, timedelta(hours=6)),  # only its stored duration known
        Walk(start + timedelta(days=10), None),
    ]
    at = start + timedelta(days=10, hours=1)
    assert history.spacewalks_count(walks, at) == 3
    assert history.eva_time(walks, at) == timedelta(hours=5 + 6 + 1, minutes=58)
    assert history.spacewalks_count(walks, start) == 2


# A made history of real flights: Thomas Pesquet's two and one of his spacewalks


@pytest.fixture
def pesquet(db) -> dict:
    """Soyuz MS-03 (launched 2016-11-17T20:20:13Z, landed 2017-06-02T14:10:00Z), SpaceX
    Crew-2 (launched 2021-04-23T09:49:02Z, splashed down 2021-11-09T03:33:00Z), and US EVA
    39 with Shane Kimbrough (2017-01-13, 11:22 to 17:20 UTC), on Pesquet's seats."""
    astronaut = Astronaut.objects.get(pk=PESQUET)
    config = LauncherConfig.objects.first()
    craft = Spacecraft.objects.first()
    made = {}
    for name, launched, landed in (
        ("Soyuz MS-03", "2016-11-17T20:20:13Z", "2017-06-02T14:10:00Z"),
        ("Crew-2", "2021-04-23T09:49:02Z", "2021-11-09T03:33:00Z"),
    ):
        rocket = Rocket.objects.create(configuration=config)
        launch = Launch.objects.create(
            id=uuid.uuid4(), name=name, net=instant(launched), rocket=rocket
        )
        flight = SpacecraftFlight.objects.create(
            spacecraft=craft, rocket=rocket, mission_end=instant(landed)
        )
        seat = AstronautFlight.objects.create(astronaut=astronaut)
        flight.launch_crew.add(seat)
        flight.landing_crew.add(seat)
        made[name] = (launch, flight, seat)
    walk = Spacewalk.objects.create(
        name="US EVA 39",
        start=instant("2017-01-13T11:22:00Z"),
        end=instant("2017-01-13T17:20:00Z"),
        duration=timedelta(hours=5, minutes=58),
    )
    walk.crew.add(made["Soyuz MS-03"][2])
    made["walk"] = walk
    return made


def test_recompute_derives_the_figures_worked_by_hand(pesquet, get_json):
    """As of 2026-12-01:
    - Soyuz MS-03: 2016-11-17T20:20:13 to 2017-06-02T14:10:00 is 197 days less 6:10:13,
      196 days 17:49:47; Crew-2: 2021-04-23T09:49:02 to 2021-11-09T03:33:00 is 200 days
      less 6:16:02, 199 days 17:43:58; together 396 days 11:33:45.
    - Born 1978-02-27: 48. Two flights, two landings, none under way.
    - One spacewalk of 5:58 against the six imported (and P1DT15H54M of them): the
      history of spacewalks is partial, so their count and time stay as imported, and the
      one known is listed. The flights' history is whole (two, as imported): the time in
      space derived replaces the imported P396DT11H34M.
    """
    assert "rows changed" in recompute("2026-12-01T00:00:00Z")
    ours = Astronaut.objects.get(pk=PESQUET)
    assert format_duration(ours.time_in_space) == "P396DT11H33M45S"
    assert ours.age == 48
    assert (ours.flights_count, ours.landings_count) == (2, 2)
    assert ours.first_flight == instant("2016-11-17T20:20:13Z")
    assert ours.last_flight == instant("2021-04-23T09:49:02Z")
    assert ours.in_space is False
    assert ours.spacewalks_count == 6
    assert format_duration(ours.eva_time) == "P1DT15H54M"

    served = get_json(f"/2.3.0/astronauts/{PESQUET}/")
    assert served["time_in_space"] == "P396DT11H33M45S"
    assert [launch["name"] for launch in served["flights"]] == ["Soyuz MS-03", "Crew-2"]
    assert [flight["id"] for flight in served["landings"]] == [
        pesquet["Soyuz MS-03"][1].pk,
        pesquet["Crew-2"][1].pk,
    ]
    assert [walk["name"] for walk in served["spacewalks"]] == ["US EVA 39"]
    assert "0 rows changed" in recompute("2026-12-01T00:00:00Z")


def test_in_the_middle_of_a_flight(pesquet):
    """As of 2021-06-01T00:00:00Z, imported figures forgotten: Soyuz MS-03's 196 days
    17:49:47 and Crew-2 from 2021-04-23T09:49:02, 38 days 14:10:58 so far: 235 days
    8:00:45. Two flights, one landing, in space; the walk of 5:58 counts whole."""
    Astronaut.objects.filter(pk=PESQUET).update(
        flights_count=None, landings_count=None, spacewalks_count=None, eva_time=None
    )
    recompute("2021-06-01T00:00:00Z")
    ours = Astronaut.objects.get(pk=PESQUET)
    assert format_duration(ours.time_in_space) == "P235DT8H45S"
    assert (ours.flights_count, ours.landings_count, ours.spacewalks_count) == (2, 1, 1)
    assert ours.in_space is True
    assert format_duration(ours.eva_time) == "PT5H58M"
    assert list(ours.landings.values_list("pk", flat=True)) == [pesquet["Soyuz MS-03"][1].pk]
    assert ours.flights.count() == 2


def test_a_partial_history_never_lowers_imported_figures(db):
    """Laika's flight (Sputnik 2) is listed as imported, but no seat of hers is held: her
    imported figures and flights stay as they are."""
    before = Astronaut.objects.get(pk=LAIKA)
    before.flights.set([Launch.objects.get(name="Sputnik 8K74PS | Sputnik 2")])
    recompute("2026-12-01T00:00:00Z")
    after = Astronaut.objects.get(pk=LAIKA)
    assert after.flights_count == before.flights_count == 1
    assert after.time_in_space == before.time_in_space
    assert after.first_flight == before.first_flight == instant("1957-11-03T02:30:00Z")
    assert [launch.name for launch in after.flights.all()] == ["Sputnik 8K74PS | Sputnik 2"]
    assert after.age == 3  # from her dates of birth and death


# Filters of no field


def made_ids(get_json, **params) -> set[int]:
    page = get_json("/2.3.0/astronauts/", limit=100, **params)
    return {astronaut["id"] for astronaut in page["results"]} & MADE_IDS


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"is_human": "true"}, MADE_IDS - {LAIKA}),
        ({"is_human": "False"}, {LAIKA}),
        ({"has_flown": "true"}, MADE_IDS - {870}),
        ({"has_flown": "0"}, {870}),
        ({"nationality": "french"}, {PESQUET}),
        ({"nationality": "Russian"}, {1, 14, LAIKA}),
        ({"agency_ids": "27"}, {PESQUET, 870}),
        ({"agency_ids": "27,66"}, {1, 14, LAIKA, PESQUET, 870}),
        ({"status_ids": "2,11"}, {1, 14, LAIKA}),
        ({"type__id": "4"}, {LAIKA}),
        ({"in_space": "false"}, MADE_IDS),
        ({"first_flight__lt": "1962-01-01T00:00:00Z"}, {1, LAIKA}),
        ({"age__gte": "80"}, {14}),
        ({"search": "Pesquet"}, {PESQUET}),
    ],
)
def test_filters(get_json, params, expected):
    assert made_ids(get_json, **params) == expected


@pytest.mark.django_db
@pytest.mark.parametrize("params", [{"has_flown": "maybe"}, {"agency_ids": "esa"}])
def test_a_bad_value_answers_400_naming_the_filter(client, params):
    response = client.get("/2.3.0/astronauts/", {"format": "json", **params})
    assert response.status_code == 400
    assert list(response.json()) == list(params)


# The made fixture


@pytest.mark.django_db
def test_the_made_fixture_imports_unchanged_and_is_served_as_it_is(client):
    report = Importer().import_objects(top_level_objects(MADE))
    assert report.changed == 0, report.summary()
    served = client.get(
        "/2.3.0/astronauts/",
        {"mode": "detailed", "limit": 100},
        HTTP_HOST="ll.thespacedevs.com",
        HTTP_ACCEPT="application/json",
        secure=True,
    ).json()["results"]
    assert [astronaut for astronaut in served if astronaut["id"] in MADE_IDS] == MADE["results"]


def test_the_made_astronauts_were_as_old_as_their_dates_say():
    at = datetime(2026, 12, 1, tzinfo=UTC)
    for astronaut in MADE["results"]:
        born = date.fromisoformat(astronaut["date_of_birth"])
        died = astronaut["date_of_death"] and date.fromisoformat(astronaut["date_of_death"])
        assert history.age(born, died or None, at) == astronaut["age"], astronaut["name"]
