"""Refreshing the stored figures of launches and pads from the launches the database holds.

A mirror holds a few of the launches LL2 numbers, so counts derived from them alone are
lower than LL2's. A stored figure (LL2's, as imported, or an earlier recompute's) is read as
what it says about the launches the database lacks, and kept where the launches held say
less:

- a stored count exceeding the count of the launches held, as they were when it was
  stored, says how many launches of the scope before it LL2 knew and this database lacks;
  the count recomputed is the count of the launches held now plus those. So a count never
  goes down by a recompute alone, and an edit that moves a launch (its NET, pad, provider,
  orbit) renumbers it and the launches it passes, in a mirror as in a complete history;
- a launch with no stored count (one added here, or moved to another pad, provider or
  year) is numbered after the launches held before it in its scope, with the most any of
  them says is missing: the launch after LL2's 264th from a pad is its 265th, not the
  database's third;
- a pad turnaround is derived only where the pad counts show that the launch held before
  it is the pad's previous launch (their counts differ by the launches held between them)
  or that it is the pad's first; elsewhere a stored one derived here is dropped (the
  launch moved) and one the history held never gave (LL2's) is kept;
- a pad's counts follow the same rule as a launch's, and its fastest turnaround is
  derived where the stored one is the launches held gave, else never goes up;
- a figure whose basis is missing (no NET, no pad, no location, no provider) stays as
  stored; a suborbital launch has no orbital counts.
"""

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from itertools import groupby

from django.db import transaction

from launchlibrary.launches import history
from launchlibrary.launches.history import LaunchRecord, Scope
from launchlibrary.launches.models import Launch, Pad
from launchlibrary.readpath import documents

LAUNCH_FIGURES = (*history.ATTEMPT_COUNTS, "pad_turnaround")
PAD_FIGURES = ("total_launch_count", "orbital_launch_attempt_count", "fastest_turnaround")
# LL2's launch statuses of a launch that has left its pad: Success, Failure, In Flight,
# Partial Failure (the others, Go, TBD, Hold and TBC, are of launches still to come).
LAUNCHED_STATUSES = frozenset({3, 4, 6, 7})
BATCH = 500


# What a launch's figures are derived from.
RECORD_FIELDS = (
    "id",
    "net",
    "pad_id",
    "pad__location_id",
    "launch_service_provider_id",
    "mission__orbit__abbrev",
    "status_id",
)


@dataclass(frozen=True)
class HeldHistory:
    """The launches held and their stored figures (by launch id), at one moment."""

    launches: list[LaunchRecord]
    figures: dict[Hashable, dict]


def held_history() -> HeldHistory:
    """The launches held now, with their stored figures."""
    rows = list(_launches().values(*RECORD_FIELDS, *LAUNCH_FIGURES))
    return HeldHistory(
        launches=[record_of(row) for row in rows],
        figures={row["id"]: {name: row[name] for name in LAUNCH_FIGURES} for row in rows},
    )


def recompute(before: HeldHistory | None = None) -> int:
    """Recompute the figures of every launch and of the pads they flew from; return how many
    rows changed.

    `before` is the history as it was when the stored figures were derived or imported,
    where an edit has changed it since (`held_history()` taken before the edit); by
    default, the history as it is.
    """
    with transaction.atomic():
        now = held_history()
        before = before or now
        figures = launch_figures(now, before)
        changed_launches = [
            Launch(pk=launch_id, **values)
            for launch_id, values in figures.items()
            if values != now.figures[launch_id]
        ]
        Launch.objects.bulk_update(changed_launches, LAUNCH_FIGURES, batch_size=BATCH)

        turnarounds = {key: values["pad_turnaround"] for key, values in figures.items()}
        turnarounds_before = {
            key: values["pad_turnaround"] for key, values in before.figures.items()
        }
        by_pad, by_pad_before = _by_pad(now.launches), _by_pad(before.launches)
        changed_pads = []
        for pad in Pad.objects.filter(pk__in=by_pad.keys() | by_pad_before.keys()):
            values = pad_figures(
                pad,
                history.PadHistory(by_pad[pad.pk], turnarounds),
                history.PadHistory(by_pad_before[pad.pk], turnarounds_before),
            )
            if any(getattr(pad, name) != value for name, value in values.items()):
                changed_pads.append(Pad(pk=pad.pk, **values))
        Pad.objects.bulk_update(changed_pads, PAD_FIGURES, batch_size=BATCH)

        if changed_launches:
            documents.mark_changed(Launch, [launch.pk for launch in changed_launches])
        if changed_pads:
            documents.mark_changed(Pad, [pad.pk for pad in changed_pads])
        documents.flush()
    return len(changed_launches) + len(changed_pads)


def _launches():
    return Launch.objects.filter(net__isnull=False)


def _by_pad(launches: Iterable[LaunchRecord]) -> defaultdict[int, list[LaunchRecord]]:
    by_pad = defaultdict(list)
    for launch in launches:
        if launch.pad is not None:
            by_pad[launch.pad].append(launch)
    return by_pad


def record_of(row: dict) -> LaunchRecord:
    return LaunchRecord(
        id=row["id"],
        net=row["net"],
        pad=row["pad_id"],
        location=row["pad__location_id"],
        agency=row["launch_service_provider_id"],
        orbital=row["mission__orbit__abbrev"] != history.SUBORBITAL,
        launched=row["status_id"] in LAUNCHED_STATUSES,
    )


