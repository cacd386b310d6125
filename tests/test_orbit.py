"""What is in orbit: space stations against LL2's own responses, what is under way at them,
the filters LL2 names without a field, and landings with what they land.

Every real station response is served back as LL2 printed it, in a database loaded with
that file alone: where two files describe a station, the older one's open expeditions and
dockings were later closed by LL2, on dates no file gives (see the bundled-data tests).
"""

import io
import json
from datetime import UTC, datetime

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection

from launchlibrary.ingest.importer import Importer, top_level_objects
from launchlibrary.launches.models import FirstStage, Launch, Orbit
from launchlibrary.payloads.models import Payload, PayloadFlight
from launchlibrary.readpath.models import Document
from launchlibrary.stations.models import DockingEvent, Expedition, SpaceStation
from tests.conftest import REPO
from tests.contract import spec

DATA = REPO / "data"
OLDER_ISS = DATA / "30-space_stations-4-detailed.json"
STATIONS_DETAILED = DATA / "40-space_stations-detailed.json"
STATIONS_NORMAL = DATA / "45-space_stations-normal.json"
STATION_FILES = [
    DATA / "25-space_stations-normal-owner-page.json",
    OLDER_ISS,
    STATIONS_DETAILED,
    STATIONS_NORMAL,
]
LL2_HOST = {"HTTP_HOST": "ll.thespacedevs.com", "secure": True}
LL2 = "https://ll.thespacedevs.com/2.3.0"
# The rows LL2 serves; a database holds them apart from its own (accounts, the read path's
# data version).
LL2_APPS = [
    "images",
    "locations",
    "agencies",
    "spacecraft",
    "landings",
    "launches",
    "stations",
    "astronauts",
    "events",
    "payloads",
]

ISS, TIANGONG = 4, 18
# What older responses (2025-08 and 09) hold open that the newest (2026-07) do not, over by
# then: the ISS's Expedition 73 and Crew-10's docking at Harmony forward, and Tiangong's
# Shenzhou 20 expedition. LL2 closed them on dates no response gives.
EXPEDITION_73, CREW_10_DOCKING, HARMONY_FORWARD = 162, 619, 19
SHENZHOU_20_EXPEDITION = 163
EXPEDITION_74 = 165
# About when LL2 closed them: Expedition 74 and Shenzhou 21's began, Crew-10 undocked.
CLOSED = {
    EXPEDITION_73: datetime(2025, 12, 9, 1, 41, tzinfo=UTC),
    SHENZHOU_20_EXPEDITION: datetime(2025, 11, 4, tzinfo=UTC),
    CREW_10_DOCKING: datetime(2025, 8, 8, 22, 15, tzinfo=UTC),
}
# Zvezda aft held Progress MS-30 (the older response) and later Progress MS-34.
ZVEZDA_AFT, PROGRESS_MS_30_DOCKING, PROGRESS_MS_34_DOCKING = 2, 618, 638
SOYUZ_MS_28, SOYUZ_MS_28_FLIGHT = 612, 881
SOYUZ_MS_28_LAUNCH = "40beac6e-ce8e-4481-8cf9-56d1d9c48804"
CSA, CASC = 16, 88


def objects_of(path) -> list[dict]:
    document = json.loads(path.read_text())
    return [obj for _, obj in top_level_objects(document)]


def as_printed(obj: dict) -> dict:
    """How to ask for an object as LL2 printed it: with `?format=json` where its links have
    it, else by `Accept` header."""
    if obj["url"].endswith("?format=json"):
        return {"data": {"format": "json"}}
    return {"data": {}, "HTTP_ACCEPT": "application/json"}


def served_station(client, station: dict) -> dict:
    """The station as this server prints it in the mode of LL2's copy."""
    asked = as_printed(station)
    if station["response_mode"] == "detailed":
        response = client.get(f"/2.3.0/space_stations/{station['id']}/", **asked, **LL2_HOST)
        assert response.status_code == 200
        return response.json()
    data = {**asked.pop("data"), "id": station["id"]}
    response = client.get("/2.3.0/space_stations/", data, **asked, **LL2_HOST)
    assert response.status_code == 200
    [served] = response.json()["results"]
    return served


def docked_at_location(station: dict, location_id: int) -> int | None:
    """The id of the docking a station's docking location holds, if any."""
    [location] = [place for place in station["docking_location"] if place["id"] == location_id]
    docked = location["currently_docked"]
    return docked and docked["id"]


def same(ours: dict, theirs: dict) -> bool:
    """Equal as JSON, key order included."""
    return json.dumps(ours) == json.dumps(theirs)


