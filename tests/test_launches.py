"""What is special to the launch paths: which launches the clock puts among the upcoming and
the previous ones (and moves between them with no write), their default orders, the filters
with no field behind them, `last_updated`, the bundled launches served back as LL2 printed
them, and a launch in detail imported and served back whole.

Generic behaviour (schemas, every filter, ordering, both read paths) is in tests/contract/."""

import json
from datetime import datetime, timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from launchlibrary.agencies.models import Agency
from launchlibrary.astronauts.models import Astronaut, AstronautFlight
from launchlibrary.ingest.importer import Importer
from launchlibrary.launches.models import (
    FirstStage,
    Launch,
    Launcher,
    Orbit,
    Update,
    VidURL,
)
from launchlibrary.readpath.documents import mark_changed
from launchlibrary.spacecraft.models import SpacecraftFlight
from tests.conftest import REPO, SPEC
from tests.contract.walk import READ_PATHS
from tests.test_admin import admin_url, form_data, librarian  # noqa: F401 (a fixture)

LAUNCHES = "/2.3.0/launches/"
UPCOMING = "/2.3.0/launches/upcoming/"
PREVIOUS = "/2.3.0/launches/previous/"
UPDATES = "/2.3.0/updates/"
LL2 = {"HTTP_HOST": "ll.thespacedevs.com", "secure": True}

UPCOMING_FILE = REPO / "data" / "10-launches-upcoming-normal.json"
OLDEST_FILE = REPO / "data" / "15-launches-normal.json"
STATIONS_FILE = REPO / "data" / "40-space_stations-detailed.json"

VULCAN = "cd199e27-63cd-409c-817c-5c38039b17cd"  # Vulcan VC2S | Certification Flight 2
CREW_12 = "862b54e3-7bf8-48e5-8cd1-d77257d5fde9"  # Falcon 9 Block 5 | Crew-12
CYGNUS_NG_24 = "5ed6ab75-8c5b-4013-93e1-1deb56b14f1d"  # Falcon 9 Block 5 | Cygnus NG-24
SPACEX, ULA = 121, 124
CREW_DRAGON_2 = 6  # the spacecraft configuration of Crew-12's Crew Dragon Freedom


def import_objects(objects: list[dict]) -> str:
    return Importer().import_objects((f"$[{i}]", obj) for i, obj in enumerate(objects)).summary()


def results_of(client, path: str, read_path: str = "fast", **params) -> list[dict]:
    """Every object of a list, page after page, on a read path; the fast path's pages from
    documents (with an ETag)."""
    found, offset = [], 0
    while True:
        with override_settings(LL2_READ_PATH=read_path):
            response = client.get(
                path, {"format": "json", "limit": 100, "offset": offset, **params}
            )
        assert response.status_code == 200, response.content[:300]
        assert ("ETag" in response) == (read_path == "fast")
        page = response.json()
        found += page["results"]
        offset += 100
        if offset >= page["count"]:
            return found


def ids(client, path: str, **params) -> list[str]:
    return [launch["id"] for launch in results_of(client, path, mode="list", **params)]


@pytest.fixture
def at_net(clock, edit):
    """Gives launches NETs relative to the clock, one bundled launch after another."""
    launches = iter(Launch.objects.order_by("pk"))

    def place(delta: timedelta) -> str:
        launch = next(launches)
        with edit():
            launch.net = clock.now + delta
            launch.save()
        return str(launch.pk)

    return place


# The clock's rule


def test_each_launch_is_where_its_net_puts_it(client, at_net):
    ahead = at_net(timedelta(days=2))
    long_gone = at_net(-timedelta(days=3))
    recent = at_net(-timedelta(hours=12))
    upcoming, previous = ids(client, UPCOMING), ids(client, PREVIOUS)
    hiding_recent = ids(client, UPCOMING, hide_recent_previous="true")

    assert ahead in upcoming and ahead in hiding_recent and ahead not in previous
    assert long_gone in previous and long_gone not in upcoming
    # A launch of the last 24 hours is among the upcoming ones unless hidden, and among the
    # previous ones already.
    assert recent in upcoming and recent not in hiding_recent and recent in previous
    assert ids(client, UPCOMING, hide_recent_previous="false") == upcoming
    assert set(ids(client, LAUNCHES)) >= {ahead, long_gone, recent}


