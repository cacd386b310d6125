"""Launch figures derived from history (attempt counts, pad turnaround, pad figures), against
figures worked out by hand, and against LL2's own where the database holds part of its
history."""

import io
import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import call_command
from django.utils.dateparse import parse_datetime

from launchlibrary.agencies.models import Agency, AgencyType
from launchlibrary.api.durations import format_duration
from launchlibrary.ingest.importer import Importer, load_document, top_level_objects
from launchlibrary.launches import history
from launchlibrary.launches.history import LaunchRecord, PadHistory
from launchlibrary.launches.models import Launch, LaunchStatus, Mission, Orbit, Pad
from launchlibrary.launches.recompute import LAUNCH_FIGURES, PAD_FIGURES, recompute
from launchlibrary.locations.models import Location
from launchlibrary.readpath.models import Document
from tests.conftest import FIXTURES
from tests.test_admin import admin_url, form_data, librarian  # noqa: F401 (a fixture)


def instant(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


# One location, pads A and B, providers X and Y, around the new year 2024: L3 is suborbital,
# in the last hour of 2023; L6 has not flown yet.
#          name   NET (UTC)              pad  provider  orbital  launched
HISTORY = [
    ("L1", "2023-11-02T10:00:00", "A", "X", True, True),
    ("L2", "2023-12-20T08:30:00", "B", "Y", True, True),
    ("L3", "2023-12-31T23:30:00", "A", "X", False, True),
    ("L4", "2024-01-01T00:15:00", "A", "Y", True, True),
    ("L5", "2024-01-09T12:00:00", "B", "X", True, True),
    ("L6", "2024-02-01T00:00:00", "A", "X", True, False),
]
# Each launch's counts, L1 to L6.
COUNTS = {
    "orbital_launch_attempt_count": [1, 2, None, 3, 4, 5],
    "location_launch_attempt_count": [1, 2, 3, 4, 5, 6],
    "pad_launch_attempt_count": [1, 1, 2, 3, 2, 4],
    "agency_launch_attempt_count": [1, 1, 2, 2, 3, 4],
    "orbital_launch_attempt_count_year": [1, 2, None, 1, 2, 3],
    "location_launch_attempt_count_year": [1, 2, 3, 1, 2, 3],
    "pad_launch_attempt_count_year": [1, 1, 2, 1, 1, 2],
    "agency_launch_attempt_count_year": [1, 1, 2, 1, 1, 2],
}
# The first launch from each pad: zero, as LL2 prints it; Nov 2 10:00 to Dec 31 23:30 is 59
# days 13h30m; 45 minutes over the new year; Dec 20 08:30 to Jan 9 12:00 is 20 days 3h30m;
# Jan 1 00:15 to Feb 1 is 31 days less 15 minutes.
TURNAROUNDS = ["P0D", "P0D", "P59DT13H30M", "PT45M", "P20DT3H30M", "P30DT23H45M"]
# Launches flown: A L1, L3 (suborbital), L4; B L2, L5. L6's turnaround is not yet achieved.
PADS = {
    "A": {"total_launch_count": 3, "orbital_launch_attempt_count": 2, "fastest": "PT45M"},
    "B": {"total_launch_count": 2, "orbital_launch_attempt_count": 2, "fastest": "P20DT3H30M"},
}

RECORDS = [
    LaunchRecord(
        id=name,
        net=instant(net),
        pad={"A": 1, "B": 2}[pad],
        location=1,
        agency={"X": 10, "Y": 20}[agency],
        orbital=orbital,
        launched=launched,
    )
    for name, net, pad, agency, orbital, launched in HISTORY
]
NAMES = [name for name, *_ in HISTORY]


@pytest.mark.parametrize("figure", COUNTS)
def test_attempt_counts_number_each_launch_in_its_scope(figure):
    counts = history.attempt_counts(RECORDS, history.ATTEMPT_COUNTS[figure])
    assert [counts[name] for name in NAMES] == COUNTS[figure]


def test_launches_at_one_instant_share_a_count():
    """As LL2 numbers two launches NET 2024-10-31 from one pad: both its second."""
    tied = [
        LaunchRecord(id=name, net=instant("2024-03-01T00:00:00"), pad=2, location=1, agency=20)
        for name in ("T1", "T2")
    ]
    after = LaunchRecord(id="T3", net=instant("2024-03-02T00:00:00"), pad=2, location=1)
    launches = [*RECORDS, *tied, after]
    pads = history.attempt_counts(launches, history.pad_attempts)
    assert [pads["T1"], pads["T2"], pads["T3"]] == [4, 4, 5]  # after L2 and L5
    previous = history.previous_at_pad(launches)
    assert previous["T1"].id == previous["T2"].id == "L5"
    assert previous["T3"].id in {"T1", "T2"}
    assert format_duration(history.pad_turnaround(after, previous["T3"])) == "P1D"


def test_the_year_is_the_calendar_year_of_the_net_in_utc():
    # 01:45 on New Year's Day in Cairo is 23:45 on New Year's Eve in UTC.
    cairo = datetime.fromisoformat("2024-01-01T01:45:00+02:00")
    late = LaunchRecord(id="late", net=cairo, pad=1, location=1, agency=10)
    counts = history.attempt_counts(
        [*RECORDS, late], history.ATTEMPT_COUNTS["pad_launch_attempt_count_year"]
    )
    assert counts["late"] == 3  # after L1 and L3, of 2023


def test_a_launch_lacking_a_scope_is_left_out_and_a_suborbital_one_is_unnumbered():
    padless = LaunchRecord(id="padless", net=instant("2024-01-05T00:00:00"))
    counts = history.attempt_counts([*RECORDS, padless], history.pad_attempts)
    assert "padless" not in counts
    orbital = history.attempt_counts(RECORDS, history.orbital_attempts)
    assert orbital["L3"] is None


def test_pad_turnarounds():
    previous = history.previous_at_pad(RECORDS)
    turnarounds = [
        format_duration(history.pad_turnaround(launch, previous[launch.id])) for launch in RECORDS
    ]
    assert turnarounds == TURNAROUNDS


def test_pad_figures():
    previous = history.previous_at_pad(RECORDS)
    turnarounds = {
        launch.id: history.pad_turnaround(launch, previous[launch.id]) for launch in RECORDS
    }
    for pad, number in (("A", 1), ("B", 2)):
        pad_history = PadHistory(
            [launch for launch in RECORDS if launch.pad == number], turnarounds
        )
        assert pad_history.total_launch_count() == PADS[pad]["total_launch_count"]
        assert (
            pad_history.orbital_launch_attempt_count() == PADS[pad]["orbital_launch_attempt_count"]
        )
        assert format_duration(pad_history.fastest_turnaround()) == PADS[pad]["fastest"]


# The same history in the database.


@pytest.fixture
def cape(db) -> dict:
    """The history above as the launches held, without figures; by name, its launches and
    pads."""
    Launch.objects.all().delete()
    location = Location.objects.create(name="Test Cape")
    pads = {name: Pad.objects.create(name=f"Pad {name}", location=location) for name in "AB"}
    kind = AgencyType.objects.first()
    agencies = {name: Agency.objects.create(name=f"Provider {name}", type=kind) for name in "XY"}
    low_earth = Orbit.objects.get(name="Low Earth Orbit")
    suborbital = Orbit.objects.create(
        name="Sub-Orbital", abbrev="Sub", celestial_body=low_earth.celestial_body
    )
    success, _ = LaunchStatus.objects.get_or_create(pk=3, defaults={"name": "Launch Successful"})
    to_be_determined, _ = LaunchStatus.objects.get_or_create(
        pk=2, defaults={"name": "To Be Determined"}
    )
    launches = {}
    for name, net, pad, agency, orbital, launched in HISTORY:
        mission = Mission.objects.create(name=name, orbit=low_earth if orbital else suborbital)
        launches[name] = Launch.objects.create(
            id=uuid.uuid4(),
            name=f"Test rocket | {name}",
            net=instant(net),
            pad=pads[pad],
            launch_service_provider=agencies[agency],
            mission=mission,
            status=success if launched else to_be_determined,
        )
    return {**launches, **pads}


def recompute_command() -> str:
    out = io.StringIO()
    call_command("recompute", stdout=out)
    return out.getvalue()


def figures_of(cape: dict) -> dict:
    figures = {}
    for name in NAMES:
        launch = Launch.objects.get(pk=cape[name].pk)
        figures[name] = {figure: getattr(launch, figure) for figure in LAUNCH_FIGURES}
    return figures


def test_recompute_derives_the_figures_worked_by_hand(cape, get_json):
    assert "rows changed" in recompute_command()
    figures = figures_of(cape)
    for figure, counts in COUNTS.items():
        assert [figures[name][figure] for name in NAMES] == counts, figure
    assert [format_duration(figures[name]["pad_turnaround"]) for name in NAMES] == TURNAROUNDS
    # The documents served are rendered again: the pads' as the fast path serves them.
    for name, expected in PADS.items():
        served = get_json(f"/2.3.0/pads/{cape[name].pk}/")
        assert served["total_launch_count"] == expected["total_launch_count"]
        assert served["orbital_launch_attempt_count"] == expected["orbital_launch_attempt_count"]
        assert served["fastest_turnaround"] == expected["fastest"]
    document = Document.objects.get(schema="LaunchNormal", object_id=str(cape["L4"].pk))
    printed = json.loads(bytes(document.body))
    assert printed["orbital_launch_attempt_count"] == 3
    assert printed["agency_launch_attempt_count_year"] == 1


def test_stored_counts_say_how_many_launches_the_database_lacks(cape):
    """A mirror's launches at pad A, as LL2 numbered them: it knew 100 launches from the pad
    before L1, and more between L4 and L6. L4 was added here, without counts."""
    Launch.objects.filter(pk=cape["L1"].pk).update(
        pad_launch_attempt_count=101, pad_turnaround=timedelta(days=1)
    )
    Launch.objects.filter(pk=cape["L3"].pk).update(pad_launch_attempt_count=102)
    Launch.objects.filter(pk=cape["L6"].pk).update(pad_launch_attempt_count=110)
    Pad.objects.filter(pk=cape["A"].pk).update(
        total_launch_count=150,
        orbital_launch_attempt_count=140,
        fastest_turnaround=timedelta(minutes=30),
    )
    recompute()
    figures = figures_of(cape)
    assert [figures[name]["pad_launch_attempt_count"] for name in ("L1", "L3", "L4", "L6")] == [
        101,
        102,
        103,  # the third held, after the 100 the database lacks
        110,  # never lowered to the fourth held plus 100
    ]
    # L1's previous launch is not held: LL2's turnaround stays. L3 and L4 follow the one held
    # before them; L6 does not (launches the database lacks fall between).
    assert figures["L1"]["pad_turnaround"] == timedelta(days=1)
    assert format_duration(figures["L3"]["pad_turnaround"]) == "P59DT13H30M"
    assert format_duration(figures["L4"]["pad_turnaround"]) == "PT45M"
    assert figures["L6"]["pad_turnaround"] is None
    pad = Pad.objects.get(pk=cape["A"].pk)
    assert pad.total_launch_count == 150
    assert pad.orbital_launch_attempt_count == 140
    assert pad.fastest_turnaround == timedelta(minutes=30)


def test_recomputing_twice_changes_nothing_the_second_time(cape, ll2_launches):
    recompute()
    assert recompute() == 0


def test_moving_a_launch_renumbers_it_and_those_it_passes(cape, librarian):  # noqa: F811
    """In a complete history, moving L5 before L2 makes it pad B's first launch and L2 its
    second, with the turnaround between them; B's fastest turnaround is L2's now."""
    recompute()
    url = admin_url(Launch, "change", cape["L5"].pk)
    data = form_data(librarian, url)
    data.update({"net_0": "2023-12-01", "net_1": "12:00:00"})
    response = librarian.post(url, data)
    assert response.status_code == 302, response.context["errors"]
    figures = figures_of(cape)
    assert figures["L5"]["pad_launch_attempt_count"] == 1
    assert figures["L2"]["pad_launch_attempt_count"] == 2
    # Provider X: L1 (Nov 2), L5 (Dec 1), L3, L6; the orbital ones: L1, L5, L2, L4, L6.
    assert [figures[name]["agency_launch_attempt_count"] for name in ("L1", "L5", "L3", "L6")] == [
        1,
        2,
        3,
        4,
    ]
    assert [
        figures[name]["orbital_launch_attempt_count"] for name in ("L1", "L5", "L2", "L4", "L6")
    ] == [
        1,
        2,
        3,
        4,
        5,
    ]
    assert figures["L5"]["agency_launch_attempt_count_year"] == 2  # of 2023 now
    assert format_duration(figures["L5"]["pad_turnaround"]) == "P0D"
    # Dec 1 12:00 to Dec 20 08:30.
    assert format_duration(figures["L2"]["pad_turnaround"]) == "P18DT20H30M"
    assert format_duration(Pad.objects.get(pk=cape["B"].pk).fastest_turnaround) == "P18DT20H30M"


def test_deleting_a_launch_renumbers_those_after_it(cape, librarian):  # noqa: F811
    recompute()
    response = librarian.post(admin_url(Launch, "delete", cape["L4"].pk), {"post": "yes"})
    assert response.status_code == 302
    remaining = {name: Launch.objects.get(pk=cape[name].pk) for name in NAMES if name != "L4"}
    assert remaining["L6"].pad_launch_attempt_count == 3
    assert remaining["L6"].location_launch_attempt_count == 5
    # Dec 31 23:30 to Feb 1 00:00.
    assert format_duration(remaining["L6"].pad_turnaround) == "P31DT30M"
    pad = Pad.objects.get(pk=cape["A"].pk)
    assert pad.total_launch_count == 2
    assert format_duration(pad.fastest_turnaround) == "P59DT13H30M"


# LL2's own figures, where the database holds a few of the launches it numbers.

LAUNCH_FILES = [
    FIXTURES / "data" / "launches-upcoming-normal-2.3.0.json",
    FIXTURES / "data" / "launches-normal-2.3.0.json",
]


def ll2_launch(name: str) -> dict:
    for path in LAUNCH_FILES:
        for _, launch in top_level_objects(load_document(path.read_bytes())):
            if launch["name"] == name:
                return launch
    raise LookupError(name)


@pytest.fixture
def ll2_launches(db) -> None:
    """The launches of LL2's launch lists held too (added, as the bundled dataset is, where
    the database lacks them)."""
    for path in LAUNCH_FILES:
        Importer(new_only=set()).import_objects(top_level_objects(load_document(path.read_bytes())))


def test_recompute_keeps_every_figure_ll2_printed(ll2_launches):
    launches_before = {row["id"]: row for row in Launch.objects.values("id", *LAUNCH_FIGURES)}
    pads_before = {row["id"]: row for row in Pad.objects.values("id", *PAD_FIGURES)}
    recompute()
    for row in Launch.objects.values("id", *LAUNCH_FIGURES):
        before = launches_before[row["id"]]
        for figure in history.ATTEMPT_COUNTS:
            assert row[figure] == before[figure], (row["id"], figure)
    for row in Pad.objects.values("id", *PAD_FIGURES):
        assert row == pads_before[row["id"]]


@pytest.mark.parametrize(
    ("name", "turnaround"),
    [
        # Its pad's first launch: LL2 prints P0D in detailed mode.
        ("Sputnik 8K74PS | Sputnik 1", "P0D"),
        # Numbered 1 and 2 at pad 1/5 by LL2: Oct 4 19:28:34 to Nov 3 02:30.
        ("Sputnik 8K74PS | Sputnik 2", "P29DT7H1M26S"),
        # LL2's 264th and 265th from SLC-40: Oct 5 07:43 to Oct 7 14:52.
        ("Falcon 9 Block 5 | Hera", "P2DT7H9M"),
        # LL2's 114th from SLC-41, the only one held there; the 267th from SLC-40, after the
        # 265th: their previous launches are not held.
        ("Vulcan VC2S | Certification Flight 2", None),
        ("Falcon 9 Block 5 | Dragon CRS-2 SpX-31", None),
    ],
)
def test_pad_turnarounds_follow_ll2s_pad_counts(ll2_launches, name, turnaround):
    recompute()
    launch = Launch.objects.get(pk=ll2_launch(name)["id"])
    assert (
        format_duration(launch.pad_turnaround) if launch.pad_turnaround is not None else None
    ) == turnaround


def test_ll2_numbers_launches_to_come_by_net_whatever_their_status():
    """The reading of LL2's counts the functions follow: Starlink Group 10-10 and Hera, both
    To Be Confirmed, are SLC-40's 264th and 265th (only 263 had flown from it), and four
    launches NET Oct 31 share every count they have in common."""
    starlink, hera = (
        ll2_launch(name)
        for name in ("Falcon 9 Block 5 | Starlink Group 10-10", "Falcon 9 Block 5 | Hera")
    )
    assert starlink["status"]["abbrev"] == hera["status"]["abbrev"] == "TBC"
    assert starlink["pad"]["total_launch_count"] == 263
    assert (starlink["pad_launch_attempt_count"], hera["pad_launch_attempt_count"]) == (264, 265)
    assert parse_datetime(starlink["net"]) < parse_datetime(hera["net"])
    october_31 = [
        ll2_launch(name)
        for name in (
            "Ceres-1 | Unknown Payload",
            "Falcon 9 Block 5 | Dragon CRS-2 SpX-31",
            "Falcon 9 Block 5 | Koreasat 6A",
            "Falcon 9 Block 5 | Sirius SXM-9",
        )
    ]
    assert {launch["orbital_launch_attempt_count"] for launch in october_31} == {6785}
    assert {launch["pad_launch_attempt_count"] for launch in october_31[2:]} == {2}


def test_a_launch_added_in_the_admin_is_numbered_after_ll2s(ll2_launches, librarian):  # noqa: F811
    """A Falcon 9 added from SLC-40 after LL2's 267th from it (CRS-31, NET Oct 31 2024) is
    its 268th, two and a half days after it; SLC-40's launch of February 2026, LL2's 362nd,
    has one launch more before it now."""
    crs = Launch.objects.get(pk=ll2_launch("Falcon 9 Block 5 | Dragon CRS-2 SpX-31")["id"])
    february = Launch.objects.get(pad=crs.pad, net__year=2026, net__month=2)
    assert february.pad_launch_attempt_count == 362
    url = admin_url(Launch, "add")
    data = form_data(librarian, url)
    data.update(
        {
            "name": "Falcon 9 Block 5 | Added",
            "net_0": "2024-11-02",
            "net_1": "12:00:00",
            "pad": crs.pad_id,
            "launch_service_provider": crs.launch_service_provider_id,
            "mission": crs.mission_id,
            "status": crs.status_id,
        }
    )
    response = librarian.post(url, data)
    assert response.status_code == 302, response.context["errors"]
    added = Launch.objects.get(name="Falcon 9 Block 5 | Added")
    assert added.pad_launch_attempt_count == 268
    assert added.orbital_launch_attempt_count == 6786  # after the four of Oct 31, LL2's 6785th
    assert format_duration(added.pad_turnaround) == "P2DT12H"
    february.refresh_from_db()
    assert february.pad_launch_attempt_count == 363
