"""What is special to the event paths: which events the clock puts among the upcoming and the
previous ones (and moves between them with no write), their default orders, the filters with
no field behind them (`date__gt__lt` among them), `last_updated`, and the made events
imported and served back whole.

Generic behaviour (schemas, every filter, ordering, both read paths) is in tests/contract/."""

import json
from datetime import datetime, timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from launchlibrary.events.models import Event
from launchlibrary.launches.models import Launch, Update
from tests.conftest import FIXTURES
from tests.contract.walk import READ_PATHS
from tests.test_admin import admin_url, form_data, librarian  # noqa: F401 (a fixture)
from tests.test_launches import import_objects

EVENTS = "/2.3.0/events/"
UPCOMING = "/2.3.0/events/upcoming/"
PREVIOUS = "/2.3.0/events/previous/"
LL2 = {"HTTP_HOST": "ll.thespacedevs.com", "secure": True}
MADE_FILE = FIXTURES / "made" / "events-detailed.json"

PRESS_EVENT, SPACEWALK, DOCKING, CLIPPER_FLYBY, JUICE_FLYBY = 492, 519, 840, 927, 951
STATIC_FIRE, DEORBIT = 1061, 1024  # Booster 12's, the ISS's
CRS_31 = "f97bce95-052e-4fa9-80e8-dbedf16bc516"
ESA, NASA, SPACEX = 27, 44, 121
ISS_PROGRAM, CRS_PROGRAM = 17, 11


def results_of(client, path: str, read_path: str = "fast", **params) -> list[dict]:
    """Every object of a list, on a read path; the fast path's pages from documents (with
    an ETag)."""
    with override_settings(LL2_READ_PATH=read_path):
        response = client.get(path, {"format": "json", "limit": 100, "mode": "list", **params})
    assert response.status_code == 200, response.content[:300]
    assert ("ETag" in response) == (read_path == "fast")
    page = response.json()
    assert page["count"] == len(page["results"])
    return page["results"]


def ids(client, path: str, **params) -> list[int]:
    return [event["id"] for event in results_of(client, path, **params)]


@pytest.fixture
def dated(clock, edit):
    """Gives events dates relative to the clock, one made event after another."""
    events = iter(Event.objects.order_by("pk"))

    def place(delta: timedelta | None) -> int:
        event = next(events)
        with edit():
            event.date = None if delta is None else clock.now + delta
            event.save()
        return event.pk

    return place


# The clock's rule


def test_each_event_is_where_its_date_puts_it(client, dated):
    ahead = dated(timedelta(days=2))
    long_gone = dated(-timedelta(days=3))
    recent = dated(-timedelta(hours=12))
    undated = dated(None)
    upcoming, previous = ids(client, UPCOMING), ids(client, PREVIOUS)
    hiding_recent = ids(client, UPCOMING, hide_recent_previous="true")

    assert ahead in upcoming and ahead in hiding_recent and ahead not in previous
    assert long_gone in previous and long_gone not in upcoming
    # An event of the last 24 hours is among the upcoming ones unless hidden, and among the
    # previous ones already.
    assert recent in upcoming and recent not in hiding_recent and recent in previous
    assert ids(client, UPCOMING, hide_recent_previous="false") == upcoming
    # An event without a date is in neither list, only in the whole one.
    assert undated not in upcoming and undated not in previous
    assert set(ids(client, EVENTS)) >= {ahead, long_gone, recent, undated}


def test_the_detail_paths_serve_the_events_of_their_list(client, dated):
    ahead, long_gone = dated(timedelta(days=2)), dated(-timedelta(days=3))
    for path, served, not_served in ((UPCOMING, ahead, long_gone), (PREVIOUS, long_gone, ahead)):
        served_page = client.get(f"{path}{served}/", {"format": "json"})
        assert served_page.status_code == 200 and served_page.json()["id"] == served
        assert client.get(f"{path}{not_served}/", {"format": "json"}).status_code == 404