def test_the_detail_paths_serve_the_launches_of_their_list(client, at_net):
    ahead, long_gone = at_net(timedelta(days=2)), at_net(-timedelta(days=3))
    for path, served, not_served in ((UPCOMING, ahead, long_gone), (PREVIOUS, long_gone, ahead)):
        assert client.get(f"{path}{served}/", {"format": "json"}).status_code == 200
        assert client.get(f"{path}{not_served}/", {"format": "json"}).status_code == 404


def test_a_launch_moves_between_the_lists_as_its_net_passes_with_no_write(client, clock, at_net):
    """On the fast path, with listings and responses kept between requests: what is kept
    from before a moment the rows change is not served after it."""
    launch = at_net(timedelta(hours=1))

    def where() -> dict[str, bool]:
        return {
            "upcoming": launch in ids(client, UPCOMING),
            "hiding recent": launch in ids(client, UPCOMING, hide_recent_previous="True"),
            "previous": launch in ids(client, PREVIOUS),
            "upcoming detail": client.get(f"{UPCOMING}{launch}/", {"format": "json"}).status_code
            == 200,
        }

    ahead = {"upcoming": True, "hiding recent": True, "previous": False, "upcoming detail": True}
    assert where() == ahead
    assert where() == ahead  # served again from what was kept

    clock.advance(timedelta(hours=1, seconds=1))  # its NET has just passed
    assert where() == {**ahead, "hiding recent": False, "previous": True}

    clock.advance(timedelta(hours=24))  # and its 24 hours among the upcoming ones
    gone = {"upcoming": False, "hiding recent": False, "previous": True, "upcoming detail": False}
    assert where() == gone


def test_a_launch_without_a_net_is_in_neither_list(client, edit):
    with edit():
        launch = Launch.objects.get(pk=VULCAN)
        launch.net = None
        launch.save()
    assert VULCAN in ids(client, LAUNCHES)
    assert VULCAN not in ids(client, UPCOMING) and VULCAN not in ids(client, PREVIOUS)


# Default orders


def nets(client, path: str, read_path: str) -> list[tuple[str, str]]:
    return [(launch["net"], launch["id"]) for launch in results_of(client, path, read_path)]


@pytest.mark.parametrize("read_path", READ_PATHS)
def test_lists_are_in_the_order_a_client_expects_ending_in_the_id(client, at_net, read_path):
    for delta in (timedelta(days=2), timedelta(days=2), -timedelta(days=3), -timedelta(days=3)):
        at_net(delta)  # two ties each way, broken by the id
    assert nets(client, LAUNCHES, read_path) == sorted(nets(client, LAUNCHES, read_path))
    upcoming = nets(client, UPCOMING, read_path)
    assert upcoming == sorted(upcoming)  # the next to fly first
    previous = nets(client, PREVIOUS, read_path)
    assert previous == sorted(previous, reverse=True)  # the latest to fly first
    assert len(upcoming) > 1 and len(previous) > 1
    # An ordering asked for still wins.
    by_name = [launch["name"] for launch in results_of(client, UPCOMING, ordering="name")]
    assert by_name == sorted(by_name)


def test_updates_are_listed_newest_first(client, edit):
    launch = Launch.objects.get(pk=VULCAN)
    with edit():
        for day in (3, 1, 2):
            Update.objects.create(
                launch=launch,
                comment=f"Day {day}",
                created_by="Launch Library",
                created_on=datetime.fromisoformat(f"2024-10-0{day}T12:00:00+00:00"),
            )
    comments = [update["comment"] for update in results_of(client, UPDATES)]
    assert comments == ["Day 3", "Day 2", "Day 1"]
    by_launch = results_of(client, UPDATES, launch=VULCAN, ordering="created_on")
    assert [update["comment"] for update in by_launch] == ["Day 1", "Day 2", "Day 3"]


# The filters with no field behind them


def launches_where(**lookups) -> set[str]:
    return {str(pk) for pk in Launch.objects.filter(**lookups).values_list("pk", flat=True)}


def filtered(client, **params) -> set[str]:
    found = {read_path: set(ids_on(client, read_path, **params)) for read_path in READ_PATHS}
    assert found["live"] == found["fast"], params
    return found["fast"]


