"""What is special to the spacewalk, expedition and mission patch paths: a spacewalk's
duration worked out from its start and end (by `recompute` and on an edit in the admin),
the filters that read across relations (`astronaut__ids`, `launch__ids`, `owner__ids`,
`event__ids`, the start's `year`, an expedition's `space_station` and crew), and the made
spacewalks and expeditions imported and served back whole.

Generic behaviour (schemas, every filter, ordering, both read paths) is in tests/contract/."""

import json
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings

from launchlibrary.events.models import Event, EventType
from launchlibrary.spacewalks import history
from launchlibrary.spacewalks.models import Spacewalk
from tests.conftest import FIXTURES
from tests.contract.walk import READ_PATHS
from tests.test_admin import admin_url, form_data, librarian  # noqa: F401 (a fixture)
from tests.test_launches import import_objects

SPACEWALKS = "/2.3.0/spacewalks/"
EXPEDITIONS = "/2.3.0/expeditions/"
MISSION_PATCHES = "/2.3.0/mission_patches/"
LL2 = {"HTTP_HOST": "ll.thespacedevs.com", "secure": True, "HTTP_ACCEPT": "application/json"}
MADE_SPACEWALKS = FIXTURES / "made" / "spacewalks-detailed.json"
MADE_EXPEDITIONS = FIXTURES / "made" / "expeditions-detailed.json"

# The made rows (see tests/fixtures/README.md).
APOLLO_11_EVA, US_EVA_91, US_EVA_92 = 18, 491, 492
EXPEDITION_72, EXPEDITION_73 = 160, 162
EXPEDITION_72_PATCH, EXPEDITION_73_PATCH = 612, 631
ARMSTRONG, WILLIAMS, WILMORE, HAGUE = 7, 205, 198, 345
ISS, TIANGONG = 4, 18
NASA, CSA = 44, 16
# A bundled flight to the ISS, and the launch that carried it.
CREW_10_FLIGHT, CREW_10 = 840, "fb39ac94-5e74-4ee9-afc5-df19c4132b28"


def ids(client, path: str, **params) -> list[int]:
    response = client.get(path, {"format": "json", "limit": 100, **params})
    assert response.status_code == 200, response.content[:300]
    return sorted(row["id"] for row in response.json()["results"])


def served(client, spacewalk_id: int) -> dict:
    return client.get(f"{SPACEWALKS}{spacewalk_id}/", {"format": "json"}).json()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Writes made within it render their documents again, as on a commit."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def save(spacewalk_id: int, **values) -> None:
    spacewalk = Spacewalk.objects.get(pk=spacewalk_id)
    for name, value in values.items():
        setattr(spacewalk, name, value)
    spacewalk.save()


