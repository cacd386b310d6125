"""Detailed mode: `/2.3.0/spacecraft/{id}/` and `?mode=detailed`, against the spacecraft and
launches nested in LL2's own space station responses."""

import copy
import io
import json

import pytest
from django.core.management import call_command

from launchlibrary.ingest.importer import Importer, top_level_objects
from launchlibrary.spacecraft.models import Spacecraft
from tests.conftest import REPO

STATIONS_FILE = REPO / "data" / "40-space_stations-detailed.json"
STATIONS = json.loads(STATIONS_FILE.read_text())
LL2_HOST = {"HTTP_HOST": "ll.thespacedevs.com", "secure": True}


def docked_flights(stations: list) -> list[dict]:
    """The chaser flights (`SpacecraftFlightForDockingEvent`) docked at the stations."""
    return [
        location["currently_docked"]["flight_vehicle_chaser"]
        for station in stations
        for location in station["docking_location"]
        if location["currently_docked"] and location["currently_docked"]["flight_vehicle_chaser"]
    ]


FLIGHTS = docked_flights(STATIONS)


@pytest.fixture
def stations_loaded(db):
    """The stations file as the last word (the bundled seed pages load after it and differ
    from it on a few image URLs, being from LL2's development server)."""
    call_command("import_ll2", STATIONS_FILE, stdout=io.StringIO())


def detail(client, craft_id) -> dict:
    response = client.get(f"/2.3.0/spacecraft/{craft_id}/", {"format": "json"}, **LL2_HOST)
    assert response.status_code == 200
    return response.json()


def test_the_data_holds_eight_docked_flights():
    assert len(FLIGHTS) == 8


@pytest.mark.parametrize("flight", FLIGHTS, ids=lambda flight: flight["spacecraft"]["name"])
def test_detail_equals_ll2s_nested_spacecraft_and_lists_its_flight(client, stations_loaded, flight):
    ours = detail(client, flight["spacecraft"]["id"])
    nested = flight["spacecraft"]
    assert ours["response_mode"] == "detailed"
    assert nested["response_mode"] == "normal"
    served_flights = ours.pop("flights")
    assert json.dumps({**ours, "response_mode": "normal"}) == json.dumps(nested)
    assert [served["id"] for served in served_flights] == [flight["id"]]
    assert json.dumps(served_flights[0]["launch"]) == json.dumps(flight["launch"])


def test_detail_response_modes_follow_their_schemas(client, stations_loaded):
    ours = detail(client, FLIGHTS[0]["spacecraft"]["id"])
    config = ours["spacecraft_config"]
    served_flight = ours["flights"][0]
    assert config["response_mode"] == "detailed"
    assert config["agency"]["response_mode"] == "normal"
    assert served_flight["response_mode"] == "normal"
    assert served_flight["spacecraft"]["response_mode"] == "normal"
    assert served_flight["launch"]["response_mode"] == "normal"
    assert served_flight["launch"]["launch_service_provider"]["response_mode"] == "list"
    assert "response_mode" not in ours["status"]


def test_list_in_detailed_mode_serves_the_detail_objects(client, stations_loaded):
    page = client.get(
        "/2.3.0/spacecraft/", {"format": "json", "mode": "detailed", "limit": 100}, **LL2_HOST
    ).json()
    assert page["count"] == Spacecraft.objects.count()
    for obj in page["results"]:
        assert obj == detail(client, obj["id"])


def test_a_newer_snapshot_updates_what_is_served(client, stations_loaded):
    newer = copy.deepcopy(STATIONS)
    flight = docked_flights(newer)[0]
    flight["spacecraft"]["name"] = "Renamed in the newer snapshot"
    flight["spacecraft"]["time_in_space"] = "P300D"
    flight["launch"]["status"] = {
        "id": 4,
        "name": "Launch Failure",
        "abbrev": "Failure",
        "description": "The launch vehicle did not reach orbit.",
    }
    Importer().import_objects(top_level_objects(newer))
    ours = detail(client, flight["spacecraft"]["id"])
    assert ours["name"] == "Renamed in the newer snapshot"
    assert ours["time_in_space"] == "P300D"
    assert ours["flights"][0]["launch"]["status"]["abbrev"] == "Failure"


def test_unknown_id_answers_404(client):
    response = client.get("/2.3.0/spacecraft/987654/")
    assert response.status_code == 404
    assert response.json() == {"detail": "No Spacecraft matches the given query."}