def ids_on(client, read_path: str, **params) -> list[str]:
    return [launch["id"] for launch in results_of(client, LAUNCHES, read_path, **params)]


def test_the_provider_filters_read_ids_and_names_of_providers_and_their_parents(client, edit):
    spacex = launches_where(launch_service_provider=SPACEX)
    ula = launches_where(launch_service_provider=ULA)
    assert spacex and ula
    assert filtered(client, lsp__id=SPACEX) == spacex
    assert filtered(client, lsp__id=f"{SPACEX},{ULA}") == spacex | ula
    assert filtered(client, lsp__name="SpaceX,United Launch Alliance") == spacex | ula
    assert filtered(client, lsp__name="Space") == set()  # a whole name, not a part

    # ULA is owned by Boeing and Lockheed Martin; LL2 names no parent, here Boeing becomes
    # its parent for the test.
    boeing = Agency.objects.get(name="Boeing")
    with edit():
        Agency.objects.filter(pk=ULA).update(parent=boeing)
        # A parent the database does not hold yet is known by its name.
        Agency.objects.filter(pk=SPACEX).update(parent_name="Space Exploration Holdings")
        mark_changed(Agency, [ULA, SPACEX])
    assert filtered(client, related_lsp__id=boeing.pk) == ula
    assert filtered(client, related_lsp__name="Boeing") == ula
    assert filtered(client, related_lsp__id=f"{ULA},{SPACEX}") == spacex | ula
    assert filtered(client, related_lsp__name="United Launch Alliance") == ula
    assert filtered(client, related_lsp__name="Space Exploration Holdings") == spacex


def test_the_comma_lists_of_related_ids(client):
    vulcan = Launch.objects.get(pk=VULCAN)
    cape = vulcan.pad.location_id
    assert filtered(client, location__ids=cape) == launches_where(pad__location=cape)
    assert filtered(client, launcher_config__id=f"{vulcan.rocket.configuration_id},164") == (
        launches_where(rocket__configuration__in=[vulcan.rocket.configuration_id, 164])
    )
    assert filtered(client, status__ids="1,3") == launches_where(status__in=[1, 3])
    crew_dragons = launches_where(
        rocket__spacecraftflight__spacecraft__spacecraft_config=CREW_DRAGON_2
    )
    assert CREW_12 in crew_dragons
    assert filtered(client, spacecraft_config__ids=CREW_DRAGON_2) == crew_dragons
    assert filtered(client, id=f"{VULCAN},{CREW_12}") == {VULCAN, CREW_12}


def test_a_booster_finds_the_launches_it_flew(client, edit):
    apollo_11_stage = Launcher.objects.get(serial_number="SA-506")
    with edit():
        for launch in (VULCAN, CREW_12):
            rocket = Launch.objects.get(pk=launch).rocket
            FirstStage.objects.create(rocket=rocket, launcher=apollo_11_stage)
    assert filtered(client, serial_number="SA-506") == {VULCAN, CREW_12}
    assert filtered(client, serial_number="SA-506,B1062") == {VULCAN, CREW_12}
    assert filtered(client, serial_number="SA-50") == set()


def test_a_video_finds_its_launch_or_its_missions(client, edit):
    webcast = "https://www.youtube.com/watch?v=crew12"
    mission_video = "https://www.youtube.com/watch?v=vulcan-cert-2"
    crew_12, vulcan = Launch.objects.get(pk=CREW_12), Launch.objects.get(pk=VULCAN)
    with edit():
        VidURL.objects.create(launch=crew_12, url=webcast)
        VidURL.objects.create(mission=vulcan.mission, url=mission_video)
    assert filtered(client, video_url=webcast) == {CREW_12}
    assert filtered(client, video_url=f"{webcast},{mission_video}") == {CREW_12, VULCAN}
    assert filtered(client, video_url="https://www.youtube.com/") == set()


def test_day_month_and_year_read_the_net_in_utc(client):
    assert filtered(client, year=2024, month=10, day=4) == {VULCAN}
    october_2024 = launches_where(net__year=2024, net__month=10)
    assert len(october_2024) == 10
    assert filtered(client, year=2024, month=10) == october_2024
    assert filtered(client, year="1957,2026") == launches_where(net__year__in=[1957, 2026])
    assert filtered(client, month="10,11") == launches_where(net__month__in=[10, 11])
    for bad in ("October", "1.5"):
        response = client.get(LAUNCHES, {"format": "json", "month": bad})
        assert response.status_code == 400 and list(response.json()) == ["month"]


