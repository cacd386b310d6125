"""`import_ll2` refuses what LL2 could not have sent, on SQLite and PostgreSQL alike: it names
the file and the JSON path, prints no traceback and changes nothing.

Each case alters a real object of the bundled data (or of a saved LL2 response), once at the
top level of a file and once nested."""

import hashlib
import json
import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from urllib.parse import quote

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError
from django.db import connection

from launchlibrary.agencies.models import Agency
from launchlibrary.spacecraft.models import Spacecraft
from tests.conftest import FIXTURES, REPO
from tests.test_importer import database_snapshot, run_import

# An id no bundled object has.
NEW_ID = 2_000_000


def seed_page() -> dict:
    """A seed page of spacecraft, its first renamed: that one is written before the altered
    fourth, so a refusal must undo a write."""
    page = json.loads((REPO / "data" / "90-seed-spacecraft-offset370.json").read_text())
    page["results"][0]["name"] += " (renamed)"
    return page


def iss() -> dict:
    """The ISS in detailed mode, renamed: its row is written before its docking locations."""
    stations = json.loads((REPO / "data" / "40-space_stations-detailed.json").read_text())
    station = stations[6]
    station["name"] += " (renamed)"
    return station


def launches_page() -> dict:
    """LL2's two oldest launches, unknown to the bundled data: the first is created before
    the altered second."""
    return json.loads((FIXTURES / "data" / "launches-normal-2.3.0.json").read_text())


# Objects to alter: a document and the path of an object in it.
CRAFT = (seed_page, "$.results[3]")
CONFIG = (seed_page, "$.results[3].spacecraft_config")
AGENCY = (seed_page, "$.results[3].spacecraft_config.agency")
ISS = (iss, "$")
DOCKING = (iss, "$.docking_location[4].currently_docked")
DOCKED_FLIGHT = "$.docking_location[4].currently_docked.flight_vehicle_chaser"
DOCKED_CRAFT = (iss, f"{DOCKED_FLIGHT}.spacecraft")
DOCKED_LAUNCH = (iss, f"{DOCKED_FLIGHT}.launch")
DOCKED_MISSION = (iss, f"{DOCKED_FLIGHT}.launch.mission")
LAUNCH = (launches_page, "$.results[1]")


def find(document: Any, json_path: str) -> Any:
    for key, index in re.findall(r"\.(\w+)|\[(\d+)\]", json_path):
        document = document[key] if key else document[int(index)]
    return document


def set_to(value: Any) -> Callable[[dict, str], None]:
    def alter(obj: dict, key: str) -> None:
        obj[key] = value

    return alter


def append(text: str) -> Callable[[dict, str], None]:
    def alter(obj: dict, key: str) -> None:
        obj[key] += text

    return alter


def as_new_without(obj: dict, key: str) -> None:
    """The object as one the database has never seen, lacking `key`."""
    obj["url"] = obj["url"].replace(f"/{obj['id']}/", f"/{NEW_ID}/")
    obj["id"] = NEW_ID
    del obj[key]


def naming_the_next_id(obj: dict, key: str) -> None:
    obj[key] = obj[key].replace(f"/{obj['id']}/", f"/{obj['id'] + 1}/")


def naming_a_configuration(obj: dict, key: str) -> None:
    """The same id, of another resource: an agency's `url` naming a spacecraft configuration."""
    obj[key] = obj[key].replace("/agencies/", "/spacecraft_configurations/")


@dataclass(frozen=True)
class Case:
    target: tuple[Callable[[], Any], str]
    key: str
    alter: Callable[[dict, str], None]
    reason: str
    # Whether the refusal names the object rather than its key (a key that is missing).
    at_object: bool = False

    def write(self, tmp_path) -> tuple[Any, str]:
        """The altered file, and the JSON path its refusal must name."""
        load, object_path = self.target
        document = load()
        self.alter(find(document, object_path), self.key)
        bad_file = tmp_path / "altered.json"
        bad_file.write_text(json.dumps(document))
        return bad_file, object_path if self.at_object else f"{object_path}.{self.key}"


def case(name: str, *args, **kwargs):
    return pytest.param(Case(*args, **kwargs), id=name)