def empty_database() -> None:
    """Every LL2 row gone, with the documents rendered of them (undone with the test)."""
    models = [
        model
        for label in LL2_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
    ]
    tables = [model._meta.db_table for model in [*models, Document]]
    with connection.cursor() as cursor:
        for statement in connection.ops.sql_flush(no_style(), tables, allow_cascade=True):
            cursor.execute(statement)


def load(*paths) -> None:
    call_command("import_ll2", *paths, stdout=io.StringIO())


def station_url(station_id: int) -> str:
    return f"/2.3.0/space_stations/{station_id}/"


def get(client, path: str, **params) -> dict:
    response = client.get(path, params, HTTP_ACCEPT="application/json", **LL2_HOST)
    assert response.status_code == 200, response.content
    return response.json()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Writes made within it render their documents again, as on a commit."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


# LL2's station responses, served back


@pytest.mark.parametrize("path", STATION_FILES, ids=lambda path: path.name)
def test_each_station_file_loaded_alone_is_served_back_as_ll2_printed_it(client, path):
    empty_database()
    load(path)
    for station in objects_of(path):
        assert same(served_station(client, station), station), station["name"]


def test_a_filtered_page_of_two_stations_is_served_back_whole(client):
    """The owner page (ISS and Tiangong) is the whole list of a database holding it alone:
    the same count, links and objects, in the same order."""
    path = DATA / "25-space_stations-normal-owner-page.json"
    empty_database()
    load(path)
    response = client.get("/2.3.0/space_stations/", HTTP_ACCEPT="application/json", **LL2_HOST)
    assert same(response.json(), json.loads(path.read_text()))


@pytest.mark.parametrize("path", [STATIONS_DETAILED, STATIONS_NORMAL], ids=lambda path: path.name)
def test_the_bundled_data_serves_each_station_as_its_newest_response(client, path):
    """The bundled data with a station response loaded again last, as the last word on
    what it nests: the newest responses differ from each other, and from the seed pages,
    on a few agencies they nest (NASA, CNSA). The ISS and Tiangong have a test of their
    own, below."""
    load(path)
    differ = [
        station["name"]
        for station in objects_of(path)
        if station["id"] not in (ISS, TIANGONG)
        and not same(served_station(client, station), station)
    ]
    assert not differ


def close_what_ll2_closed() -> None:
    for expedition in Expedition.objects.filter(pk__in=CLOSED):
        expedition.end = CLOSED[expedition.pk]
        expedition.save()
    docking = DockingEvent.objects.get(pk=CREW_10_DOCKING)
    docking.departure = CLOSED[CREW_10_DOCKING]
    docking.save()


@pytest.mark.parametrize(
    "station",
    [station for station in objects_of(STATIONS_DETAILED) if station["id"] in (ISS, TIANGONG)],
    ids=lambda station: station["name"],
)
def test_the_bundled_data_holds_open_what_only_older_responses_know(client, committed, station):
    """The ISS's and Tiangong's newest responses have Expedition 74 and Shenzhou 23 under
    way, and Harmony forward free; older ones, bundled too, have Expedition 73 and Shenzhou
    20 under way, and Crew-10 docked at Harmony forward. Until an end and a departure are
    known here, those are still open; closed as LL2 closed them, each station is its
    newest response exactly."""
    load(STATIONS_DETAILED)
    served = served_station(client, station)
    left_open = {ISS: EXPEDITION_73, TIANGONG: SHENZHOU_20_EXPEDITION}[station["id"]]
    assert [e["id"] for e in served["active_expeditions"]] == [
        left_open,
        *(e["id"] for e in station["active_expeditions"]),
    ]
    if station["id"] == ISS:
        assert docked_at_location(served, HARMONY_FORWARD) == CREW_10_DOCKING
        assert docked_at_location(station, HARMONY_FORWARD) is None

    with committed():
        close_what_ll2_closed()
    assert same(served_station(client, station), station)


def test_docking_locations_keep_the_order_ll2_lists_them_in(client):
    [newest] = [station for station in objects_of(STATIONS_DETAILED) if station["id"] == ISS]
    served = get(client, station_url(ISS))
    assert [location["id"] for location in served["docking_location"]] == [
        location["id"] for location in newest["docking_location"]
    ]


# What is under way


def docked_at(client, station_id: int, location_id: int) -> int | None:
    return docked_at_location(get(client, station_url(station_id)), location_id)


def depart(docking_id: int, departure: datetime) -> None:
    docking = DockingEvent.objects.get(pk=docking_id)
    docking.departure = departure
    docking.save()


