"""`load_bundled`: each bundled file once per database, adding what the database lacks and
never overwriting what was there before the load."""

import copy
import io
import json

from django.core.management import call_command

from launchlibrary.ingest.models import BundledFile
from launchlibrary.spacecraft.models import Spacecraft
from tests.conftest import SEED_DATA_FILES


def load(*paths) -> str:
    out = io.StringIO()
    call_command("load_bundled", *paths, stdout=out)
    return out.getvalue()


def seed_craft(pk: int) -> dict:
    pages = [json.loads(path.read_text()) for path in SEED_DATA_FILES]
    return next(craft for page in pages for craft in page["results"] if craft["id"] == pk)


def as_new_craft(craft: dict, pk: int, name: str) -> dict:
    made = copy.deepcopy(craft)
    made["id"], made["name"] = pk, name
    made["url"] = made["url"].replace(f"/{craft['id']}/", f"/{pk}/")
    return made


def test_a_bundled_file_is_loaded_once(db, tmp_path):
    bundled = tmp_path / "10-craft.json"
    bundled.write_text(json.dumps([as_new_craft(seed_craft(556), 990_001, "Once")]))
    assert "1 objects" in load(bundled)
    assert BundledFile.objects.filter(name="10-craft.json").exists()
    Spacecraft.objects.filter(pk=990_001).delete()  # a librarian deletes it
    assert load(bundled) == ""  # not read again: the deletion stands
    assert not Spacecraft.objects.filter(pk=990_001).exists()


def test_a_new_bundled_file_adds_only_what_the_database_lacks(db, tmp_path):
    Spacecraft.objects.filter(pk=556).update(name="Edited by a librarian")
    bundled = tmp_path / "20-craft.json"
    bundled.write_text(
        json.dumps([seed_craft(556), as_new_craft(seed_craft(556), 990_002, "New to this db")])
    )
    load(bundled)
    assert Spacecraft.objects.get(pk=556).name == "Edited by a librarian"
    assert Spacecraft.objects.get(pk=990_002).name == "New to this db"


def test_within_one_load_a_later_file_has_the_newer_word(db, tmp_path):
    older, newer = tmp_path / "10-older.json", tmp_path / "20-newer.json"
    older.write_text(json.dumps(as_new_craft(seed_craft(556), 990_003, "Older word")))
    newer.write_text(json.dumps(as_new_craft(seed_craft(556), 990_003, "Newer word")))
    load(older, newer)
    assert Spacecraft.objects.get(pk=990_003).name == "Newer word"


def test_a_changed_bundled_file_is_loaded_again_adding_only(db, tmp_path):
    bundled = tmp_path / "30-craft.json"
    bundled.write_text(json.dumps([as_new_craft(seed_craft(556), 990_004, "First")]))
    load(bundled)
    bundled.write_text(json.dumps([as_new_craft(seed_craft(556), 990_004, "Changed")]))
    assert "no changes" in load(bundled)
    assert Spacecraft.objects.get(pk=990_004).name == "First"
