"""What is special to `/dashboard/starship/`: one object, not a page, with no detail path;
its launches and events split by the clock (moving with no write), each list cut by
`limit`; a write to what it shows served at once; LL2's response imported and served back
byte for byte.

Generic behaviour (schemas, modes, both read paths, query counts) is in tests/contract/."""

import json
from datetime import UTC, datetime, timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from launchlibrary.dashboard.models import Dashboard, RoadClosure
from launchlibrary.ingest.importer import Importer, top_level_objects
from launchlibrary.launches.models import Launch, Update
from tests.conftest import FIXTURES

DASHBOARD = "/2.3.0/dashboard/starship/"
LL2 = {"HTTP_HOST": "ll.thespacedevs.com", "secure": True}
MADE_FILE = FIXTURES / "made" / "dashboard-starship.json"
# When the made file was served: the day before Starship's sixth flight.
SERVED_AT = datetime(2024, 11, 18, 20, 0, tzinfo=UTC)
FLIGHT_4 = "a5ad7a6c-0bc5-4b0f-b6b9-6af3d0fc6b1f"
FLIGHT_6 = "3f2bd6c4-0f5c-4d1e-9a58-4ce8a4e6b7d2"
FLIGHT_6_NET = datetime(2024, 11, 19, 22, 0, tzinfo=UTC)
STATIC_FIRE = 1061  # Booster 12 Static Fire


@pytest.fixture
def clock(clock):
    """The clock the tests move (tests/conftest.py), set to when the made file was served."""
    clock.now = SERVED_AT
    return clock


def dashboard(client, read_path: str = "fast", **params) -> dict:
    with override_settings(LL2_READ_PATH=read_path):
        response = client.get(DASHBOARD, {"format": "json", **params})
    assert response.status_code == 200, response.content[:500]
    if read_path == "fast":
        assert "ETag" in response  # kept whole, as the read path keeps responses
    return response.json()


def ids(side: dict) -> dict[str, list]:
    return {kind: [obj["id"] for obj in objects] for kind, objects in side.items()}


@pytest.mark.django_db
def test_the_made_file_is_served_back_byte_for_byte(client, clock):
    """LL2's response (made, in its shape), imported with the bundled data by the test
    session, is served back as it was, the day before the flight it shows upcoming."""
    made = json.loads(MADE_FILE.read_text())
    expected = json.dumps(made, ensure_ascii=False, separators=(",", ":")).encode()
    for read_path in ("live", "fast"):
        with override_settings(LL2_READ_PATH=read_path):
            response = client.get(DASHBOARD, HTTP_ACCEPT="application/json", **LL2)
        assert response.content == expected, read_path


@pytest.mark.django_db
def test_an_import_with_no_dashboard_held_makes_it(client, clock):
    """The dashboard's row is made from its shape alone (the response has no id or url), its
    upcoming and previous lists joined as one of launches and one of events; importing the
    response again changes nothing."""
    made = json.loads(MADE_FILE.read_text())
    Dashboard.objects.all().delete()
    report = Importer().import_objects(top_level_objects(made))
    assert report.changed
    [row] = Dashboard.objects.all()
    assert row.slug == "starship"
    launches = sorted(str(pk) for pk in row.launches.values_list("pk", flat=True))
    assert launches == sorted([FLIGHT_4, FLIGHT_6])
    response = client.get(DASHBOARD, HTTP_ACCEPT="application/json", **LL2)
    assert response.json() == made
    assert Importer().import_objects(top_level_objects(made)).changed == 0


@pytest.mark.django_db
def test_the_bundled_load_fills_the_dashboard_it_makes_and_no_other(client, clock):
    """`load_bundled` adds only what the database lacks: a dashboard it makes is filled, one
    held before (an admin's) is left as it is."""
    made = json.loads(MADE_FILE.read_text())
    Dashboard.objects.get().road_closures.clear()
    assert Importer(new_only=set()).import_objects(top_level_objects(made)).changed == 0
    assert Dashboard.objects.get().road_closures.count() == 0

    Dashboard.objects.all().delete()
    Importer(new_only=set()).import_objects(top_level_objects(made))
    response = client.get(DASHBOARD, HTTP_ACCEPT="application/json", **LL2)
    assert response.json() == made