def test_a_docking_location_holds_its_latest_docking_without_a_departure(client, committed):
    # Both Progress dockings at Zvezda aft are without a departure: the later one holds it.
    assert DockingEvent.objects.filter(docking_location=ZVEZDA_AFT, departure=None).count() == 2
    assert docked_at(client, ISS, ZVEZDA_AFT) == PROGRESS_MS_34_DOCKING
    with committed():
        depart(PROGRESS_MS_34_DOCKING, datetime(2026, 10, 1, tzinfo=UTC))
    assert docked_at(client, ISS, ZVEZDA_AFT) == PROGRESS_MS_30_DOCKING
    with committed():
        depart(PROGRESS_MS_30_DOCKING, datetime(2025, 9, 9, tzinfo=UTC))
    assert docked_at(client, ISS, ZVEZDA_AFT) is None


def active_expeditions(client, station_id: int, mode: str) -> list[int]:
    found = get(client, "/2.3.0/space_stations/", id=station_id, mode=mode)["results"]
    return [expedition["id"] for expedition in found[0]["active_expeditions"]]


@pytest.mark.parametrize("mode", ["normal", "detailed"])
def test_expeditions_under_way_are_those_without_an_end(client, committed, mode):
    assert active_expeditions(client, ISS, mode) == [EXPEDITION_73, EXPEDITION_74]
    expedition = Expedition.objects.get(pk=EXPEDITION_74)
    expedition.end = datetime(2026, 8, 1, tzinfo=UTC)
    with committed():
        expedition.save()
    assert active_expeditions(client, ISS, mode) == [EXPEDITION_73]


def test_a_station_lists_its_own_dockings_to_others_while_under_way(client, committed):
    """A station docked to another (a module, as Kvant-1 to Mir) is the chaser of the
    docking: its `active_docking_events` list it until its departure."""
    assert get(client, station_url(TIANGONG))["active_docking_events"] == []
    with committed():
        docking = DockingEvent.objects.create(
            docking=datetime(2026, 7, 1, tzinfo=UTC),
            space_station_chaser_id=TIANGONG,
            space_station_target_id=ISS,
        )
    [listed] = get(client, station_url(TIANGONG))["active_docking_events"]
    assert listed["id"] == docking.pk
    assert listed["url"] == f"{LL2}/docking_events/{docking.pk}/"
    assert listed["space_station_target"]["name"] == "International Space Station"
    assert list(listed) == spec.schema_properties("DockingEventForChaserNormal")
    docking.departure = datetime(2026, 7, 2, tzinfo=UTC)
    with committed():
        docking.save()
    assert get(client, station_url(TIANGONG))["active_docking_events"] == []


def test_a_docking_at_a_station_targets_it(client):
    """LL2's station responses nest each docking under its location without naming its
    target: the station the location belongs to is."""
    found = get(client, "/2.3.0/docking_events/", space_station_target__id=TIANGONG)
    assert {event["id"] for event in found["results"]} == {639, 641}
    assert {event["docking_location"]["spacestation"]["id"] for event in found["results"]} == {
        TIANGONG
    }


# Filters with no field behind them


def station_ids(client, **params) -> set[int]:
    found = get(client, "/2.3.0/space_stations/", limit=100, **params)["results"]
    return {station["id"] for station in found}


def test_stations_by_orbit_read_the_orbits_id(client):
    in_low_earth_orbit = set(
        SpaceStation.objects.filter(orbit="Low Earth Orbit").values_list("pk", flat=True)
    )
    assert in_low_earth_orbit
    low_earth_orbit = Orbit.objects.get(name="Low Earth Orbit")
    assert station_ids(client, orbit=low_earth_orbit.pk) == in_low_earth_orbit
    elsewhere = Orbit.objects.exclude(name="Low Earth Orbit").first()
    assert station_ids(client, orbit=elsewhere.pk) == set()
    response = client.get("/2.3.0/space_stations/", {"format": "json", "orbit": "99999999"})
    assert response.status_code == 400
    assert list(response.json()) == ["orbit"]


def test_stations_by_owners_read_a_comma_list_or_the_parameter_repeated(client):
    assert station_ids(client, owner__ids=f"{CSA},{CASC}") == {ISS, TIANGONG}
    assert station_ids(client, owners=[CSA, CASC]) == {ISS, TIANGONG}
    assert station_ids(client, owner__ids=str(CASC)) == {TIANGONG}


def test_stations_by_statuses_read_a_comma_list_of_ids(client):
    statuses = dict(SpaceStation.objects.values_list("pk", "status_id"))
    active = statuses[ISS]
    others = set(statuses.values()) - {active}
    assert others
    every = set(statuses)
    assert station_ids(client, status__ids=active) == {pk for pk in every if statuses[pk] == active}
    both = ",".join(str(status) for status in [active, *others])
    assert station_ids(client, status__ids=both) == every


