"""Refreshing the stored figures of astronauts, and the flights, landings and spacewalks
their detailed form lists, from their seats on flights and spacewalks."""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import datetime

from django.db import transaction
from django.db.models import QuerySet

from launchlibrary.astronauts import history
from launchlibrary.astronauts.history import Walk
from launchlibrary.astronauts.models import Astronaut
from launchlibrary.ingest.importer import set_in_order
from launchlibrary.readpath import documents
from launchlibrary.spacecraft.models import SpacecraftFlight
from launchlibrary.spacewalks.models import Spacewalk
from launchlibrary.writes import save_changed

# The figures of each part of a history that only grow as it grows, and the list it fills.
FLIGHT_FIGURES = ("flights_count", "time_in_space")
LANDING_FIGURES = ("landings_count",)
SPACEWALK_FIGURES = ("spacewalks_count", "eva_time")


def recompute(at: datetime, astronaut_ids: Iterable[int] | None = None) -> int:
    """Recompute the figures of every astronaut (or of those given) as of `at`; return how
    many rows changed.

    A mirror may know only part of an astronaut's history: where it knows fewer flights
    (landings, spacewalks) than the stored (imported) count, no figure of that part is
    replaced by a worse one derived from what it knows: counts and times never go down,
    the first flight never later, the last never earlier, and the listed flights (landings,
    spacewalks) keep those imported beside those derived.
    """
    astronauts = Astronaut.objects.all()
    if astronaut_ids is not None:
        astronauts = astronauts.filter(pk__in=astronaut_ids)
    launched, landed, walked = _history(astronauts)

    changed = 0
    with transaction.atomic():
        for astronaut in astronauts:
            changed += _refresh(
                astronaut, launched[astronaut.pk], landed[astronaut.pk], walked[astronaut.pk], at
            )
        documents.flush()
    return changed


def _history(astronauts: QuerySet) -> tuple[dict, dict, dict]:
    """Each astronaut's launched flights, landed flights and spacewalks, by astronaut id."""
    launched, landed, walked = defaultdict(dict), defaultdict(dict), defaultdict(dict)
    flights = SpacecraftFlight.objects.filter(rocket__launch__net__isnull=False).select_related(
        "rocket__launch"
    )
    for relation, found in (("launch_crew", launched), ("landing_crew", landed)):
        for flight, astronaut_id in _by_astronaut(flights, relation, astronauts):
            found[astronaut_id][flight.pk] = flight
    for walk, astronaut_id in _by_astronaut(Spacewalk.objects.all(), "crew", astronauts):
        walked[astronaut_id][walk.pk] = walk
    return launched, landed, walked


def _by_astronaut(rows: QuerySet, crew: str, astronauts: QuerySet) -> Iterator[tuple]:
    """(row, astronaut id) for each seat of the crews of the rows, for the given astronauts."""
    seated = rows.filter(**{f"{crew}__astronaut__in": astronauts.values("pk")})
    pairs = list(seated.values_list("pk", f"{crew}__astronaut"))
    by_pk = {row.pk: row for row in rows.filter(pk__in={pk for pk, _ in pairs})}
    for pk, astronaut_id in pairs:
        yield by_pk[pk], astronaut_id


def _refresh(astronaut: Astronaut, launched: dict, landed: dict, walked: dict, at: datetime) -> int:
    flights = sorted(launched.values(), key=lambda flight: (flight.rocket.launch.net, flight.pk))
    landings = sorted(
        (flight for flight in landed.values() if flight.mission_end is not None),
        key=lambda flight: (flight.mission_end, flight.pk),
    )
    walks = sorted(walked.values(), key=lambda walk: (walk.start is None, walk.start, walk.pk))
    landing_times = [flight.mission_end for flight in landings]
    trips = history.trips(
        [(flight.rocket.launch.net, flight.mission_end) for flight in flights], landing_times
    )
    spans = [Walk(walk.start, walk.end, walk.duration) for walk in walks]
    figures = {
        "age": history.age(astronaut.date_of_birth, astronaut.date_of_death, at),
        "flights_count": history.flights_count(trips, at),
        "landings_count": history.landings_count(landing_times, at),
        "spacewalks_count": history.spacewalks_count(spans, at),
        "time_in_space": history.time_in_space(trips, at),
        "eva_time": history.eva_time(spans, at),
        "first_flight": history.first_flight(trips, at),
        "last_flight": history.last_flight(trips, at),
        "in_space": history.in_space(trips, at),
    }
    if figures["age"] is None:
        figures["age"] = astronaut.age  # no birth date: the age as imported
    lists = {
        "flights": [
            flight.rocket.launch.pk for flight in flights if flight.rocket.launch.net <= at
        ],
        "landings": [flight.pk for flight in landings if flight.mission_end <= at],
        "spacewalks": [walk.pk for walk in walks if walk.start is None or walk.start <= at],
    }
    for counted, grown, listed in (
        ("flights_count", FLIGHT_FIGURES, "flights"),
        ("landings_count", LANDING_FIGURES, "landings"),
        ("spacewalks_count", SPACEWALK_FIGURES, "spacewalks"),
    ):
        if (getattr(astronaut, counted) or 0) > figures[counted]:
            _keep_imported(astronaut, figures, grown)
            stored = _linked(astronaut, listed)
            lists[listed] = list(dict.fromkeys([*stored, *lists[listed]]))
            if listed == "flights":
                _keep_imported_flight_dates(astronaut, figures)
    changed = int(save_changed(astronaut, figures))
    for name, pks in lists.items():
        changed += int(set_in_order(astronaut, name, pks))
    return changed


def _linked(astronaut: Astronaut, name: str) -> list:
    """The pks an astronaut's many-to-many field links, in the order they were linked."""
    field = Astronaut._meta.get_field(name)
    links = field.remote_field.through._default_manager.filter(
        **{field.m2m_field_name(): astronaut.pk}
    )
    return list(links.order_by("pk").values_list(f"{field.m2m_reverse_field_name()}_id", flat=True))


def _keep_imported(astronaut: Astronaut, figures: dict, names: Iterable[str]) -> None:
    for name in names:
        stored = getattr(astronaut, name)
        if stored is not None:
            figures[name] = max(stored, figures[name])


def _keep_imported_flight_dates(astronaut: Astronaut, figures: dict) -> None:
    """Without every flight known, the first flight is never later, the last never earlier,
    and only a known flight under way says more than the stored `in_space`."""
    for name, better in (("first_flight", min), ("last_flight", max)):
        known = [value for value in (getattr(astronaut, name), figures[name]) if value]
        figures[name] = better(known, default=None)
    figures["in_space"] = figures["in_space"] or astronaut.in_space
