"""The figures LL2 derives from an astronaut's history, one function each.

An astronaut's history is their trips, each from the launch of a flight whose launch crew
holds one of their seats to their landing (see `trips`), their landings (the mission ends
of flights whose landing crew holds one of their seats) and their spacewalks. A flight
counts once its launch time has come (`launched <= at`), as a spacecraft's does.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from launchlibrary.spacecraft import history as craft_history
from launchlibrary.spacecraft.history import Span


@dataclass(frozen=True)
class Walk:
    """A spacewalk: its start and end where known, and its duration as stored."""

    start: datetime | None
    end: datetime | None
    duration: timedelta | None = None

    def length_at(self, at: datetime) -> timedelta | None:
        if self.start is None:
            return self.duration
        if self.start > at:
            return None
        if self.end is None or self.end > at:
            return at - self.start  # under way
        return self.end - self.start


def trips(
    launches: Sequence[tuple[datetime, datetime | None]], landings: Sequence[datetime]
) -> list[Span]:
    """Each launch (its time, and its flight's mission end) as a trip, in launch order.

    A trip ends at the astronaut's first landing after the launch and before their next
    launch (a crew may come home on another craft than the one it went up on); failing
    that, at the end of the mission they launched on; failing that, it is under way.
    A trip of unknown end that a later launch follows, of a partial history, adds no time.
    """
    ordered = sorted(launches, key=lambda launch: launch[0])
    result = []
    for index, (launched, mission_end) in enumerate(ordered):
        following = ordered[index + 1][0] if index + 1 < len(ordered) else None
        ends = [
            landed
            for landed in landings
            if landed >= launched and (following is None or landed <= following)
        ]
        end = min(ends, default=mission_end)
        if end is None and following is not None:
            end = launched
        result.append(Span(launched, end))
    return result


def age(born: date | None, died: date | None, at: datetime) -> int | None:
    """Whole years from birth to death, or to `at` while alive."""
    if born is None:
        return None
    until = died or at.date()
    return until.year - born.year - ((until.month, until.day) < (born.month, born.day))


def flights_count(trips: Sequence[Span], at: datetime) -> int:
    return craft_history.flights_count(trips, at)


def landings_count(landings: Sequence[datetime], at: datetime) -> int:
    return sum(1 for landed in landings if landed <= at)


def spacewalks_count(walks: Sequence[Walk], at: datetime) -> int:
    return sum(1 for walk in walks if walk.start is None or walk.start <= at)


def time_in_space(trips: Sequence[Span], at: datetime) -> timedelta:
    return craft_history.time_in_space(trips, at)


def eva_time(walks: Sequence[Walk], at: datetime) -> timedelta:
    lengths = (walk.length_at(at) for walk in walks)
    return sum((length for length in lengths if length is not None), timedelta(0))


def first_flight(trips: Sequence[Span], at: datetime) -> datetime | None:
    return min((trip.start for trip in trips if trip.began_by(at)), default=None)


def last_flight(trips: Sequence[Span], at: datetime) -> datetime | None:
    return max((trip.start for trip in trips if trip.began_by(at)), default=None)


def in_space(trips: Sequence[Span], at: datetime) -> bool:
    return craft_history.in_space(trips, at)
