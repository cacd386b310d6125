"""LL2's `/config/*` lookups: objects without a `url`, routed by their page's links or by the
resource given, and mission types, which missions name rather than nest."""

import copy
import importlib
import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from launchlibrary.ingest.importer import (
    Importer,
    ImportReport,
    model_for,
    resource_models,
    top_level_objects,
)
from launchlibrary.launches.models import LauncherStatus, Mission, MissionType
from launchlibrary.spacecraft.models import Spacecraft
from tests.conftest import REPO, SPEC
from tests.test_importer import database_snapshot, nested_objects

LL2 = "https://ll.thespacedevs.com/2.3.0"
# A spacecraft whose flight's launch carries a "Resupply" mission.
RESUPPLY_CRAFT = 625
RESUPPLY_LAUNCH = "cf34aee7-a118-433b-8337-05b2c6892815"

# A few rows of each lookup as LL2 serves them, one lookup per app.
ROWS = {
    "config/orbits": [
        {
            "id": 8,
            "name": "Low Earth Orbit",
            "abbrev": "LEO",
            "celestial_body": {"response_mode": "list", "id": 1, "name": "Earth"},
        },
        {
            "id": 17,
            "name": "Sun-Synchronous Orbit",
            "abbrev": "SSO",
            "celestial_body": {"response_mode": "list", "id": 1, "name": "Earth"},
        },
    ],
    "config/astronaut_roles": [
        {"id": 1, "role": "Commander", "priority": 0},
        {"id": 5, "role": "Flight Engineer", "priority": 3},
    ],
    "config/event_types": [{"id": 2, "name": "Spacewalk"}, {"id": 3, "name": "Docking"}],
    "config/payload_types": [{"id": 1, "name": "Satellite"}, {"id": 3, "name": "Probe"}],
    "config/timeline_event_types": [
        {"id": 1, "abbrev": "Liftoff", "description": "The rocket leaves the pad."},
        {"id": 3, "abbrev": "MECO", "description": "Main engine cutoff."},
    ],
    "config/countries": [
        {
            "id": 87,
            "name": "New Zealand",
            "alpha_2_code": "NZ",
            "alpha_3_code": "NZL",
            "nationality_name": "New Zealander",
            "nationality_name_composed": "New Zealand",
        }
    ],
    "config/image_licenses": [
        {"id": 9, "name": "CC BY 4.0", "priority": 4, "link": "https://creativecommons.org/"},
        {"id": 10, "name": "Unknown", "priority": 9, "link": None},
    ],
    "config/landing_types": [
        {
            "id": 2,
            "name": "Autonomous Spaceport Drone Ship",
            "abbrev": "ASDS",
            "description": "A floating landing platform.",
        },
        {"id": 9, "name": "Parachute", "abbrev": "PAR", "description": None},
    ],
    "config/space_station_statuses": [{"id": 1, "name": "Active"}],
    "config/launcher_statuses": [{"id": 1, "name": "Active"}, {"id": 2, "name": "Retired"}],
}
MISSION_TYPES = [{"id": 1, "name": "Earth Science"}, {"id": 14, "name": "Resupply"}]


def config_paths() -> list[str]:
    """The resources of the spec's `/config/*` list paths, but for docking locations, which
    are not a lookup."""
    prefix = "/2.3.0/"
    return [
        path.removeprefix(prefix).strip("/")
        for path in SPEC["paths"]
        if path.startswith(f"{prefix}config/") and "{id}" not in path
        if path != f"{prefix}config/docking_locations/"
    ]