OUT_OF_RANGE = "out of its column's range"
# Counts are columns of whole numbers from 0; durations have a minimum of 0.
NEGATIVE_COUNT = "out of its column's range, 0 to"
NEGATIVE = "Ensure this value is greater than or equal to 0"
TOO_LONG = "P200000000D"
HUGE = "P9999999999D"

CASES = [
    # Ids outside their column (an id past 2^63 is a traceback on SQLite, one past 2^31 is
    # stored there but a traceback on PostgreSQL), or below 0.
    case("id-2^70-top", CRAFT, "id", set_to(2**70), OUT_OF_RANGE),
    case("id-2^70-nested", AGENCY, "id", set_to(2**70), OUT_OF_RANGE),
    case("id-2^31-top", CRAFT, "id", set_to(2**31), OUT_OF_RANGE),
    case("id-2^31-nested", AGENCY, "id", set_to(2**31), OUT_OF_RANGE),
    case("id-negative-top", CRAFT, "id", set_to(-1), "LL2 ids are never below 0"),
    case("id-negative-nested", AGENCY, "id", set_to(-1), "LL2 ids are never below 0"),
    case("uuid-malformed-top", LAUNCH, "id", set_to("f8c9f344-a6df"), "is not a valid UUID"),
    case("uuid-malformed-nested", DOCKED_LAUNCH, "id", set_to("862b54e3"), "is not a valid UUID"),
    case("uuid-number-top", LAUNCH, "id", set_to(5), "not a UUID: 5"),
    case("uuid-number-nested", DOCKED_LAUNCH, "id", set_to(5), "not a UUID: 5"),
    # Integers outside their column.
    case("integer-2^31-top", CRAFT, "flights_count", set_to(2**31), OUT_OF_RANGE),
    case("integer-2^31-nested", DOCKED_CRAFT, "flights_count", set_to(2**31), OUT_OF_RANGE),
    case("integer-2^70-top", ISS, "onboard_crew", set_to(2**70), OUT_OF_RANGE),
    case("integer-2^70-nested", DOCKED_CRAFT, "mission_ends_count", set_to(2**70), OUT_OF_RANGE),
    # Control characters in text (NUL is a traceback on PostgreSQL, stored on SQLite).
    case("nul-top", CRAFT, "name", append("\x00"), "control character U+0000"),
    case("nul-nested", AGENCY, "name", append("\x00"), "control character U+0000"),
    case("escape-top", CRAFT, "description", append("\x1b[0m"), "control character U+001B"),
    case("escape-nested", DOCKED_CRAFT, "description", append("\x1b"), "control character U+001B"),
    case("delete-top", ISS, "description", append("\x7f"), "control character U+007F"),
    case("delete-nested", DOCKED_MISSION, "type", append("\x7f"), "control character U+007F"),
    # Negative counts and durations.
    case("count-negative-top", CRAFT, "flights_count", set_to(-1), NEGATIVE_COUNT),
    case("count-negative-nested", DOCKED_CRAFT, "mission_ends_count", set_to(-1), NEGATIVE_COUNT),
    case("crew-negative-top", ISS, "onboard_crew", set_to(-1), NEGATIVE_COUNT),
    case("crew-negative-nested", CONFIG, "crew_capacity", set_to(-3), NEGATIVE_COUNT),
    case("duration-negative-top", CRAFT, "time_in_space", set_to("-P1DT2H"), NEGATIVE),
    case("duration-negative-nested", DOCKED_CRAFT, "time_docked", set_to("-PT5S"), NEGATIVE),
    # Durations longer than a column holds (2^63 microseconds, a traceback on SQLite), or than
    # Python does.
    case("duration-long-top", CRAFT, "time_in_space", set_to(TOO_LONG), OUT_OF_RANGE),
    case("duration-long-nested", DOCKED_CRAFT, "time_docked", set_to(TOO_LONG), OUT_OF_RANGE),
    case("duration-huge-top", CRAFT, "time_in_space", set_to(HUGE), "out of range"),
    case("duration-huge-nested", DOCKED_CRAFT, "time_docked", set_to(HUGE), "out of range"),
    # Moments that, once in UTC, are past the year 9999 or before the year 1.
    case("moment-late-top", LAUNCH, "net", set_to("9999-12-31T23:00:00-05:00"), "out of range"),
    case("moment-early-nested", DOCKING, "docking", set_to("0001-01-01T00:00+05:00"), "range"),
    # A new object without a field its row needs.
    case("new-no-name-top", CRAFT, "name", as_new_without, "a new Spacecraft needs `name`", True),
    case("new-no-name-nested", AGENCY, "name", as_new_without, "a new Agency needs `name`", True),
    case("new-no-status-top", CRAFT, "status", as_new_without, "Spacecraft needs `status`", True),
    case("new-no-type-nested", AGENCY, "type", as_new_without, "a new Agency needs `type`", True),
    # An object's own `url` naming another object.
    case("url-other-id-top", CRAFT, "url", naming_the_next_id, "names another object"),
    case("url-other-id-nested", CONFIG, "url", naming_the_next_id, "names another object"),
    case("url-other-resource", AGENCY, "url", naming_a_configuration, "names another object"),
]