# Landings, with what they land


def trimmed(obj: dict, schema_name: str) -> dict:
    """An object cut to a lighter schema's properties, as LL2 prints it there."""
    kept = {key: obj[key] for key in spec.schema_properties(schema_name)}
    if "response_mode" in kept:
        kept["response_mode"] = spec.schema(schema_name)["properties"]["response_mode"]["default"]
    return kept


def landing_location(client) -> dict:
    baikonur = get(client, "/2.3.0/locations/15/")
    earth = get(client, "/2.3.0/celestial_bodies/", mode="normal", limit=1)["results"][0]
    return {
        "id": 901,
        "name": "Steppe of Kazakhstan",
        "active": True,
        "abbrev": "KZ",
        "description": "Crewed and uncrewed capsules land in the steppe.",
        "location": trimmed(baikonur, "LocationSerializerNoCelestialBody"),
        "longitude": 67.5,
        "latitude": 47.25,
        "image": None,
        "successful_landings": 150,
        "attempted_landings": 151,
        "failed_landings": 1,
        "celestial_body": earth,
    }


def landing(landing_id: int, location: dict, landing_type: dict, **landed) -> dict:
    return {
        "id": landing_id,
        "url": f"{LL2}/landings/{landing_id}/",
        "attempt": True,
        "success": True,
        "description": "Landed as planned.",
        "downrange_distance": 12.5,
        "landing_location": location,
        "type": landing_type,
        "response_mode": "detailed",
        "firststage": None,
        "spacecraftflight": None,
        "payloadflight": None,
        **landed,
    }


BOOSTER_LANDING, CAPSULE_LANDING, PAYLOAD_LANDING = 9001, 9002, 9003
CORE_STAGE = 2  # the Space Launch System's core stage, CS-1 (tests/fixtures/made)


@pytest.fixture
def landings(client, committed) -> list[dict]:
    """Three landings in LandingEndpointDetailed's shape, of a booster's first stage, of
    Soyuz MS-28's flight and of a payload's flight, made of objects as this server prints
    them (themselves held to LL2's), imported as any LL2 response is."""
    location = landing_location(client)
    parachute = {"id": 901, "name": "Parachute", "abbrev": "PAR", "description": "Parachutes."}
    splashdown = {"id": 902, "name": "Ocean", "abbrev": "OCN", "description": "A splashdown."}
    launcher = get(client, "/2.3.0/launchers/", mode="normal", id=CORE_STAGE)["results"][0]
    flight = get(client, f"/2.3.0/spacecraft_flights/{SOYUZ_MS_28_FLIGHT}/")
    flight.pop("landing")
    agency = trimmed(get(client, "/2.3.0/agencies/44/"), "AgencyDetailed")
    program = get(client, "/2.3.0/programs/", limit=1)["results"][0]
    payload = {
        "response_mode": "detailed",
        "id": 9101,
        "name": "Kazakh cubesat",
        "type": {"id": 9101, "name": "Satellite"},
        "manufacturer": agency,
        "operator": agency,
        "image": None,
        "wiki_link": "",
        "info_link": "https://example.org/cubesat",
        "program": [program],
        "cost": 150000,
        "mass": 4.5,
        "description": "A cubesat returned with the crew.",
    }
    payload_flight = {
        "response_mode": "detailed",
        "id": 9201,
        "url": f"{LL2}/payload_flights/9201/",
        "destination": "International Space Station",
        "amount": 2,
        "payload": payload,
        "launch": flight["launch"],
        "docking_events": [],
    }
    stage = {
        "id": 9301,
        "type": "Core",
        "reused": False,
        "launcher_flight_number": 1,
        "launcher": launcher,
        "previous_flight_date": None,
        "turn_around_time": None,
        "previous_flight": None,
    }
    documents = [
        landing(BOOSTER_LANDING, location, splashdown, firststage=stage),
        landing(CAPSULE_LANDING, location, parachute, spacecraftflight=flight),
        landing(PAYLOAD_LANDING, location, parachute, payloadflight=payload_flight),
    ]
    Importer().import_objects(top_level_objects(documents))
    # A landing prints its stage without the launch: the stage flew on Soyuz MS-28's.
    first_stage = FirstStage.objects.get(pk=9301)
    first_stage.rocket = Launch.objects.get(pk=SOYUZ_MS_28_LAUNCH).rocket
    with committed():
        first_stage.save()
    return documents


