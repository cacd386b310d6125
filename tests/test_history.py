"""The figures derived from a spacecraft's history, against figures worked out by hand."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils.dateparse import parse_duration

from launchlibrary.api.durations import format_duration
from launchlibrary.spacecraft import history
from launchlibrary.spacecraft.history import Span


def instant(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


# A reusable capsule: two finished missions and a third under way, each docked once.
FLIGHTS = [
    Span(instant("2020-05-30T19:22:45"), instant("2020-08-02T18:48:06")),
    Span(instant("2021-04-23T09:49:02"), instant("2021-11-09T03:33:00")),
    Span(instant("2026-11-20T00:00:00"), None),
]
DOCKINGS = [
    Span(instant("2020-05-31T14:27:00"), instant("2020-08-01T23:34:00")),
    Span(instant("2021-04-24T09:08:00"), instant("2021-11-08T15:05:00")),
    Span(instant("2026-11-21T06:00:00"), None),
]
AT = instant("2026-11-24T12:00:00")


def test_flight_durations():
    durations = [format_duration(history.flight_duration(flight, AT)) for flight in FLIGHTS]
    # 63 days to Aug 2 19:22:45, less 34m39s; 198 days to Nov 8 then 17h44m less 2s; 4.5 days.
    assert durations == ["P63DT23H25M21S", "P199DT17H43M58S", "P4DT12H"]


def test_time_in_space_sums_the_flights_and_counts_the_one_under_way_until_now():
    assert format_duration(history.time_in_space(FLIGHTS, AT)) == "P268DT5H9M19S"


def test_time_docked_sums_the_dockings():
    # 62d 9h7m + 198d 5h57m + 3d 6h
    assert format_duration(history.time_docked(DOCKINGS, AT)) == "P263DT21H4M"


def test_turn_around_times_and_the_fastest():
    times = history.turn_around_times(FLIGHTS, AT)
    # Aug 2 2020 18:48:06 to Apr 23 2021 09:49:02: 264 days less 8h59m04s.
    assert times[0] is None
    assert format_duration(times[1]) == "P263DT15H56S"
    assert format_duration(times[2]) == "P1836DT20H27M"
    assert history.fastest_turnaround(FLIGHTS, AT) == times[1]


def test_counts_and_in_space():
    assert history.flights_count(FLIGHTS, AT) == 3
    assert history.mission_ends_count(FLIGHTS, AT) == 2
    assert history.in_space(FLIGHTS, AT) is True


def test_as_of_a_moment_between_missions():
    between = instant("2021-01-01T00:00:00")
    assert history.flights_count(FLIGHTS, between) == 1
    assert history.mission_ends_count(FLIGHTS, between) == 1
    assert history.in_space(FLIGHTS, between) is False
    assert format_duration(history.time_in_space(FLIGHTS, between)) == "P63DT23H25M21S"
    assert format_duration(history.time_docked(DOCKINGS, between)) == "P62DT9H7M"
    assert history.fastest_turnaround(FLIGHTS, between) is None
    assert history.flight_duration(FLIGHTS[1], between) is None


def test_a_mission_ending_after_the_instant_is_still_under_way():
    during = instant("2020-06-01T19:22:45")
    assert history.in_space(FLIGHTS, during) is True
    assert history.mission_ends_count(FLIGHTS, during) == 0
    assert history.time_in_space(FLIGHTS, during) == timedelta(days=2)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (timedelta(days=248, hours=23, minutes=4, seconds=6), "P248DT23H4M6S"),
        (timedelta(minutes=9), "PT9M"),
        (timedelta(days=1), "P1D"),
        (timedelta(0), "P0D"),
        (timedelta(seconds=59, microseconds=999_999), "PT59S"),
        (timedelta(hours=1, seconds=1), "PT1H1S"),
        (-timedelta(days=2, hours=3), "-P2DT3H"),
    ],
)
def test_durations_print_as_ll2_prints_them_and_read_back(value, text):
    assert format_duration(value) == text
    assert format_duration(parse_duration(text)) == text
