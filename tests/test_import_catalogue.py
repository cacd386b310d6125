"""The catalogue through the importer: agencies with the configurations they make, locations
with their pads in LL2's order, celestial bodies, launcher and spacecraft configuration
families, launchers, each served back as LL2 gave it."""

import copy
import io
import json

import pytest
from django.core.management import call_command

from launchlibrary.agencies.models import Agency
from launchlibrary.api.prefetch import eager
from launchlibrary.api.serializers import ModelSerializer
from launchlibrary.ingest.importer import (
    Importer,
    ImportRefused,
    page_resource,
    top_level_objects,
)
from launchlibrary.launches.models import (
    Launcher,
    LauncherConfig,
    LauncherConfigFamily,
    Pad,
)
from launchlibrary.locations.models import Location
from launchlibrary.spacecraft.models import SpacecraftConfig, SpacecraftConfigFamily
from tests.conftest import FIXTURES
from tests.contract import walk
from tests.test_importer import database_snapshot, nested_objects

NASA_FILE = FIXTURES / "data" / "agencies-44-detailed-2.3.0.json"
NASA = json.loads(NASA_FILE.read_text())
LOCATIONS_FILE = FIXTURES / "data" / "locations-detailed-2.3.0.json"
LOCATIONS = json.loads(LOCATIONS_FILE.read_text())
STATIONS = json.loads((FIXTURES / "data" / "space_stations-detailed-2.3.0.json").read_text())
LL2 = "https://ll.thespacedevs.com/2.3.0"
LL2_HOST = {"HTTP_HOST": "ll.thespacedevs.com", "secure": True}
# Kennedy Space Center, whose pads LL2 lists in an order of its own: 4, 203, 30, 87.
KENNEDY = 27


def run_import(*paths, resource: str | None = None) -> str:
    out = io.StringIO()
    options = {"resource": resource} if resource else {}
    call_command("import_ll2", *paths, stdout=out, **options)
    return out.getvalue()


def import_document(document, resource: str | None = None) -> Importer:
    """Import as `import_ll2` does: objects without a `url` by their page's link, else by
    the resource given."""
    importer = Importer(resource=resource or page_resource(document))
    importer.import_objects(top_level_objects(document))
    return importer


def served(client, path: str, **params):
    """A response as LL2 gives it to a client asking for JSON: links without `?format=`
    unless the request carries one."""
    response = client.get(path, params, HTTP_ACCEPT="application/json", **LL2_HOST)
    assert response.status_code == 200, response.content[:300]
    return response.json()


def location(pk: int) -> dict:
    return copy.deepcopy(next(item for item in LOCATIONS if item["id"] == pk))


def nasa_as_served() -> dict:
    """NASA's response as this server serves it back, which differs from the file in two
    places, both the file's own:
    - NASA's copies nested within its lists describe it with another text than its own
      copy: one row cannot hold both, and the agency's own copy is the one kept;
    - LL2 printed a spacecraft configuration's whole sizes with a fraction then (`3.0`), and
      prints them without one since (`"height": 9` in the 2026-07 station responses): the
      server prints them as LL2 does now."""
    expected = copy.deepcopy(NASA)
    for nested in nested_objects(expected, 44, "/agencies/"):
        if "description" in nested:
            nested["description"] = NASA["description"]
    for config in expected["spacecraft_list"]:
        for key in ("height", "diameter"):
            if isinstance(config[key], float) and config[key].is_integer():
                config[key] = int(config[key])
    return expected


# Agencies: the configurations they make, and a parent named


def test_nasas_detailed_response_is_served_back_as_given(client):
    run_import(NASA_FILE)
    ours = served(client, "/2.3.0/agencies/44/")
    assert [config["id"] for config in ours["launcher_list"]] == [
        config["id"] for config in NASA["launcher_list"]
    ]
    assert [config["id"] for config in ours["spacecraft_list"]] == [
        config["id"] for config in NASA["spacecraft_list"]
    ]
    assert json.dumps(ours) == json.dumps(nasa_as_served())