def launch_figures(now: HeldHistory, before: HeldHistory) -> dict[Hashable, dict]:
    """Every launch's figures, from the launches held and the figures stored."""
    figures = {key: dict(values) for key, values in now.figures.items()}
    for name, scope in history.ATTEMPT_COUNTS.items():
        stored = {key: values[name] for key, values in now.figures.items()}
        for key, count in settled_counts(now.launches, before.launches, scope, stored).items():
            figures[key][name] = count

    # A turnaround derived here is replaced by what the history gives now, none if it
    # gives none (the launch moved); one it never gave (LL2's) stays until it does.
    derived_before = derivable_turnarounds(
        before.launches,
        {key: values["pad_launch_attempt_count"] for key, values in before.figures.items()},
    )
    derived = derivable_turnarounds(
        now.launches,
        {key: values["pad_launch_attempt_count"] for key, values in figures.items()},
    )
    for launch in now.launches:
        stored_turnaround = now.figures[launch.id]["pad_turnaround"]
        if launch.id in derived:
            figures[launch.id]["pad_turnaround"] = derived[launch.id]
        elif stored_turnaround is not None and derived_before.get(launch.id) == stored_turnaround:
            figures[launch.id]["pad_turnaround"] = None
    return figures


def settled_counts(
    launches: Sequence[LaunchRecord],
    before: Sequence[LaunchRecord],
    scope: Scope,
    stored: Mapping[Hashable, int | None],
) -> dict[Hashable, int | None]:
    """Each launch's count in the scope, by the partial-history rule (module docstring);
    a launch lacking what the scope is about is left out, to keep its stored count."""
    now = history.grouping(launches, scope)
    then = now if before is launches else history.grouping(before, scope)
    held_before = history.attempt_counts_of(then)
    settled: dict[Hashable, int | None] = {launch.id: None for launch in now.unnumbered}
    for group, members in now.groups.items():
        held = history.counts_in_group(members)
        # At least how many launches of the group LL2 knew up to this point, and this
        # database lacks: the most any stored count so far says.
        missing = 0
        for _, tied in groupby(members, key=lambda launch: launch.net):
            tied = list(tied)
            # A launch new to the group (added, or moved into it) has a count that says
            # nothing about it.
            lacking_by_launch = {
                launch.id: _lacking(stored[launch.id], held_before.get(launch.id))
                if then.group_of.get(launch.id) == group
                else None
                for launch in tied
            }
            said = [count for count in lacking_by_launch.values() if count is not None]
            missing = max([missing, *said])
            for launch in tied:
                lacking = lacking_by_launch[launch.id]
                settled[launch.id] = held[launch.id] + (missing if lacking is None else lacking)
    return settled


def _lacking(stored: int | None, held: int | None) -> int | None:
    """How many launches a stored count says the database lacked when it was stored (None:
    it says nothing)."""
    if stored is None or held is None:
        return None
    return max(stored - held, 0)


def derivable_turnarounds(
    launches: Sequence[LaunchRecord], pad_counts: Mapping[Hashable, int | None]
) -> dict[Hashable, timedelta]:
    """The pad turnarounds the launches held give with certainty: where the pad counts show
    that the launch held before one at its pad is the pad's previous launch (no launch the
    database lacks falls between them), or that there is none before it."""
    held = history.attempt_counts(launches, history.pad_attempts)
    previous_launches = history.previous_at_pad(launches)
    turnarounds = {}
    for launch in launches:
        if launch.pad is None or pad_counts.get(launch.id) is None:
            continue
        previous = previous_launches[launch.id]
        if previous is None:
            certain = pad_counts[launch.id] == held[launch.id]
        else:
            previous_count = pad_counts.get(previous.id)
            certain = previous_count is not None and (
                pad_counts[launch.id] - previous_count == held[launch.id] - held[previous.id]
            )
        if certain:
            turnarounds[launch.id] = history.pad_turnaround(launch, previous)
    return turnarounds


def pad_figures(pad: Pad, now: history.PadHistory, before: history.PadHistory) -> dict:
    """A pad's figures from the launches held there now, read against those held when its
    stored figures were (see the module docstring)."""
    return {
        "total_launch_count": _settled_pad_count(
            pad.total_launch_count, now.total_launch_count(), before.total_launch_count()
        ),
        "orbital_launch_attempt_count": _settled_pad_count(
            pad.orbital_launch_attempt_count,
            now.orbital_launch_attempt_count(),
            before.orbital_launch_attempt_count(),
        ),
        "fastest_turnaround": _settled_fastest(
            pad.fastest_turnaround, now.fastest_turnaround(), before.fastest_turnaround()
        ),
    }


def _settled_pad_count(stored: int | None, held: int, held_before: int) -> int | None:
    if stored is None:
        # Nothing stored, and nothing held to count: a count no one knows.
        return held or None
    return held + max(stored - held_before, 0)


def _settled_fastest(
    stored: timedelta | None, held: timedelta | None, held_before: timedelta | None
) -> timedelta | None:
    if stored is None or stored == held_before:
        return held
    return min(stored, held) if held is not None else stored
