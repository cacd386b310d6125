"""The figures LL2 derives from a spacecraft's history, one function each.

A flight counts once its launch time has come (`launched <= at`); a flight without a
mission end, or one ending after `at`, is still under way at `at`. The same holds for a
docking without a departure.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class Span:
    """A flight (launch to mission end) or a docking (docking to departure)."""

    start: datetime
    end: datetime | None

    def began_by(self, at: datetime) -> bool:
        return self.start <= at

    def over_by(self, at: datetime) -> bool:
        return self.end is not None and self.end <= at

    def length_at(self, at: datetime) -> timedelta | None:
        if not self.began_by(at):
            return None
        return (self.end if self.over_by(at) else at) - self.start


def _total(spans: Sequence[Span], at: datetime) -> timedelta:
    return sum((span.length_at(at) for span in spans if span.began_by(at)), timedelta(0))


def flights_count(flights: Sequence[Span], at: datetime) -> int:
    return sum(1 for flight in flights if flight.began_by(at))


def mission_ends_count(flights: Sequence[Span], at: datetime) -> int:
    return sum(1 for flight in flights if flight.over_by(at))


def in_space(flights: Sequence[Span], at: datetime) -> bool:
    return any(flight.began_by(at) and not flight.over_by(at) for flight in flights)


def time_in_space(flights: Sequence[Span], at: datetime) -> timedelta:
    return _total(flights, at)


def time_docked(dockings: Sequence[Span], at: datetime) -> timedelta:
    return _total(dockings, at)


def flight_duration(flight: Span, at: datetime) -> timedelta | None:
    return flight.length_at(at)


def turn_around_time(flight: Span, previous: Span | None, at: datetime) -> timedelta | None:
    """From the end of the craft's previous mission to this launch."""
    if previous is None or not previous.over_by(at) or not flight.began_by(at):
        return None
    return flight.start - previous.end


def turn_around_times(flights: Sequence[Span], at: datetime) -> list[timedelta | None]:
    """Each flight's turn-around, the flights in launch order."""
    return [
        turn_around_time(flight, flights[index - 1] if index else None, at)
        for index, flight in enumerate(flights)
    ]


def fastest_turnaround(flights: Sequence[Span], at: datetime) -> timedelta | None:
    times = [time for time in turn_around_times(flights, at) if time is not None]
    return min(times, default=None)