def test_an_agencys_lists_place_its_configurations_and_remove_none(db):
    elsewhere = LauncherConfig.objects.create(pk=990_001, name="Made elsewhere", manufacturer_id=44)
    import_document(NASA)
    assert set(LauncherConfig.objects.filter(manufacturer_id=44).values_list("pk", flat=True)) == {
        config["id"] for config in NASA["launcher_list"]
    } | {elsewhere.pk}
    assert {config["id"] for config in NASA["spacecraft_list"]} <= set(
        SpacecraftConfig.objects.filter(agency_id=44).values_list("pk", flat=True)
    )


def test_an_agencys_own_copy_wins_over_its_copies_nested_in_its_lists(db):
    document = copy.deepcopy(NASA)
    for nested in nested_objects(document["spacecraft_list"], 44, "/agencies/"):
        nested["description"] = "Another word on NASA"
    import_document(document)
    assert Agency.objects.get(pk=44).description == NASA["description"]


def test_launcher_configurations_keep_their_families_manufacturers_and_programs(db):
    import_document(NASA)
    atlas_lv3b = LauncherConfig.objects.get(pk=162)
    assert list(atlas_lv3b.families.values_list("pk", flat=True)) == [66, 188]
    assert list(atlas_lv3b.program.values_list("pk", flat=True)) == [2]
    atlas = LauncherConfigFamily.objects.get(pk=66)
    assert list(atlas.manufacturer.order_by("pk").values_list("pk", flat=True)) == [82, 124]
    assert LauncherConfigFamily.objects.get(pk=188).parent_id == 66
    assert LauncherConfigFamily.objects.get(pk=188).maiden_flight.isoformat() == "1959-09-09"


def agency(pk: int, name: str, parent: str | None) -> dict:
    """An agency in LL2's normal form, after a real one."""
    made = copy.deepcopy(NASA["launcher_list"][1]["families"][0]["manufacturer"][0])
    made.update(id=pk, url=f"{LL2}/agencies/{pk}/", name=name, abbrev="", parent=parent)
    return made


def test_a_parent_not_held_is_printed_by_its_name_and_linked_when_it_arrives(client):
    import_document(agency(990_101, "Daughter Company", "Holding Company"))
    daughter = Agency.objects.get(pk=990_101)
    assert (daughter.parent_id, daughter.parent_name) == (None, "Holding Company")
    assert served(client, "/2.3.0/agencies/990101/")["parent"] == "Holding Company"

    import_document(agency(990_102, "Holding Company", None))
    daughter.refresh_from_db()
    assert (daughter.parent_id, daughter.parent_name) == (990_102, "")
    assert served(client, "/2.3.0/agencies/990101/")["parent"] == "Holding Company"

    # The parent is now a row: renamed, it is printed by its new name.
    import_document(agency(990_102, "Holding Group", None))
    assert served(client, "/2.3.0/agencies/990101/")["parent"] == "Holding Group"


def test_an_agency_renamed_to_an_awaited_name_takes_its_place(db):
    import_document(agency(990_111, "Daughter Company", "Holding Company"))
    import_document(agency(990_112, "Old Name", None))
    import_document(agency(990_112, "Holding Company", None))
    assert Agency.objects.get(pk=990_111).parent_id == 990_112


def test_a_parent_held_is_linked_and_a_null_parent_clears_it(db):
    import_document(agency(990_121, "Daughter Company", "Lockheed Martin"))
    daughter = Agency.objects.get(pk=990_121)
    assert (daughter.parent_id, daughter.parent_name) == (82, "")
    import_document(agency(990_121, "Daughter Company", None))
    daughter.refresh_from_db()
    assert (daughter.parent_id, daughter.parent_name) == (None, "")


# Locations and their pads


def test_every_location_is_served_back_as_given(client):
    run_import(LOCATIONS_FILE)
    differing = []
    for given in LOCATIONS:
        response = client.get(f"/2.3.0/locations/{given['id']}/", {"format": "json"}, **LL2_HOST)
        assert response.status_code == 200, given["id"]
        if json.dumps(response.json()) != json.dumps(given):
            differing.append(given["id"])
    assert differing == []


