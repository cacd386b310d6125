"""The figures LL2 derives from the history of launches, one function each.

A launch's attempt counts number it among the launches of a scope: every orbital launch
(`orbital_...`), those of its pad's location, of its pad, of its launch service provider;
the `_year` forms within the calendar year (UTC) of its NET. Its count is how many launches
of the scope have a NET not after its own, itself included, whatever their status: a
launch still to come already has the place it will take if launches fly in NET order, and
launches at one instant share a count, as LL2 prints them (two launches NET 2024-10-31 from
one pad are both its second). A launch is orbital unless its mission's orbit is the
suborbital one; a suborbital launch has no place among orbital attempts.

The pad figures count the launches that have flown (`launched`) from each pad.
"""

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import groupby

# LL2's orbit of suborbital flights (id 15), by the abbreviation its names share over
# versions (`Suborbital`, `Sub-Orbital`).
SUBORBITAL = "Sub"


@dataclass(frozen=True)
class LaunchRecord:
    """What the figures of a launch are derived from: its NET and what it is counted among."""

    id: Hashable
    net: datetime
    pad: int | None = None
    location: int | None = None
    agency: int | None = None
    orbital: bool = True
    launched: bool = False


class _Unnumbered:
    """The scope of a launch that has no place in it (a suborbital launch among orbital
    attempts), as opposed to None, a launch lacking what the scope is about (a pad)."""

    def __repr__(self) -> str:
        return "UNNUMBERED"


UNNUMBERED = _Unnumbered()

# A scope names the group of launches a launch is numbered in.
Scope = Callable[[LaunchRecord], Hashable | None]


def orbital_attempts(launch: LaunchRecord) -> Hashable:
    return "orbital" if launch.orbital else UNNUMBERED


def location_attempts(launch: LaunchRecord) -> Hashable | None:
    return launch.location


def pad_attempts(launch: LaunchRecord) -> Hashable | None:
    return launch.pad


def agency_attempts(launch: LaunchRecord) -> Hashable | None:
    return launch.agency


def within_year(scope: Scope) -> Scope:
    """The same scope, each calendar year (UTC) of the NETs apart."""

    def scope_in_year(launch: LaunchRecord) -> Hashable | None:
        group = scope(launch)
        if group is None or group is UNNUMBERED:
            return group
        return (group, launch.net.astimezone(UTC).year)

    return scope_in_year


# Each count, in the order LL2 prints them, and the scope it numbers a launch in.
ATTEMPT_COUNTS: dict[str, Scope] = {
    "orbital_launch_attempt_count": orbital_attempts,
    "location_launch_attempt_count": location_attempts,
    "pad_launch_attempt_count": pad_attempts,
    "agency_launch_attempt_count": agency_attempts,
    "orbital_launch_attempt_count_year": within_year(orbital_attempts),
    "location_launch_attempt_count_year": within_year(location_attempts),
    "pad_launch_attempt_count_year": within_year(pad_attempts),
    "agency_launch_attempt_count_year": within_year(agency_attempts),
}


@dataclass
class Grouping:
    """Launches by the group a scope puts them in, each group in NET order, and those it
    leaves unnumbered."""

    groups: dict[Hashable, list[LaunchRecord]]
    unnumbered: list[LaunchRecord]
    group_of: dict[Hashable, Hashable | None]


def grouping(launches: Iterable[LaunchRecord], scope: Scope) -> Grouping:
    result = Grouping(groups=defaultdict(list), unnumbered=[], group_of={})
    for launch in launches:
        group = scope(launch)
        result.group_of[launch.id] = group
        if group is UNNUMBERED:
            result.unnumbered.append(launch)
        elif group is not None:
            result.groups[group].append(launch)
    for members in result.groups.values():
        members.sort(key=lambda launch: launch.net)
    return result


def counts_in_group(members: Sequence[LaunchRecord]) -> dict[Hashable, int]:
    """The counts of a group's launches, given in NET order: launches at one instant all
    count each other."""
    counts = {}
    position = 0
    for _, tied in groupby(members, key=lambda launch: launch.net):
        tied = list(tied)
        position += len(tied)
        counts.update((launch.id, position) for launch in tied)
    return counts


def attempt_counts(launches: Iterable[LaunchRecord], scope: Scope) -> dict[Hashable, int | None]:
    """Each launch's count in the scope: None for a launch that has no place in it; a
    launch lacking what the scope is about is left out."""
    return attempt_counts_of(grouping(launches, scope))


def attempt_counts_of(grouped: Grouping) -> dict[Hashable, int | None]:
    """The same, from the grouping of the launches by the scope."""
    counts: dict[Hashable, int | None] = {launch.id: None for launch in grouped.unnumbered}
    for members in grouped.groups.values():
        counts.update(counts_in_group(members))
    return counts


def previous_at_pad(launches: Sequence[LaunchRecord]) -> dict[Hashable, LaunchRecord | None]:
    """For each launch with a pad, the pad's launch before it: the latest with an earlier
    NET (None for the pad's first)."""
    previous: dict[Hashable, LaunchRecord | None] = {}
    for members in grouping(launches, pad_attempts).groups.values():
        latest_earlier = None
        for index, launch in enumerate(members):
            if index and members[index - 1].net < launch.net:
                latest_earlier = members[index - 1]
            previous[launch.id] = latest_earlier
    return previous


def pad_turnaround(launch: LaunchRecord, previous: LaunchRecord | None) -> timedelta:
    """The time from the pad's previous launch to this one; zero for a pad's first launch,
    as LL2 prints it (`P0D`)."""
    return launch.net - previous.net if previous is not None else timedelta(0)


@dataclass(frozen=True)
class PadHistory:
    """The launches held at one pad, and their pad turnarounds by launch id."""

    launches: Sequence[LaunchRecord]
    turnarounds: Mapping[Hashable, timedelta | None]

    def total_launch_count(self) -> int:
        """The launches that have flown from the pad."""
        return sum(1 for launch in self.launches if launch.launched)

    def orbital_launch_attempt_count(self) -> int:
        """The orbital launches that have flown from the pad."""
        return sum(1 for launch in self.launches if launch.launched and launch.orbital)

    def fastest_turnaround(self) -> timedelta | None:
        """The shortest turnaround of a launch that has flown from the pad after another (a
        pad's first launch, whose turnaround is zero, has none)."""
        turnarounds = (
            self.turnarounds.get(launch.id) for launch in self.launches if launch.launched
        )
        return min((time for time in turnarounds if time), default=None)