def test_an_event_moves_between_the_lists_as_its_date_passes_with_no_write(client, clock, dated):
    """On the fast path, with listings and responses kept between requests: what is kept
    from before a moment the rows change is not served after it."""
    event = dated(timedelta(hours=1))

    def where() -> dict[str, bool]:
        detail = client.get(f"{UPCOMING}{event}/", {"format": "json"})
        return {
            "upcoming": event in ids(client, UPCOMING),
            "hiding recent": event in ids(client, UPCOMING, hide_recent_previous="True"),
            "previous": event in ids(client, PREVIOUS),
            "upcoming detail": detail.status_code == 200,
        }

    ahead = {"upcoming": True, "hiding recent": True, "previous": False, "upcoming detail": True}
    assert where() == ahead
    assert where() == ahead  # served again from what was kept

    clock.advance(timedelta(hours=1, seconds=1))  # its date has just passed
    assert where() == {**ahead, "hiding recent": False, "previous": True}

    clock.advance(timedelta(hours=24))  # and its 24 hours among the upcoming ones
    gone = {"upcoming": False, "hiding recent": False, "previous": True, "upcoming detail": False}
    assert where() == gone


# Default orders


@pytest.mark.parametrize("read_path", READ_PATHS)
def test_lists_are_in_the_order_a_client_expects_ending_in_the_id(client, dated, read_path):
    for delta in (timedelta(days=2), timedelta(days=2), -timedelta(days=3), -timedelta(days=3)):
        dated(delta)  # two ties each way, broken by the id

    def dates(path: str) -> list[tuple[str, int]]:
        return [(event["date"], event["id"]) for event in results_of(client, path, read_path)]

    assert [id_ for _, id_ in dates(EVENTS)] == sorted(id_ for _, id_ in dates(EVENTS))
    upcoming = dates(UPCOMING)
    assert upcoming == sorted(upcoming)  # the soonest first
    previous = dates(PREVIOUS)
    assert previous == sorted(previous, reverse=True)  # the latest first
    assert len(upcoming) > 1 and len(previous) > 1
    # An ordering asked for still wins.
    by_update = results_of(client, UPCOMING, read_path, ordering="-last_updated")
    assert [event["id"] for event in by_update] == [
        pk
        for pk in Event.objects.filter(pk__in=[id_ for _, id_ in upcoming])
        .order_by("-last_updated", "-pk")
        .values_list("pk", flat=True)
    ]


# Filters with no field behind them


def filtered(client, path: str = EVENTS, **params) -> set[int]:
    return set(ids(client, path, **params))


def test_date_gt_lt_reads_as_date_lt(client):
    docked = "2024-11-05T15:21:00Z"  # the CRS-31 docking
    # Strictly before: not the docking itself.
    assert filtered(client, date__gt__lt=docked) == {PRESS_EVENT, SPACEWALK, STATIC_FIRE}
    assert DOCKING in filtered(client, date__gt__lt="2024-11-05T15:21:01Z")
    assert filtered(client, date__gt__lt="1000-01-01T00:00:00Z") == set()
    # With `date__gt`, a window.
    window = {"date__gt": "2021-06-16T11:42:00Z", "date__gt__lt": "2026-01-01T00:00:00Z"}
    assert filtered(client, **window) == {PRESS_EVENT, DOCKING, STATIC_FIRE}
    bad = client.get(EVENTS, {"format": "json", "date__gt__lt": "notadate"})
    assert bad.status_code == 400 and "date__gt__lt" in bad.json()


def test_comma_lists_of_ids_and_repeated_programs(client):
    assert filtered(client, id=f"{DOCKING},{JUICE_FLYBY}") == {DOCKING, JUICE_FLYBY}
    assert filtered(client, agency__ids=f"{ESA},{SPACEX}") == {
        PRESS_EVENT,
        SPACEWALK,
        DOCKING,
        JUICE_FLYBY,
        DEORBIT,
        STATIC_FIRE,
    }
    docking_type = Event.objects.get(pk=DOCKING).type_id
    flyby_type = Event.objects.get(pk=JUICE_FLYBY).type_id
    assert filtered(client, type__ids=f"{docking_type},{flyby_type}") == {
        DOCKING,
        CLIPPER_FLYBY,
        JUICE_FLYBY,
    }
    assert filtered(client, type=docking_type) == {DOCKING}
    # `program` is repeated for several; an event of both is listed once.
    response = client.get(
        EVENTS, {"format": "json", "mode": "list", "program": [ISS_PROGRAM, CRS_PROGRAM]}
    )
    listed = [event["id"] for event in response.json()["results"]]
    assert listed == [SPACEWALK, DOCKING, DEORBIT]