def test_a_landing_is_served_with_what_it_landed_as_imported(client, landings):
    for document in landings:
        assert same(get(client, f"/2.3.0/landings/{document['id']}/"), document)


def test_what_landed_prints_its_landing(client, landings):
    flight = get(client, f"/2.3.0/spacecraft_flights/{SOYUZ_MS_28_FLIGHT}/")
    assert flight["landing"]["id"] == CAPSULE_LANDING
    payload_flight = get(client, "/2.3.0/payload_flights/9201/")
    assert payload_flight["landing"]["id"] == PAYLOAD_LANDING
    assert payload_flight["payload"]["id"] == 9101


@pytest.mark.parametrize("mode", ["list", "normal", "detailed"])
def test_each_mode_prints_one_of_first_stage_flight_and_payload_flight(client, landings, mode):
    found = get(client, "/2.3.0/landings/", mode=mode)["results"]
    landed = {
        landing["id"]: [
            key for key in ("firststage", "spacecraftflight", "payloadflight") if landing[key]
        ]
        for landing in found
    }
    assert landed == {
        BOOSTER_LANDING: ["firststage"],
        CAPSULE_LANDING: ["spacecraftflight"],
        PAYLOAD_LANDING: ["payloadflight"],
    }


def landing_ids(client, **params) -> set[int]:
    return {landing["id"] for landing in get(client, "/2.3.0/landings/", **params)["results"]}


def test_landings_by_what_they_landed(client, landings):
    soyuz = Launch.objects.get(pk=SOYUZ_MS_28_LAUNCH)
    config = soyuz.rocket.spacecraftflight.get().spacecraft.spacecraft_config_id
    assert landing_ids(client, spacecraft__ids=f"{SOYUZ_MS_28},1") == {CAPSULE_LANDING}
    assert landing_ids(client, spacecraft_config__ids=config) == {CAPSULE_LANDING}
    assert landing_ids(client, spacecraft_launch__ids=SOYUZ_MS_28_LAUNCH) == {CAPSULE_LANDING}
    assert landing_ids(client, firststage_launch__ids=SOYUZ_MS_28_LAUNCH) == {BOOSTER_LANDING}
    assert landing_ids(client, launcher__ids=f"{CORE_STAGE},1") == {BOOSTER_LANDING}
    assert landing_ids(client, launcher_serial_numbers="SA-506,CS-1") == {BOOSTER_LANDING}
    assert landing_ids(client, launcher_config__ids="143") == {BOOSTER_LANDING}
    assert landing_ids(client, landing_type__ids="901") == {CAPSULE_LANDING, PAYLOAD_LANDING}
    assert landing_ids(client, landing_location__ids="901") == {
        BOOSTER_LANDING,
        CAPSULE_LANDING,
        PAYLOAD_LANDING,
    }
    assert landing_ids(client, search="CS-1") == {BOOSTER_LANDING}
    # The spacecraft's serial number; the launch's name, which the stage flew on too.
    assert landing_ids(client, search="11F732 #759") == {CAPSULE_LANDING}
    assert landing_ids(client, search="Soyuz 2.1a | Soyuz MS-28") == {
        BOOSTER_LANDING,
        CAPSULE_LANDING,
    }


def test_a_launch_id_that_is_no_uuid_answers_400(client):
    response = client.get("/2.3.0/landings/", {"format": "json", "spacecraft_launch__ids": "x"})
    assert response.status_code == 400
    assert list(response.json()) == ["spacecraft_launch__ids"]


# Payloads, ordered across their flights


def test_payloads_ordered_by_launch_are_listed_once_by_their_first_flight(
    client, landings, committed
):
    """A payload flown twice is listed once, in the place of its first flight's launch."""
    payload = Payload.objects.get(pk=9101)
    sputnik = Launch.objects.filter(name__contains="Sputnik").order_by("net").first()
    soyuz = Launch.objects.get(pk=SOYUZ_MS_28_LAUNCH)
    with committed():
        PayloadFlight.objects.create(payload=payload, rocket=sputnik.rocket, amount=1)
        later = Payload.objects.create(name="Later payload", type=payload.type)
        PayloadFlight.objects.create(payload=later, rocket=soyuz.rocket, amount=1)
        unflown = Payload.objects.create(name="Unflown payload", type=payload.type)
    ordering = "payloadflight__rocket__launch__net"
    up = [
        p["id"] for p in get(client, "/2.3.0/payloads/", mode="list", ordering=ordering)["results"]
    ]
    down = get(client, "/2.3.0/payloads/", mode="list", ordering=f"-{ordering}")["results"]
    assert up == [payload.pk, later.pk, unflown.pk]
    assert [p["id"] for p in down] == up[::-1]