@pytest.mark.parametrize("case", CASES)
@pytest.mark.django_db
def test_what_ll2_could_not_have_sent_is_refused_and_changes_nothing(tmp_path, case):
    bad_file, json_path = case.write(tmp_path)
    before = database_snapshot()
    with pytest.raises(CommandError) as refusal:
        run_import(bad_file)
    message = str(refusal.value)
    assert message.startswith(f"{bad_file}: refused at {json_path}: "), message
    assert case.reason in message
    assert database_snapshot() == before


def subprocess_database(tmp_path) -> tuple[str, Callable[[], Any]]:
    """A `DATABASE_URL` under which another process sees this test's database, and what to
    compare before and after it ran: PostgreSQL's test database itself, or SQLite's, which
    lives in this process's memory, copied to a file."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        copy = tmp_path / "copy.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(copy) as target:
            connection.connection.backup(target)
        return f"sqlite:///{copy}", lambda: hashlib.sha256(copy.read_bytes()).digest()
    user, password = quote(settings["USER"] or ""), quote(settings["PASSWORD"] or "")
    url = f"postgres://{user}:{password}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"
    return url, database_snapshot


@pytest.mark.parametrize(
    "case",
    [param for param in CASES if param.id in {"id-2^70-top", "nul-top", "duration-long-top"}],
)
@pytest.mark.django_db
def test_the_command_a_user_runs_prints_the_refusal_and_no_traceback(tmp_path, case):
    bad_file, json_path = case.write(tmp_path)
    database_url, state = subprocess_database(tmp_path)
    before = state()
    result = subprocess.run(
        [sys.executable, "manage.py", "import_ll2", str(bad_file)],
        cwd=REPO,
        env={**os.environ, "DATABASE_URL": database_url},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert f"{bad_file}: refused at {json_path}: " in result.stderr
    assert case.reason in result.stderr
    assert state() == before


@pytest.mark.django_db
def test_what_ll2_does_send_is_taken(tmp_path):
    """Id 0 (LL2's net precision "Second"), tabs and line breaks, zero counts and durations,
    and an existing object in a shorter form, without the name it is stored with."""
    page = seed_page()
    craft = page["results"][3]
    craft.update(description="One line,\r\n\tanother.", flights_count=0, time_docked="P0D")
    agency = craft["spacecraft_config"]["agency"]
    del agency["name"]
    station = iss()
    assert find(station, f"{DOCKED_FLIGHT}.launch.net_precision")["id"] == 0
    for name, document in [("page.json", page), ("station.json", station)]:
        (tmp_path / name).write_text(json.dumps(document))
        run_import(tmp_path / name)
    stored = Spacecraft.objects.get(pk=craft["id"])
    assert stored.description == "One line,\r\n\tanother."
    assert (stored.flights_count, stored.time_docked) == (0, timedelta(0))
    assert Agency.objects.get(pk=agency["id"]).name == "Russian Federal Space Agency (ROSCOSMOS)"


def test_the_models_refuse_negative_counts_and_durations_too():
    """The admin's forms run the same validators."""
    craft = Spacecraft(flights_count=-1, time_in_space=timedelta(seconds=-1))
    with pytest.raises(ValidationError) as refusal:
        craft.clean_fields(exclude={"name", "status", "spacecraft_config"})
    assert set(refusal.value.message_dict) == {"flights_count", "time_in_space"}