def test_pads_keep_the_place_ll2_lists_them_in(db):
    run_import(LOCATIONS_FILE)
    for given in LOCATIONS:
        placed = Pad.objects.filter(location_id=given["id"]).exclude(position=None)
        assert list(placed.order_by("position").values_list("pk", "position")) == [
            (pad["id"], index) for index, pad in enumerate(given["pads"])
        ]


class PadIdSerializer(ModelSerializer):
    class Meta:
        model = Pad
        fields = ["id"]


class LocationPadsSerializer(ModelSerializer):
    pads = PadIdSerializer(many=True)

    class Meta:
        model = Location
        fields = ["id", "pads"]


def listed_pads(location_id: int) -> list[int]:
    """A location's pads in the order a page lists them (see `launchlibrary.api.prefetch`)."""
    rows = eager(Location.objects.filter(pk=location_id), LocationPadsSerializer)
    return [pad["id"] for pad in LocationPadsSerializer(rows[0]).data["pads"]]


def test_a_page_lists_pads_by_their_place_and_those_without_one_last(db):
    run_import(LOCATIONS_FILE)
    assert listed_pads(KENNEDY) == [4, 203, 30, 87]
    Pad.objects.create(pk=990_201, name="Added here", location_id=KENNEDY)
    assert listed_pads(KENNEDY) == [4, 203, 30, 87, 990_201]


def test_a_pad_imported_alone_keeps_its_place(client):
    run_import(LOCATIONS_FILE)
    kennedy = location(KENNEDY)
    pad = copy.deepcopy(kennedy["pads"][1])
    pad["total_launch_count"] += 1
    pad["location"] = {key: value for key, value in kennedy.items() if key != "pads"}
    pad["location"]["response_mode"] = "normal"
    report = import_document(pad).report
    assert report.updated["pad"] == 1
    assert listed_pads(KENNEDY) == [4, 203, 30, 87]
    pads = served(client, f"/2.3.0/locations/{KENNEDY}/")["pads"]
    assert [(pad["id"], pad["total_launch_count"]) for pad in pads] == [
        (4, kennedy["pads"][0]["total_launch_count"]),
        (203, kennedy["pads"][1]["total_launch_count"] + 1),
        (30, kennedy["pads"][2]["total_launch_count"]),
        (87, kennedy["pads"][3]["total_launch_count"]),
    ]


def test_a_pad_a_location_no_longer_lists_is_kept_last(db):
    run_import(LOCATIONS_FILE)
    kennedy = location(KENNEDY)
    kennedy["pads"] = [kennedy["pads"][index] for index in (2, 0, 3)]
    import_document(kennedy)
    assert Pad.objects.get(pk=203).location_id == KENNEDY
    assert listed_pads(KENNEDY) == [30, 4, 87, 203]


def test_a_pads_place_is_not_a_key_of_its_json(db):
    pad = location(KENNEDY)["pads"][0] | {"position": 3}
    with pytest.raises(ImportRefused) as refused:
        import_document(pad)
    assert refused.value.json_path == "$.position"


# Celestial bodies, configuration families and launchers


def test_a_celestial_body_places_its_locations_and_removes_none(db):
    run_import(LOCATIONS_FILE)
    earth = copy.deepcopy(LOCATIONS[0]["celestial_body"])
    earth["response_mode"] = "detailed"
    kennedy = {key: value for key, value in location(KENNEDY).items() if key != "pads"}
    del kennedy["celestial_body"]
    new_site = kennedy | {"id": 990_301, "url": f"{LL2}/locations/990301/", "name": "New Site"}
    earth["locations"] = [kennedy, new_site]
    on_earth = Location.objects.filter(celestial_body_id=earth["id"])
    held = set(on_earth.values_list("pk", flat=True))
    page = {"count": 1, "next": None, "previous": None, "results": [earth]}
    import_document(page, resource="celestial_bodies")
    assert set(on_earth.values_list("pk", flat=True)) == held | {990_301}