def test_a_video_finds_its_event(client):
    video = "https://www.youtube.com/watch?v=8wnUH9zO6iw"
    assert filtered(client, video_url=video) == {DOCKING}
    other = "https://www.youtube.com/watch?v=3N7L_zSsVVg"
    assert filtered(client, video_url=f"{video},{other}") == {DOCKING, PRESS_EVENT}
    assert filtered(client, video_url="https://www.youtube.com/watch?v=none") == set()


def test_day_month_and_year_read_the_date_in_utc(client):
    assert filtered(client, year="2021,2022") == {SPACEWALK, PRESS_EVENT}
    assert filtered(client, year=2024, month=11, day=5) == {DOCKING}
    assert filtered(client, month="6", day="16") == {SPACEWALK}


# last_updated


def test_an_edit_in_the_admin_sets_last_updated_to_now(librarian, client):  # noqa: F811
    event = Event.objects.get(pk=DOCKING)
    printed = event.last_updated
    assert printed.isoformat() == "2024-11-05T15:30:12+00:00"  # as LL2 printed it
    url = admin_url(Event, "change", DOCKING)

    # Saved unchanged: the event did not change, nor does its date.
    assert librarian.post(url, form_data(librarian, url)).status_code == 302
    event.refresh_from_db()
    assert event.last_updated == printed

    before = timezone.now()
    response = librarian.post(url, {**form_data(librarian, url), "webcast_live": "on"})
    assert response.status_code == 302, response.context["errors"]
    event.refresh_from_db()
    assert event.webcast_live and event.last_updated >= before
    # A mirror syncing since its last sync finds it.
    assert DOCKING in filtered(client, last_updated__gte=before.isoformat())
    assert DOCKING not in filtered(client, last_updated__lte=printed.isoformat())


def test_an_events_updates_are_listed_newest_first(client, edit):
    event = Event.objects.get(pk=DOCKING)
    with edit():
        for minute in (30, 10, 20):
            Update.objects.create(
                event=event,
                comment=f"At 15:{minute}",
                created_by="Launch Library",
                created_on=datetime.fromisoformat(f"2024-11-05T15:{minute}:00+00:00"),
            )
    for read_path in READ_PATHS:
        with override_settings(LL2_READ_PATH=read_path):
            served = client.get(f"{EVENTS}{DOCKING}/", {"format": "json"})
        comments = [update["comment"] for update in served.json()["updates"]]
        assert comments == ["At 15:30", "At 15:20", "At 15:10"], read_path


# The made events, imported and served back whole


def test_the_made_events_are_served_back_as_imported(client):
    made = json.loads(MADE_FILE.read_text())
    assert import_objects(made["results"]) == "no changes"  # loaded by the test session
    for read_path in READ_PATHS:
        with override_settings(LL2_READ_PATH=read_path):
            page = client.get(EVENTS, {"mode": "detailed", "limit": 100}, **LL2)
            assert page.json() == made, read_path
            for event in made["results"]:
                served = client.get(
                    f"{EVENTS}{event['id']}/", HTTP_ACCEPT="application/json", **LL2
                )
                assert json.dumps(served.json()) == json.dumps(event), (read_path, event["id"])


def test_an_event_in_detail_nests_what_it_is_linked_to(client):
    docking = client.get(f"{EVENTS}{DOCKING}/", {"format": "json"}).json()
    assert docking["response_mode"] == "detailed"
    assert [launch["id"] for launch in docking["launches"]] == [CRS_31]
    assert Launch.objects.get(pk=CRS_31).events.get().pk == DOCKING
    assert [station["name"] for station in docking["spacestations"]] == [
        "International Space Station"
    ]
    assert [program["id"] for program in docking["program"]] == [CRS_PROGRAM, ISS_PROGRAM]
    assert [agency["id"] for agency in docking["agencies"]] == [NASA, SPACEX]
    spacewalk = client.get(f"{EVENTS}{SPACEWALK}/", {"format": "json"}).json()
    assert spacewalk["duration"] == "PT7H15M"
    assert [astronaut["name"] for astronaut in spacewalk["astronauts"]] == ["Thomas Pesquet"]
