"""`import_ll2`: LL2 JSON in, every nested object upserted by id, one transaction a file."""

import copy
import io
import json

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection

from launchlibrary.agencies.models import Agency
from launchlibrary.images.models import Image, ImageVariant
from launchlibrary.ingest.importer import Importer, ImportRefused, top_level_objects
from launchlibrary.spacecraft.models import Spacecraft, SpacecraftConfig
from tests.conftest import BUNDLED_FILES, SEED_DATA_FILES


def database_snapshot() -> dict:
    snapshot = {}
    for model in apps.get_models():
        if model._meta.app_label in {"contenttypes", "auth"}:
            continue
        snapshot[model._meta.label] = list(model._default_manager.order_by("pk").values())
        for m2m in model._meta.many_to_many:
            snapshot[f"{model._meta.label}.{m2m.name}"] = sorted(
                m2m.remote_field.through._default_manager.values_list()
            )
    return snapshot


def seed_data_page() -> dict:
    return json.loads(SEED_DATA_FILES[0].read_text())


def nested_objects(document, obj_id: int, url_part: str):
    """Every copy of one LL2 object nested anywhere in a document."""
    if isinstance(document, dict):
        if document.get("id") == obj_id and url_part in document.get("url", ""):
            yield document
        for value in document.values():
            yield from nested_objects(value, obj_id, url_part)
    elif isinstance(document, list):
        for value in document:
            yield from nested_objects(value, obj_id, url_part)


def import_document(document) -> Importer:
    importer = Importer()
    importer.import_objects(top_level_objects(document))
    return importer


