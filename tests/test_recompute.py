"""`recompute`: the stored figures of spacecraft and flights, refreshed from history."""

import io
import json
from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils.dateparse import parse_datetime, parse_duration

from launchlibrary.api.durations import format_duration
from launchlibrary.ingest.importer import Importer, top_level_objects
from launchlibrary.spacecraft.models import Spacecraft, SpacecraftFlight
from tests.test_detailed import FLIGHTS, STATIONS

COMPUTED = ["time_in_space", "time_docked", "flights_count", "mission_ends_count"]
COMPUTED += ["fastest_turnaround", "in_space"]
SINGLE_FLIGHTS = [flight for flight in FLIGHTS if flight["spacecraft"]["flights_count"] == 1]


def recompute(at: str) -> str:
    out = io.StringIO()
    call_command("recompute", "--at", at, stdout=out)
    return out.getvalue()


def forget_figures() -> None:
    Spacecraft.objects.update(
        time_in_space=None,
        time_docked=None,
        flights_count=None,
        mission_ends_count=None,
        fastest_turnaround=None,
        in_space=False,
    )


def test_most_docked_craft_have_flown_once():
    assert len(SINGLE_FLIGHTS) >= 6


def docking_of(flight: dict) -> str:
    return next(
        location["currently_docked"]["docking"]
        for station in STATIONS
        for location in station["docking_location"]
        if location["currently_docked"]
        and location["currently_docked"]["flight_vehicle_chaser"]["id"] == flight["id"]
    )


@pytest.mark.parametrize("flight", SINGLE_FLIGHTS, ids=lambda flight: flight["spacecraft"]["name"])
@pytest.mark.django_db
def test_recompute_at_ll2s_instant_gives_ll2s_figures_to_the_second(flight):
    """LL2 computed these at `launch.net + time_in_space`; so do we, from flights and
    dockings alone (the imported figures are forgotten first).

    LL2 reads its clock once per figure, so its `docking + time_docked` may fall a second
    after `launch.net + time_in_space` (it does for Cygnus NG-24): at each figure's own
    instant ours equals LL2's exactly, at the shared one within that second.
    """
    craft = flight["spacecraft"]
    in_space_instant = parse_datetime(flight["launch"]["net"]) + parse_duration(
        craft["time_in_space"]
    )
    docked_instant = parse_datetime(docking_of(flight)) + parse_duration(craft["time_docked"])
    assert abs(docked_instant - in_space_instant) <= timedelta(seconds=1)

    forget_figures()
    recompute(in_space_instant.isoformat())
    ours = Spacecraft.objects.get(pk=craft["id"])
    assert format_duration(ours.time_in_space) == craft["time_in_space"]
    assert abs(ours.time_docked - parse_duration(craft["time_docked"])) <= timedelta(seconds=1)
    assert ours.flights_count == craft["flights_count"] == 1
    assert ours.mission_ends_count == craft["mission_ends_count"]
    assert ours.in_space is craft["in_space"] is True
    assert ours.fastest_turnaround is None

    recompute(docked_instant.isoformat())
    ours.refresh_from_db()
    assert format_duration(ours.time_docked) == craft["time_docked"]


@pytest.mark.django_db
def test_partial_history_never_lowers_imported_figures():
    """A mirror that knows one flight of a craft LL2 counts five of keeps LL2's figures."""
    flight = SINGLE_FLIGHTS[0]
    craft = Spacecraft.objects.get(pk=flight["spacecraft"]["id"])
    Spacecraft.objects.filter(pk=craft.pk).update(
        flights_count=5, mission_ends_count=4, time_in_space=parse_duration("P900D")
    )
    recompute(flight["launch"]["net"])  # the moment of launch: a day's history known
    craft.refresh_from_db()
    assert craft.flights_count == 5
    assert craft.mission_ends_count == 4
    assert format_duration(craft.time_in_space) == "P900D"
    assert craft.in_space is True


# A reusable capsule built from LL2 JSON: three flights with their launches and landings,
# each docked once. The figures are the ones worked out by hand in test_history.py.
NETS = ["2020-05-30T19:22:45Z", "2021-04-23T09:49:02Z", "2026-11-20T00:00:00Z"]
MISSION_ENDS = ["2020-08-02T18:48:06Z", "2021-11-09T03:33:00Z", None]
DOCKINGS = [
    ("2020-05-31T14:27:00Z", "2020-08-01T23:34:00Z"),
    ("2021-04-24T09:08:00Z", "2021-11-08T15:05:00Z"),
    ("2026-11-21T06:00:00Z", None),
]
API = "https://ll.thespacedevs.com/2.3.0"