def call_command_output(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


# The duration, from the start and end


def test_a_duration_is_the_time_from_start_to_end_when_both_are_known():
    start = datetime(2025, 1, 30, 12, 43, tzinfo=UTC)
    assert history.duration(start, datetime(2025, 1, 30, 18, 9, tzinfo=UTC)) == timedelta(
        hours=5, minutes=26
    )
    assert history.duration(start, start) == timedelta(0)
    # Not derived: the imported duration stands.
    assert history.duration(start, None) is None
    assert history.duration(None, start) is None
    assert history.duration(start, start - timedelta(seconds=1)) is None


@pytest.mark.django_db
def test_recompute_works_each_duration_out_and_keeps_one_it_cannot(client, committed):
    with committed():
        # US Spacewalk 92 as LL2 might print it mid-edit: a duration its times contradict.
        save(US_EVA_92, duration=timedelta(hours=1))
        # One under way (no end yet): its duration as imported stands.
        save(US_EVA_91, end=None, duration=timedelta(hours=2))
        output = call_command_output("recompute", "--at", "2026-11-24T12:00:00Z")
    assert "1 of spacewalks" in output
    assert served(client, US_EVA_92)["duration"] == "PT5H26M"  # 12:43 to 18:09
    assert served(client, US_EVA_91)["duration"] == "PT2H"
    assert served(client, APOLLO_11_EVA)["duration"] == "PT2H31M40S"  # 02:39:33 to 05:11:13
    assert "0 of spacewalks" in call_command_output("recompute", "--at", "2026-11-24T12:00:00Z")


def test_an_edit_in_the_admin_derives_the_duration(librarian, client):  # noqa: F811
    url = admin_url(Spacewalk, "change", US_EVA_91)
    data = form_data(librarian, url)
    # Started an hour earlier: 12:01 to 19:01.
    response = librarian.post(url, {**data, "start_1": "12:01:00"})
    assert response.status_code == 302, response.context["errors"]
    assert served(client, US_EVA_91)["duration"] == "PT7H"
    # With no end, the duration given is kept.
    response = librarian.post(url, {**data, "end_0": "", "end_1": "", "duration": "03:00:00"})
    assert response.status_code == 302, response.context["errors"]
    assert served(client, US_EVA_91)["duration"] == "PT3H"


# Filters across relations


@pytest.mark.django_db
@pytest.mark.parametrize("read_path", READ_PATHS)
def test_spacewalks_by_crew_station_owner_program_and_start(client, read_path):
    with override_settings(LL2_READ_PATH=read_path):
        assert ids(client, SPACEWALKS, astronaut__ids=WILLIAMS) == [US_EVA_91, US_EVA_92]
        assert ids(client, SPACEWALKS, astronaut__ids=f"{ARMSTRONG},{HAGUE}") == [
            APOLLO_11_EVA,
            US_EVA_91,
        ]
        # The ISS's owners, any of them; each spacewalk once.
        assert ids(client, SPACEWALKS, owner__ids=f"{NASA},{CSA}") == [US_EVA_91, US_EVA_92]
        assert ids(client, SPACEWALKS, spacestation__ids=ISS) == [US_EVA_91, US_EVA_92]
        assert ids(client, SPACEWALKS, spacestation__ids=TIANGONG) == []
        assert ids(client, SPACEWALKS, program__name="Apollo") == [APOLLO_11_EVA]
        assert ids(client, SPACEWALKS, year=1969) == [APOLLO_11_EVA]
        assert ids(client, SPACEWALKS, year=2025, month=1, day="16,17") == [US_EVA_91]
        assert ids(client, SPACEWALKS, search="Wilmore") == [US_EVA_92]


@pytest.mark.django_db
def test_spacewalks_by_the_launch_of_their_flight_and_by_event(client, committed):
    with committed():
        event = Event.objects.create(
            name="US Spacewalk 92",
            slug="us-spacewalk-92",
            type=EventType.objects.get_or_create(id=9, defaults={"name": "Spacewalk"})[0],
        ).pk
        save(US_EVA_92, spacecraft_flight_id=CREW_10_FLIGHT, event_id=event)
    assert ids(client, SPACEWALKS, launch__ids=CREW_10) == [US_EVA_92]
    assert ids(client, SPACEWALKS, event__ids=f"{event},2147483646") == [US_EVA_92]
    detailed = served(client, US_EVA_92)
    assert detailed["spacecraft_flight"]["launch"]["id"] == CREW_10
    assert detailed["event"]["name"] == "US Spacewalk 92"
    assert client.get(SPACEWALKS, {"launch__ids": "notauuid"}).status_code == 400


@pytest.mark.django_db
def test_expeditions_by_station_and_crew(client):
    assert {EXPEDITION_72, EXPEDITION_73} <= set(ids(client, EXPEDITIONS, space_station=ISS))
    assert EXPEDITION_72 not in ids(client, EXPEDITIONS, space_station=TIANGONG)
    assert ids(client, EXPEDITIONS, crew__astronaut=WILMORE) == [EXPEDITION_72]
    assert EXPEDITION_72 in ids(client, EXPEDITIONS, crew__astronaut__agency=NASA)
    assert ids(client, EXPEDITIONS, search="Hague") == [EXPEDITION_72]
    assert ids(client, EXPEDITIONS, search="American") == [EXPEDITION_72]
    response = client.get(EXPEDITIONS, {"space_station": "2147483646"})
    assert response.status_code == 400 and "space_station" in response.json()


@pytest.mark.django_db
def test_an_expedition_lists_its_spacewalks_and_a_patch_its_expeditions(client):
    expedition = client.get(f"{EXPEDITIONS}{EXPEDITION_72}/", {"format": "json"}).json()
    assert expedition["response_mode"] == "detailed"
    assert [walk["id"] for walk in expedition["spacewalks"]] == [US_EVA_91, US_EVA_92]
    assert [seat["astronaut"]["id"] for seat in expedition["crew"]] == [WILLIAMS, WILMORE, HAGUE]
    assert ids(client, MISSION_PATCHES, ids=f"{EXPEDITION_72_PATCH},{EXPEDITION_73_PATCH}") == [
        EXPEDITION_72_PATCH,
        EXPEDITION_73_PATCH,
    ]
    patch = client.get(f"{MISSION_PATCHES}{EXPEDITION_72_PATCH}/", {"format": "json"}).json()
    assert patch["agency"]["abbrev"] == "NASA"
    assert [worn["id"] for worn in patch["expeditions"]] == [EXPEDITION_72]


# The made spacewalks and expeditions, imported and served back whole


@pytest.mark.django_db
@pytest.mark.parametrize("read_path", READ_PATHS)
def test_the_made_spacewalks_and_expeditions_are_served_back_as_imported(client, read_path):
    for path, made_file in ((SPACEWALKS, MADE_SPACEWALKS), (EXPEDITIONS, MADE_EXPEDITIONS)):
        made = json.loads(made_file.read_text())
        assert import_objects(made["results"]) == "no changes"  # loaded by the test session
        with override_settings(LL2_READ_PATH=read_path):
            page = client.get(path, {"mode": "detailed", "limit": 100}, **LL2).json()
            by_id = {obj["id"]: obj for obj in page["results"]}
            for obj in made["results"]:
                assert json.dumps(by_id[obj["id"]]) == json.dumps(obj), (path, obj["id"])
                detail = client.get(f"{path}{obj['id']}/", **LL2).json()
                assert json.dumps(detail) == json.dumps(obj), (path, obj["id"])