def test_crewed_launches_are_those_with_astronauts_aboard(client, edit):
    flight = SpacecraftFlight.objects.get(rocket__launch=CREW_12)
    with edit():
        astronaut = Astronaut.objects.create(name="Jessica Meir")
        flight.launch_crew.add(AstronautFlight.objects.create(astronaut=astronaut))
    assert filtered(client, is_crewed="true") == {CREW_12}
    assert filtered(client, is_crewed="false") == launches_where() - {CREW_12}


def test_suborbital_launches_are_listed_unless_left_out(client, edit):
    earth = Orbit.objects.get(pk=8).celestial_body
    mission = Launch.objects.get(pk=VULCAN).mission
    with edit():
        mission.orbit, _ = Orbit.objects.get_or_create(
            id=15, defaults={"name": "Suborbital", "abbrev": "Sub", "celestial_body": earth}
        )
        mission.save()
    everything = launches_where()
    suborbital = launches_where(mission__orbit__abbrev="Sub")  # Starship's test flights too
    assert VULCAN in suborbital and suborbital != everything
    assert filtered(client, include_suborbital="true") == everything
    assert filtered(client) == everything
    assert filtered(client, include_suborbital="false") == everything - suborbital


# last_updated


def test_an_edit_in_the_admin_sets_last_updated_to_now(librarian, client):  # noqa: F811
    launch = Launch.objects.get(pk=VULCAN)
    printed = launch.last_updated
    assert printed.isoformat() == "2024-09-30T12:57:32+00:00"  # as LL2 printed it
    url = admin_url(Launch, "change", VULCAN)

    # Saved unchanged: the launch did not change, nor does its date.
    assert librarian.post(url, form_data(librarian, url)).status_code == 302
    launch.refresh_from_db()
    assert launch.last_updated == printed

    before = timezone.now()
    response = librarian.post(url, {**form_data(librarian, url), "probability": "80"})
    assert response.status_code == 302, response.context["errors"]
    launch.refresh_from_db()
    assert launch.probability == 80 and launch.last_updated >= before
    assert VULCAN in filtered(client, last_updated__gte=before.isoformat())
    assert VULCAN not in filtered(client, last_updated__lte=printed.isoformat())


# The bundled launches, as LL2 printed them

# LL2 printed Earth's diameter as a float in 2024 (`12742000.0`) and as an integer from 2025
# on (`12742000`, as every newer file has it); this server prints it as LL2 does now.
DIAMETER_2024 = ('"diameter": 12742000.0', '"diameter": 12742000')


@pytest.mark.parametrize(
    ("path", "as_printed_now"),
    [(UPCOMING_FILE, DIAMETER_2024), (OLDEST_FILE, None)],
    ids=lambda value: value.name if hasattr(value, "name") else None,
)
def test_the_bundled_launches_are_served_as_ll2_printed_them(client, path, as_printed_now):
    """Each file's launches, its word being the last on what they nest, are served back in
    normal mode byte for byte on both read paths, and import again unchanged."""
    body = json.loads(path.read_text())
    launches = body["results"] if isinstance(body, dict) else body
    import_objects(launches)
    assert import_objects(launches) == "no changes"
    # Asked as LL2 was: JSON by default, so the `url`s carry no `?format=`.
    query = {"mode": "normal", "id": ",".join(launch["id"] for launch in launches)}
    for read_path in READ_PATHS:
        with override_settings(LL2_READ_PATH=read_path):
            served = client.get(LAUNCHES, {**query, "limit": 100}, **LL2).json()["results"]
        served_by_id = {launch["id"]: launch for launch in served}
        for launch in launches:
            expected = json.dumps(launch)
            if as_printed_now:
                expected = expected.replace(*as_printed_now)
            assert json.dumps(served_by_id[launch["id"]]) == expected, (read_path, launch["name"])


# A launch in detail


def schema_fields(name: str) -> dict:
    return SPEC["components"]["schemas"][name]["properties"]