@pytest.mark.django_db
def test_one_object_in_each_mode_and_no_detail_path(client, clock):
    for mode, launch_mode, event_mode in [
        ("list", "list", "list"),
        ("normal", "normal", None),
        ("detailed", "detailed", None),
    ]:
        body = dashboard(client, mode=mode)
        assert body["response_mode"] == mode
        assert list(body) == [
            "response_mode",
            "updates",
            "live_streams",
            "road_closures",
            "notices",
            "vehicles",
            "orbiters",
            "upcoming",
            "previous",
        ]
        assert ids(body["upcoming"]) == {"launches": [FLIGHT_6], "events": []}
        assert ids(body["previous"]) == {"launches": [FLIGHT_4], "events": [STATIC_FIRE]}
        assert body["upcoming"]["launches"][0]["response_mode"] == launch_mode
        assert body["previous"]["events"][0].get("response_mode") == event_mode
    assert dashboard(client, mode="bogus") == dashboard(client)
    for path in (f"{DASHBOARD}1/", f"{DASHBOARD}starship/"):
        response = client.get(path, {"format": "json"})
        assert response.status_code == 404


@pytest.mark.django_db
def test_no_dashboard_answers_404(client):
    Dashboard.objects.all().delete()
    for read_path in ("live", "fast"):
        with override_settings(LL2_READ_PATH=read_path):
            response = client.get(DASHBOARD, {"format": "json"})
        assert response.status_code == 404
        assert response.json() == {"detail": "No Dashboard matches the given query."}


@pytest.mark.django_db
def test_a_net_passing_moves_a_launch_to_previous_without_a_write(client, clock):
    """As on `/launches/upcoming/`: a launch is upcoming until 24 hours after its NET, and
    previous from its NET on, so it is on both sides for those 24 hours."""
    before = dashboard(client)
    assert ids(before["upcoming"])["launches"] == [FLIGHT_6]
    assert dashboard(client) == before  # kept, and served again

    clock.now = FLIGHT_6_NET + timedelta(minutes=1)
    during = dashboard(client)
    assert ids(during["upcoming"])["launches"] == [FLIGHT_6]
    assert ids(during["previous"])["launches"] == [FLIGHT_6, FLIGHT_4]

    clock.advance(timedelta(hours=24))
    after = dashboard(client)
    assert ids(after["upcoming"])["launches"] == []
    assert ids(after["previous"])["launches"] == [FLIGHT_6, FLIGHT_4]


@pytest.mark.django_db
def test_limit_cuts_each_list_of_launches_and_events(client):
    """`limit` (10 unless given, at most 100, read as a page's) cuts the upcoming and the
    previous launches and events each, keeping those nearest now; the curated lists are
    whole."""
    row = Dashboard.objects.get()
    row.launches.set(Launch.objects.all())
    latest_first = list(
        Launch.objects.filter(net__lte=timezone.now())
        .order_by("-net", "-id")
        .values_list("pk", flat=True)
    )
    assert len(latest_first) > 12
    expected = [str(pk) for pk in latest_first]
    for params, length in [
        ({}, 10),
        ({"limit": 3}, 3),
        ({"limit": 0}, 10),
        ({"limit": -5}, 10),
        ({"limit": "abc"}, 10),
        ({"limit": 101}, min(100, len(expected))),
    ]:
        for read_path in ("live", "fast"):
            body = dashboard(client, read_path, **params)
            assert ids(body["previous"])["launches"] == expected[:length], (params, read_path)
            assert len(body["previous"]["events"]) == 1
            assert len(body["live_streams"]) == len(body["vehicles"]) == 1


@pytest.mark.django_db
def test_a_write_to_what_the_dashboard_shows_is_served_at_once(
    client, django_capture_on_commit_callbacks
):
    assert dashboard(client)["road_closures"][0]["title"] == "Primary Date"
    with django_capture_on_commit_callbacks(execute=True):
        RoadClosure.objects.filter(pk=1648).update(title="Primary Date")  # no signal
        closure = RoadClosure.objects.get(pk=1648)
        closure.title = "Backup Date"
        closure.save()
    assert dashboard(client)["road_closures"][0]["title"] == "Backup Date"
    with django_capture_on_commit_callbacks(execute=True):
        Dashboard.objects.get().road_closures.clear()
    assert dashboard(client)["road_closures"] == []


@pytest.mark.django_db
def test_its_updates_are_listed_newest_first(client, django_capture_on_commit_callbacks):
    """The made file holds none (the bundled data has none, and `/updates/` lists them all)."""
    with django_capture_on_commit_callbacks(execute=True):
        row = Dashboard.objects.get()
        for pk, day in [(6114, 15), (6120, 18)]:
            row.updates.add(
                Update.objects.create(
                    id=pk,
                    comment=f"Flight 6, {day} November",
                    created_by="Nosu",
                    created_on=datetime(2024, 11, day, 21, 0, tzinfo=UTC),
                )
            )
    updates = dashboard(client)["updates"]
    assert [update["id"] for update in updates] == [6120, 6114]
    assert list(updates[0]) == [
        "id",
        "profile_image",
        "comment",
        "info_url",
        "created_by",
        "created_on",
    ]