def item_schema(resource: str) -> tuple[str, dict]:
    """The name and properties of the objects a `/config/*` page lists."""
    response = SPEC["paths"][f"/2.3.0/{resource}/"]["get"]["responses"]["200"]
    page = response["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    item = SPEC["components"]["schemas"][page]["properties"]["results"]["items"]["$ref"]
    name = item.rsplit("/", 1)[-1]
    return name, SPEC["components"]["schemas"][name]["properties"]


def page(resource: str, rows: list[dict], **links) -> dict:
    """A page as LL2 serves it, its rows checked against the spec's schema."""
    _, properties = item_schema(resource)
    for row in rows:
        assert list(row) == list(properties)
    return {"count": len(rows), "next": None, "previous": None, **links, "results": rows}


def serializer_of(model) -> type:
    """The serializer named after the model's schema, in the serializers of its app."""
    module = importlib.import_module(f"{model._meta.app_config.name}.serializers")
    return getattr(module, f"{model.__name__}Serializer")


def run_import(*args) -> str:
    out = io.StringIO()
    call_command("import_ll2", *map(str, args), stdout=out)
    return out.getvalue()


def write(tmp_path: Path, document) -> Path:
    path = tmp_path / "page.json"
    path.write_text(json.dumps(document))
    return path


def resupply_launch() -> dict:
    """The launch of `RESUPPLY_CRAFT`'s flight as the bundled data holds it."""
    document = json.loads((REPO / "data" / "40-space_stations-detailed.json").read_text())
    return copy.deepcopy(next(nested_objects(document, RESUPPLY_LAUNCH, "/launches/")))


def import_launch(launch: dict) -> ImportReport:
    return Importer().import_objects(top_level_objects(launch))


def served_mission_types(client) -> set[str]:
    craft = client.get(f"/2.3.0/spacecraft/{RESUPPLY_CRAFT}/", {"format": "json"}).json()
    return {flight["launch"]["mission"]["type"] for flight in craft["flights"]}


@pytest.mark.parametrize("resource", config_paths())
def test_every_lookup_has_a_model_routed_by_its_resource_and_a_serializer_of_its_schema(
    resource,
):
    schema_name, properties = item_schema(resource)
    model = resource_models()[resource]
    assert model.__name__ == schema_name
    assert list(serializer_of(model)().fields) == list(properties)


@pytest.mark.parametrize("resource", ROWS)
@pytest.mark.django_db
def test_a_config_page_lands_under_ll2s_ids_and_is_printed_back_as_served(resource):
    document = page(resource, ROWS[resource])
    Importer(resource=resource).import_objects(top_level_objects(document))
    model = resource_models()[resource]
    for row in ROWS[resource]:
        assert serializer_of(model)(model.objects.get(pk=row["id"])).data == row


@pytest.mark.parametrize("resource", ROWS)
@pytest.mark.django_db
def test_importing_a_config_page_again_changes_nothing(resource):
    document = page(resource, ROWS[resource])
    Importer(resource=resource).import_objects(top_level_objects(document))
    before = database_snapshot()
    report = Importer(resource=resource).import_objects(top_level_objects(document))
    assert report.summary() == "no changes"
    assert database_snapshot() == before


@pytest.mark.parametrize("link", ["next", "previous"])
@pytest.mark.django_db
def test_a_page_without_urls_is_routed_by_its_own_link(tmp_path, link):
    # Ids the test data holds no row of, so that each is created where the link says.
    rows = [{"id": 901, "name": "In Testing"}, {"id": 902, "name": "Stored"}]
    document = page(
        "config/launcher_statuses",
        rows,
        **{link: f"{LL2}/config/launcher_statuses/?limit=2&offset=2"},
    )
    assert run_import(write(tmp_path, document)).endswith("2 launcher status created\n")
    imported = LauncherStatus.objects.filter(pk__in=[901, 902])
    assert dict(imported.values_list("id", "name")) == {901: "In Testing", 902: "Stored"}


@pytest.mark.django_db
def test_a_page_whose_link_is_not_ll2s_is_refused(tmp_path):
    rows = ROWS["config/launcher_statuses"]
    document = page("config/launcher_statuses", rows, next="https://x.test/statuses/?page=2")
    with pytest.raises(CommandError, match=r"refused at \$: `next` is not an LL2 2.3.0 URL"):
        run_import(write(tmp_path, document))


@pytest.mark.django_db
def test_a_one_page_lookup_is_routed_by_the_resource_given(tmp_path):
    rows = [{"id": 901, "role": "Payload Specialist", "priority": 4}]
    path = write(tmp_path, page("config/astronaut_roles", rows))
    with pytest.raises(CommandError, match=r"refused at \$\.results\[0\]: .*no `url`"):
        run_import(path)
    assert run_import("--resource", "config/astronaut_roles", path).endswith(
        "1 astronaut role created\n"
    )


@pytest.mark.django_db
def test_a_resource_not_modelled_is_refused(tmp_path):
    path = write(tmp_path, page("config/event_types", ROWS["config/event_types"]))
    with pytest.raises(CommandError, match="'articles' are not modelled"):
        run_import("--resource", "articles", path)


def test_a_url_names_its_resource_by_every_segment_between_version_and_id():
    assert model_for({"id": 5, "url": f"{LL2}/config/orbits/5/"}, "$").__name__ == "Orbit"
    assert model_for({"id": 5, "url": f"{LL2}/spacecraft/5/"}, "$") is Spacecraft


@pytest.mark.django_db
def test_a_mission_type_is_found_or_made_by_its_name_and_printed_as_it(client):
    launch = resupply_launch()
    mission = Mission.objects.get(pk=launch["mission"]["id"])
    assert mission.type.name == "Resupply"
    assert mission.type.pk < 0  # made from the name alone, below LL2's ids
    assert served_mission_types(client) == {"Resupply"}

    launch["mission"]["type"] = "Cargo"
    report = import_launch(launch)
    assert report.created["mission type"] == 1
    cargo = MissionType.objects.get(name="Cargo")
    assert cargo.pk == min(MissionType.objects.values_list("pk", flat=True))
    assert Mission.objects.get(pk=mission.pk).type == cargo
    assert served_mission_types(client) == {"Cargo"}
    assert import_launch(launch).summary() == "no changes"

    for no_type in ["", None]:
        launch["mission"]["type"] = no_type
        import_launch(launch)
        assert Mission.objects.get(pk=mission.pk).type is None
        # LL2 prints a mission's type as a string (the spec has it non-nullable).
        assert served_mission_types(client) == {""}


@pytest.mark.django_db
def test_ll2s_mission_type_takes_over_the_one_made_from_its_name(client, tmp_path):
    # The launch's own word first: a later bundled file (the locations) has a newer one on
    # the celestial body it nests.
    import_launch(resupply_launch())
    resupply = set(Mission.objects.filter(type__name="Resupply").values_list("pk", flat=True))
    made_from_name = MissionType.objects.get(name="Resupply").pk
    path = write(tmp_path, page("config/mission_types", MISSION_TYPES))

    output = run_import("--resource", "config/mission_types", path)
    assert f"{len(resupply)} mission updated" in output
    assert list(MissionType.objects.filter(name="Resupply").values_list("pk", flat=True)) == [14]
    assert not MissionType.objects.filter(pk=made_from_name).exists()
    assert set(Mission.objects.filter(type_id=14).values_list("pk", flat=True)) == resupply
    assert MissionType.objects.filter(name="Human Exploration", pk__lt=0).exists()
    assert served_mission_types(client) == {"Resupply"}

    # A mission naming the type now finds LL2's row.
    assert import_launch(resupply_launch()).summary() == "no changes"
    assert run_import("--resource", "config/mission_types", path).endswith("no changes\n")

    # LL2 renames its row: the missions of that id follow.
    renamed = [MISSION_TYPES[0], {"id": 14, "name": "Cargo resupply"}]
    run_import(
        "--resource", "config/mission_types", write(tmp_path, page("config/mission_types", renamed))
    )
    assert served_mission_types(client) == {"Cargo resupply"}