def test_launcher_configuration_families_are_routed_by_their_pages_link(db):
    family = copy.deepcopy(NASA["launcher_list"][1]["families"][1])
    family["description"] = "The Atlas D family."
    page = {
        "count": 2,
        "next": f"{LL2}/launcher_configuration_families/?limit=1&offset=1",
        "previous": None,
        "results": [family],
    }
    import_document(page)
    atlas_d = LauncherConfigFamily.objects.get(pk=188)
    assert atlas_d.description == "The Atlas D family."
    assert list(atlas_d.manufacturer.values_list("pk", flat=True)) == [1004]
    assert atlas_d.parent_id == 66


def dragon_family() -> tuple[dict, dict]:
    """The Dragon family and Crew Dragon 2, from the station responses."""
    crew_dragon = next(nested_objects(STATIONS, 6, "/spacecraft_configurations/"))
    family = copy.deepcopy(crew_dragon["family"][0])
    normal_keys = ["response_mode", "id", "url", "name", "type", "agency", "family", "in_use"]
    member = {key: copy.deepcopy(crew_dragon[key]) for key in [*normal_keys, "image"]}
    member["response_mode"] = "normal"
    return family, member


def test_a_familys_spacecraft_are_linked_to_it_and_none_unlinked(client):
    import_document(STATIONS)
    family, crew_dragon = dragon_family()
    SpacecraftConfig.objects.get(pk=19).family.add(family["id"])  # linked here before
    cargo_dragon = {key: value for key, value in crew_dragon.items() if key != "family"}
    cargo_dragon.update(id=990_401, url=f"{LL2}/spacecraft_configurations/990401/")
    cargo_dragon["name"] = "Cargo Dragon 2"
    family["spacecraft"] = [crew_dragon, cargo_dragon]
    page = {"count": 1, "next": None, "previous": None, "results": [family]}
    import_document(page, resource="spacecraft_configuration_families")
    members = SpacecraftConfigFamily.objects.get(pk=family["id"]).spacecraft
    assert set(members.values_list("pk", flat=True)) == {6, 19, 990_401}
    assert set(SpacecraftConfig.objects.get(pk=6).family.values_list("pk", flat=True)) == {
        dragon["id"] for dragon in crew_dragon["family"]
    }
    assert import_document(page, resource="spacecraft_configuration_families").report.changed == 0
    # The family's document, on the fast path as on the live one, lists its new member.
    path = f"/2.3.0/spacecraft_configuration_families/{family['id']}/"
    fast, live = (walk.get(client, read_path, path).content for read_path in ("fast", "live"))
    assert fast == live
    assert b"Cargo Dragon 2" in fast


def launcher() -> dict:
    """A booster in LL2's detailed form, built to a configuration of NASA's response."""
    ares = NASA["launcher_list"][0]
    return {
        "response_mode": "detailed",
        "id": 990_501,
        "url": f"{LL2}/launchers/990501/",
        "flight_proven": False,
        "serial_number": "Ares I-X FS",
        "is_placeholder": False,
        "status": {"id": 3, "name": "Expended"},
        "image": None,
        "details": "The first stage of the Ares I-X demonstration flight.",
        "successful_landings": 0,
        "attempted_landings": 0,
        "flights": 1,
        "last_launch_date": "2009-10-28T15:30:00Z",
        "first_launch_date": "2009-10-28T15:30:00Z",
        "fastest_turnaround": None,
        "launcher_config": {
            "response_mode": "list",
            "id": ares["id"],
            "url": ares["url"],
            "name": ares["name"],
            "families": [],
            "full_name": ares["full_name"],
            "variant": ares["variant"],
        },
    }


def test_a_launcher_is_placed_with_its_configuration(db):
    import_document(NASA)
    import_document(launcher())
    booster = Launcher.objects.get(pk=990_501)
    assert (booster.launcher_config_id, booster.status.name, booster.flights) == (
        126,
        "Expended",
        1,
    )
    assert import_document(launcher()).report.changed == 0


# Importing again


@pytest.mark.parametrize("path", [NASA_FILE, LOCATIONS_FILE], ids=lambda path: path.name)
def test_importing_a_catalogue_response_again_changes_nothing(db, path):
    run_import(path)
    before = database_snapshot()
    assert run_import(path).endswith("no changes\n")
    assert database_snapshot() == before