def shaped(source: dict, schema: str, **values) -> dict:
    """The source object (a form of it with more fields) in a schema's shape: the schema's
    fields in its order, nested objects in theirs, `response_mode` its constant."""
    shaped_object = {}
    for field, declared in schema_fields(schema).items():
        if field == "response_mode":
            shaped_object[field] = declared["default"]
            continue
        value = values[field] if field in values else source[field]
        nested = referenced_schema(declared)
        if nested and isinstance(value, dict) and field not in values:
            value = shaped(value, nested)
        elif nested and isinstance(value, list) and field not in values:
            value = [shaped(item, nested) for item in value]
        shaped_object[field] = value
    return shaped_object


def referenced_schema(declared: dict) -> str | None:
    text = json.dumps(declared)
    marker = "#/components/schemas/"
    if marker not in text:
        return None
    return text.split(marker, 1)[1].split('"', 1)[0]


def crew_12_in_detail() -> dict:
    """Crew-12 as `/launches/{id}/` answers it: the launch, its Crew Dragon flight and its
    docking as LL2 printed them in the stations file; its provider in detail (SpaceX as
    LL2 printed it there, with the figures LL2 printed in 2024); the Falcon 9 in detail,
    its booster's flight and landing, timeline, updates, links and patch written as LL2
    writes them."""
    stations = json.loads(STATIONS_FILE.read_text())
    iss = next(station for station in stations if station["id"] == 4)
    location, event = next(
        (location, location["currently_docked"])
        for location in iss["docking_location"]
        if location["currently_docked"]
        and location["currently_docked"]["flight_vehicle_chaser"]
        and location["currently_docked"]["flight_vehicle_chaser"]["launch"]["id"] == CREW_12
    )
    flight = event["flight_vehicle_chaser"]
    launch = flight["launch"]
    spacex_normal = launch["pad"]["agencies"][0]
    assert spacex_normal["name"] == "SpaceX"
    spacex_2024 = next(
        agency
        for launch_2024 in json.loads(UPCOMING_FILE.read_text())
        for agency in launch_2024["mission"]["agencies"]
        if agency["id"] == SPACEX
    )
    spacex = shaped({**spacex_2024, **spacex_normal}, "AgencyDetailed")
    falcon_family = {
        "id": 1,
        "name": "Falcon",
        "manufacturer": [spacex],
        "parent": None,
        "description": "",
        "active": True,
        "maiden_flight": "2006-03-24",
        "total_launch_count": 582,
        "consecutive_successful_launches": 381,
        "successful_launches": 576,
        "failed_launches": 6,
        "pending_launches": 160,
        "attempted_landings": 543,
        "successful_landings": 534,
        "failed_landings": 9,
        "consecutive_successful_landings": 140,
    }
    falcon_9_family = {
        **falcon_family,
        "id": 176,
        "name": "Falcon 9",
        "parent": shaped(
            {**falcon_family, "manufacturer": [shaped(spacex, "AgencyNormal")]},
            "LauncherConfigFamilyNormal",
        ),
        "maiden_flight": "2010-06-04",
    }
    configuration = launch["rocket"]["configuration"]
    falcon_9 = shaped(
        {
            **configuration,
            "families": [falcon_family, falcon_9_family],
            "active": True,
            "is_placeholder": False,
            "manufacturer": spacex,
            "program": [],
            "reusable": True,
            "image": launch["image"],
            "info_url": "https://www.spacex.com/vehicles/falcon-9/",
            "wiki_url": "https://en.wikipedia.org/wiki/Falcon_9",
            "description": "Falcon 9 is a two-stage rocket designed and manufactured by "
            "SpaceX for the reliable and safe transport of satellites and the Dragon "
            "spacecraft into orbit. The Block 5 variant is the fifth major interval aimed "
            "at improving upon the ability for rapid reusability.",
            "alias": "",
            "min_stage": 2,
            "max_stage": 2,
            "length": 70.0,
            "diameter": 3.65,
            "maiden_flight": "2018-05-11",
            "launch_cost": 52000000,
            "launch_mass": 549.0,
            "leo_capacity": 22800.0,
            "gto_capacity": 8300.0,
            "geo_capacity": None,
            "sso_capacity": None,
            "to_thrust": 7607.0,
            "apogee": 200.0,
            "total_launch_count": 521,
            "consecutive_successful_launches": 381,
            "successful_launches": 520,
            "failed_launches": 1,
            "pending_launches": 150,
            "attempted_landings": 511,
            "successful_landings": 507,
            "failed_landings": 4,
            "consecutive_successful_landings": 140,
            "fastest_turnaround": "P2DT8H58M",
        },
        "LauncherConfigDetailed",
    )
    cape = launch["pad"]["location"]
    previous_flight = next(
        location["currently_docked"]["flight_vehicle_chaser"]["launch"]
        for location in iss["docking_location"]
        if location["currently_docked"]
        and location["currently_docked"]["flight_vehicle_chaser"]
        and location["currently_docked"]["flight_vehicle_chaser"]["launch"]["id"] == CYGNUS_NG_24
    )
    first_stage = {
        "id": 9164,
        "type": "Core",
        "reused": True,
        "launcher_flight_number": 3,
        "launcher": {
            "response_mode": "normal",
            "id": 1268,
            "url": "https://ll.thespacedevs.com/2.3.0/launchers/1268/?format=json",
            "flight_proven": True,
            "serial_number": "B1101",
            "is_placeholder": False,
            "status": {"id": 1, "name": "Active"},
            "image": None,
            "details": "Flew Crew-12 on its third flight.",
            "successful_landings": 3,
            "attempted_landings": 3,
            "flights": 3,
            "last_launch_date": "2026-02-13T10:15:56Z",
            "first_launch_date": "2025-08-24T06:45:00Z",
            "fastest_turnaround": "P75DT12H",
        },
        "previous_flight_date": "2025-11-29T22:30:00Z",
        "turn_around_time": "P75DT11H45M56S",
        "landing": {
            "id": 12380,
            "url": "https://ll.thespacedevs.com/2.3.0/landings/12380/?format=json",
            "attempt": True,
            "success": True,
            "description": "The booster returned to Landing Zone 40.",
            "downrange_distance": 0.5,
            "landing_location": {
                "id": 187,
                "name": "Landing Zone 40",
                "active": True,
                "abbrev": "LZ-40",
                "description": "Landing zone beside SLC-40 at Cape Canaveral.",
                "location": shaped(cape, "LocationSerializerNoCelestialBody"),
                "longitude": -80.578,
                "latitude": 28.562,
                "image": None,
                "successful_landings": 9,
                "attempted_landings": 9,
                "failed_landings": 0,
                "celestial_body": shaped(cape["celestial_body"], "CelestialBodyNormal"),
            },
            "type": {
                "id": 2,
                "name": "Return to Launch Site",
                "abbrev": "RTLS",
                "description": "The booster flies back to a landing zone near the launch site.",
            },
        },
        "previous_flight": shaped(previous_flight, "LaunchMini"),
    }
    docking = shaped(
        event,
        "DockingEventForChaserNormal",
        docking_location={
            "id": location["id"],
            "name": location["name"],
            "spacestation": shaped(iss, "SpaceStationMini"),
            "spacecraft": None,
            "payload": None,
        },
        space_station_target=shaped(iss, "SpaceStationNormal"),
        flight_vehicle_target=None,
        payload_flight_target=None,
    )
    spacecraft_stage = shaped(
        flight,
        "SpacecraftFlightDetailedSerializerNoLaunch",
        destination="International Space Station",
        mission_end=None,
        landing=None,
        duration=None,
        turn_around_time="P141DT13H",
        launch_crew=[],
        onboard_crew=[],
        landing_crew=[],
        docking_events=[docking],
    )
    english = {"id": 1, "name": "English", "code": "en"}
    return shaped(
        launch,
        "LaunchDetailed",
        launch_service_provider=spacex,
        rocket={
            "id": launch["rocket"]["id"],
            "configuration": falcon_9,
            "launcher_stage": [first_stage],
            "spacecraft_stage": [spacecraft_stage],
            "payloads": [],
        },
        flightclub_url=f"https://flightclub.io/result/3d?llId={CREW_12}",
        updates=[
            {
                "id": 7502,
                "profile_image": "https://thespacedevs-prod.nyc3.digitaloceanspaces.com/media/profile_images/derek.png",
                "comment": "Crew Dragon Freedom docked to the zenith port of Harmony.",
                "info_url": "https://www.nasa.gov/blogs/spacestation/",
                "created_by": "Derek",
                "created_on": "2026-02-14T20:20:03Z",
            },
            {
                "id": 7480,
                "profile_image": None,
                "comment": "Liftoff!",
                "info_url": None,
                "created_by": "Derek",
                "created_on": "2026-02-13T10:16:10Z",
            },
        ],
        info_urls=[
            {
                "priority": 10,
                "source": "nasa.gov",
                "title": "NASA's SpaceX Crew-12",
                "description": "The twelfth rotation mission of the Commercial Crew Program.",
                "feature_image": None,
                "url": "https://www.nasa.gov/mission/nasas-spacex-crew-12/",
                "type": {"id": 1, "name": "Official Page"},
                "language": english,
            }
        ],
        vid_urls=[
            {
                "priority": 10,
                "source": "youtube.com",
                "publisher": "NASA",
                "title": "NASA's SpaceX Crew-12 Launch",
                "description": "Live coverage of the launch of Crew-12.",
                "feature_image": None,
                "url": "https://www.youtube.com/watch?v=crew-12-launch",
                "type": {"id": 1, "name": "Official Webcast"},
                "language": english,
                "start_time": "2026-02-13T09:15:00Z",
                "end_time": None,
                "live": False,
            }
        ],
        timeline=[
            {
                "type": {"id": 1, "abbrev": "Liftoff", "description": "Liftoff"},
                "relative_time": "P0D",
            },
            {
                "type": {"id": 2, "abbrev": "MECO", "description": "Main Engine Cut Off"},
                "relative_time": "PT2M28S",
            },
            {
                "type": {"id": 17, "abbrev": "Docking", "description": "Docking"},
                "relative_time": "P1DT10H",
            },
        ],
        pad_turnaround="P2DT14H31M",
        mission_patches=[
            {
                "id": 640,
                "name": "Crew-12",
                "priority": 10,
                "image_url": "https://thespacedevs-prod.nyc3.digitaloceanspaces.com/media/mission_patches/crew-12.png",
                "agency": launch["launch_service_provider"],
                "response_mode": "normal",
            }
        ],
    )