def reusable_capsule() -> list[dict]:
    craft = json.loads(json.dumps(FLIGHTS[0]["spacecraft"]))
    craft.update(id=90001, name="Reusable capsule", url=f"{API}/spacecraft/90001/")
    for figure in ["time_in_space", "time_docked", "flights_count", "mission_ends_count"]:
        craft[figure] = None
    ocean = {
        "id": 90001,
        "name": "Atlantic Ocean",
        "abbrev": "ATL",
        "active": True,
        "description": None,
        "location": {"id": 90001, "url": f"{API}/locations/90001/", "name": "Atlantic"},
        "celestial_body": {"id": 1, "name": "Earth"},
    }
    craft["flights"] = [
        {
            "id": 90000 + number,
            "url": f"{API}/spacecraft_flights/{90000 + number}/",
            "destination": "International Space Station",
            "mission_end": mission_end,
            "launch": {
                "id": f"00000000-0000-0000-0000-00000009000{number}",
                "url": f"{API}/launches/00000000-0000-0000-0000-00000009000{number}/",
                "name": f"Flight {number}",
                "net": net,
                "rocket": {
                    "id": 90000 + number,
                    "configuration": {
                        "id": 90001,
                        "url": f"{API}/launcher_configurations/90001/",
                        "name": "Test rocket",
                    },
                },
            },
            "landing": {
                "id": 90000 + number,
                "url": f"{API}/landings/{90000 + number}/",
                "attempt": True,
                "success": True,
                "description": "Splashdown.",
                "downrange_distance": None,
                "landing_location": ocean,
                "type": {"id": 90001, "name": "Splashdown", "abbrev": "SD"},
            },
        }
        for number, (net, mission_end) in enumerate(zip(NETS, MISSION_ENDS, strict=True), 1)
    ]
    dockings = [
        {
            "id": 90000 + number,
            "url": f"{API}/docking_events/{90000 + number}/",
            "docking": docking,
            "departure": departure,
            "flight_vehicle_chaser": {"id": 90000 + number},
        }
        for number, (docking, departure) in enumerate(DOCKINGS, 1)
    ]
    return [craft, *dockings]


@pytest.mark.django_db
def test_a_reusable_capsules_figures_match_those_worked_by_hand(client):
    Importer().import_objects(top_level_objects(reusable_capsule()))
    assert "rows changed" in recompute("2026-11-24T12:00:00Z")
    served = client.get("/2.3.0/spacecraft/90001/", {"format": "json"}).json()
    assert served["flights_count"] == 3
    assert served["mission_ends_count"] == 2
    assert served["in_space"] is True
    assert served["time_in_space"] == "P268DT5H9M19S"
    assert served["time_docked"] == "P263DT21H4M"
    assert served["fastest_turnaround"] == "P263DT15H56S"
    flights = {flight["id"]: flight for flight in served["flights"]}
    assert [flights[90000 + n]["duration"] for n in (1, 2, 3)] == [
        "P63DT23H25M21S",
        "P199DT17H43M58S",
        "P4DT12H",
    ]
    assert [flights[90000 + n]["turn_around_time"] for n in (1, 2, 3)] == [
        None,
        "P263DT15H56S",
        "P1836DT20H27M",
    ]
    assert flights[90001]["landing"]["landing_location"]["name"] == "Atlantic Ocean"


@pytest.mark.django_db
def test_recomputing_twice_at_one_instant_changes_nothing_the_second_time():
    Importer().import_objects(top_level_objects(reusable_capsule()))
    recompute("2026-11-24T12:00:00Z")
    assert "0 rows changed" in recompute("2026-11-24T12:00:00Z")


@pytest.mark.django_db
def test_recompute_defaults_to_now():
    Importer().import_objects(top_level_objects(reusable_capsule()))
    launched = datetime(2026, 11, 20, tzinfo=UTC)
    before = datetime.now(UTC)
    call_command("recompute", stdout=io.StringIO())
    after = datetime.now(UTC)
    third = SpacecraftFlight.objects.get(pk=90003)
    assert before - launched <= third.duration <= after - launched


def test_a_bad_instant_is_refused():
    with pytest.raises(CommandError, match="not an ISO 8601 date-time"):
        call_command("recompute", "--at", "yesterday")