def run_import(*paths) -> str:
    out = io.StringIO()
    call_command("import_ll2", *paths, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("path", BUNDLED_FILES, ids=lambda path: path.name)
@pytest.mark.django_db
def test_importing_the_same_file_twice_changes_nothing_the_second_time(path):
    run_import(path)
    before = database_snapshot()
    assert run_import(path).endswith("no changes\n")
    assert database_snapshot() == before


@pytest.mark.django_db
def test_a_page_a_bare_list_and_a_single_object_are_all_read(tmp_path):
    page = seed_data_page()
    Spacecraft.objects.all().delete()
    single = tmp_path / "one.json"
    single.write_text(json.dumps(page["results"][0]))
    bare = tmp_path / "list.json"
    bare.write_text(json.dumps(page["results"][1:4]))
    run_import(single, bare)
    assert Spacecraft.objects.count() == 4


@pytest.mark.django_db
def test_a_newer_snapshot_updates_nested_objects_and_is_served(client):
    page = seed_data_page()
    newer = copy.deepcopy(page)
    craft = newer["results"][0]
    craft["name"] = "Renamed craft"
    craft["time_in_space"] = "P1DT2H"
    agency_id = craft["spacecraft_config"]["agency"]["id"]
    for copy_of_agency in nested_objects(newer, agency_id, "/agencies/"):
        copy_of_agency["name"] = "Renamed agency"
    report = import_document(newer).report
    assert report.updated["spacecraft"] == 1
    assert report.updated["agency"] == 1
    served = client.get(f"/2.3.0/spacecraft/{craft['id']}/", {"format": "json"}).json()
    assert served["name"] == "Renamed craft"
    assert served["time_in_space"] == "P1DT2H"
    assert served["spacecraft_config"]["agency"]["name"] == "Renamed agency"


@pytest.mark.django_db
def test_a_shorter_form_of_an_object_blanks_none_of_its_other_fields():
    page = seed_data_page()
    craft = copy.deepcopy(page["results"][0])
    config = craft["spacecraft_config"]
    SpacecraftConfig.objects.filter(pk=config["id"]).update(capability="Docks to stations")
    craft["spacecraft_config"] = {
        key: config[key] for key in ["id", "url", "name", "type", "agency"]
    }
    import_document(craft)
    stored = SpacecraftConfig.objects.get(pk=config["id"])
    assert stored.capability == "Docks to stations"
    assert stored.image_id == config["image"]["id"]
    assert stored.family.count() == len(config["family"])


@pytest.mark.django_db
def test_an_images_variants_are_replaced_by_the_listed_ones():
    craft = copy.deepcopy(seed_data_page()["results"][0])
    variant = {"id": 7001, "type": {"id": 1, "name": "Small"}, "image_url": "https://x.test/s.jpg"}
    # An object nested twice in one file is written as its last copy has it.
    craft["spacecraft_config"]["image"] = craft["image"]
    craft["image"]["variants"] = [variant, {**variant, "id": 7002}]
    import_document(craft)
    assert set(ImageVariant.objects.values_list("pk", flat=True)) == {7001, 7002}
    craft["image"]["variants"] = [{**variant, "id": 7002}]
    import_document(craft)
    assert list(ImageVariant.objects.values_list("pk", flat=True)) == [7002]
    assert Image.objects.get(pk=craft["image"]["id"]).variants.count() == 1


@pytest.mark.parametrize(
    ("mutate", "json_path", "reason"),
    [
        (lambda page: page["results"][3].pop("url"), "$.results[3]", "no `url`"),
        (
            lambda page: page["results"][3].update(url="https://x.test/2.3.0/rockets/1/"),
            "$.results[3]",
            "'rockets' are not modelled",
        ),
        (
            lambda page: page["results"][3]["spacecraft_config"]["agency"].update(bogus=1),
            "$.results[3].spacecraft_config.agency.bogus",
            "Agency has no field 'bogus'",
        ),
        (
            lambda page: page["results"][3].update(flights_count="many"),
            "$.results[3].flights_count",
            "must be an integer",
        ),
        (
            lambda page: page["results"][3].update(name="x" * 300),
            "$.results[3].name",
            "longer than 255 characters",
        ),
        (
            lambda page: page["results"][3]["spacecraft_config"]["family"][0].pop("id"),
            "$.results[3].spacecraft_config.family[0]",
            "has no `id`",
        ),
        (
            lambda page: page["results"][3].update(status=None),
            "$.results[3].status",
            "may not be null",
        ),
        (
            lambda page: page["results"][3].update(time_in_space="forever"),
            "$.results[3].time_in_space",
            "[DD] [[HH:]MM:]ss[.uuuuuu] format",
        ),
    ],
    ids=[
        "no-url",
        "unmodelled-resource",
        "unknown-field",
        "bad-integer",
        "too-long",
        "nested-no-id",
        "null-required",
        "bad-duration",
    ],
)
@pytest.mark.django_db
def test_a_file_that_cannot_be_placed_whole_is_refused_and_changes_nothing(
    tmp_path, mutate, json_path, reason
):
    page = seed_data_page()
    for obj in page["results"][:3]:
        obj["name"] += " (changed)"
    mutate(page)
    bad_file = tmp_path / "bad.json"
    bad_file.write_text(json.dumps(page))
    before = database_snapshot()
    with pytest.raises(CommandError) as refusal:
        run_import(bad_file)
    message = str(refusal.value)
    assert str(bad_file) in message
    assert f"refused at {json_path}:" in message
    assert reason in message
    assert database_snapshot() == before


@pytest.mark.django_db
def test_text_that_is_not_json_is_refused(tmp_path):
    bad_file = tmp_path / "page.html"
    bad_file.write_text("<html>Too Many Requests</html>")
    with pytest.raises(CommandError, match=r"page\.html: refused at \$: not JSON"):
        run_import(bad_file)


@pytest.mark.django_db
def test_json_that_is_not_ll2_is_refused():
    with pytest.raises(ImportRefused, match="not an LL2 object"):
        import_document({"detail": "Request was throttled."})


@pytest.mark.django_db
def test_good_files_land_even_when_another_is_refused(tmp_path):
    good = tmp_path / "good.json"
    craft = seed_data_page()["results"][0]
    good.write_text(json.dumps({**craft, "name": "Updated"}))
    missing = tmp_path / "missing.json"
    with pytest.raises(CommandError, match="missing.json"):
        run_import(missing, good)
    assert Spacecraft.objects.get(pk=craft["id"]).name == "Updated"


@pytest.mark.django_db
def test_objects_added_later_get_ids_past_the_imported_ones():
    agency = Agency.objects.create(name="New agency", type_id=1)
    assert agency.pk > max(Agency.objects.exclude(pk=agency.pk).values_list("pk", flat=True))


def planner_statistics_of(table: str) -> int:
    """How many rows of planner statistics the database holds for a table."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = %s", [table])
        else:
            cursor.execute("SELECT count(*) FROM pg_stats WHERE tablename = %s", [table])
        return cursor.fetchone()[0]


@pytest.mark.django_db
def test_an_import_leaves_the_planner_statistics_of_what_it_wrote(tmp_path):
    """Without them SQLite reads a narrow NET window of a large table through the whole
    ordering index; `launchlibrary/ingest/statistics.py`."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DELETE FROM sqlite_stat1")
        else:
            cursor.execute("DELETE FROM pg_statistic")
    assert planner_statistics_of("launches_launch") == 0
    run_import(BUNDLED_FILES[0])
    assert planner_statistics_of("launches_launch") > 0