def test_a_launch_in_detail_is_served_back_as_imported(client):
    detailed = crew_12_in_detail()
    import_objects([detailed])
    assert import_objects([detailed]) == "no changes"
    expected = json.dumps(detailed)
    for read_path in READ_PATHS:
        with override_settings(LL2_READ_PATH=read_path):
            for path in (LAUNCHES, PREVIOUS):
                served = client.get(f"{path}{CREW_12}/", {"format": "json"}, **LL2)
                assert json.dumps(served.json()) == expected, (read_path, path)
            page = client.get(
                LAUNCHES, {"format": "json", "mode": "detailed", "id": CREW_12}, **LL2
            )
            assert json.dumps(page.json()["results"]) == f"[{expected}]", read_path


def test_a_launch_in_detail_nests_what_its_rocket_carries(client):
    """Its booster's flight and landing, its spacecraft's flight and docking, its timeline
    in its order and its updates newest first, on `/updates/` too."""
    detailed = crew_12_in_detail()
    import_objects([detailed])
    served = client.get(f"{LAUNCHES}{CREW_12}/", {"format": "json"}, **LL2).json()
    stage = served["rocket"]["launcher_stage"][0]
    assert stage["launcher"]["serial_number"] == "B1101"
    assert stage["landing"]["landing_location"]["abbrev"] == "LZ-40"
    assert stage["previous_flight"]["id"] == CYGNUS_NG_24
    [craft] = served["rocket"]["spacecraft_stage"]
    assert craft["spacecraft"]["name"] == "Crew Dragon Freedom"
    assert craft["docking_events"][0]["space_station_target"]["name"] == (
        "International Space Station"
    )
    assert [event["type"]["abbrev"] for event in served["timeline"]] == [
        "Liftoff",
        "MECO",
        "Docking",
    ]
    updates = results_of(client, UPDATES, launch=CREW_12)
    assert updates == served["updates"]  # the newest first, as the launch lists them
    assert [update["id"] for update in updates] == [7502, 7480]
