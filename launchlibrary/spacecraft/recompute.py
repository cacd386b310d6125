"""Refreshing the stored figures of spacecraft and their flights from their history."""

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime

from django.db import transaction

from launchlibrary.readpath import documents
from launchlibrary.spacecraft import history
from launchlibrary.spacecraft.history import Span
from launchlibrary.spacecraft.models import Spacecraft, SpacecraftFlight
from launchlibrary.stations.models import DockingEvent
from launchlibrary.writes import save_changed

# Figures that only grow as history grows, and the one that only shrinks.
GROWING = ("flights_count", "mission_ends_count", "time_in_space", "time_docked")


def recompute(at: datetime, spacecraft_ids: Iterable[int] | None = None) -> int:
    """Recompute the figures of every spacecraft (or of those given) as of `at`; return how
    many rows changed.

    A mirror may know only part of a craft's history: where it knows fewer flights than the
    stored (imported) `flights_count`, no figure is replaced by a worse one derived from
    that part: counts and times never go down, the fastest turnaround never up, and the
    flights' turn-around times stay as imported.
    """
    crafts = Spacecraft.objects.all()
    flights = SpacecraftFlight.objects.filter(rocket__launch__net__isnull=False)
    dockings = DockingEvent.objects.filter(flight_vehicle_chaser__isnull=False)
    if spacecraft_ids is not None:
        crafts = crafts.filter(pk__in=spacecraft_ids)
        flights = flights.filter(spacecraft__in=spacecraft_ids)
        dockings = dockings.filter(flight_vehicle_chaser__spacecraft__in=spacecraft_ids)

    flights_by_craft = defaultdict(list)
    for flight in flights.select_related("rocket__launch").order_by(
        "spacecraft_id", "rocket__launch__net", "id"
    ):
        flights_by_craft[flight.spacecraft_id].append(flight)
    dockings_by_craft = defaultdict(list)
    for craft_id, docking, departure in dockings.values_list(
        "flight_vehicle_chaser__spacecraft_id", "docking", "departure"
    ):
        dockings_by_craft[craft_id].append(Span(docking, departure))

    changed = 0
    with transaction.atomic():
        for craft in crafts:
            flights = flights_by_craft[craft.pk]
            spans = [Span(flight.rocket.launch.net, flight.mission_end) for flight in flights]
            partial = (craft.flights_count or 0) > history.flights_count(spans, at)
            changed += save_changed(
                craft, _craft_figures(craft, spans, dockings_by_craft[craft.pk], at, partial)
            )
            for flight, span, turn_around in zip(
                flights, spans, history.turn_around_times(spans, at), strict=True
            ):
                figures = {"duration": history.flight_duration(span, at)}
                if not partial:
                    figures["turn_around_time"] = turn_around
                changed += save_changed(flight, figures)
        documents.flush()
    return changed


def _craft_figures(craft: Spacecraft, spans, dockings, at: datetime, partial: bool) -> dict:
    figures = {
        "flights_count": history.flights_count(spans, at),
        "mission_ends_count": history.mission_ends_count(spans, at),
        "time_in_space": history.time_in_space(spans, at),
        "time_docked": history.time_docked(dockings, at),
        "fastest_turnaround": history.fastest_turnaround(spans, at),
        "in_space": history.in_space(spans, at),
    }
    if partial:
        for name in GROWING:
            stored = getattr(craft, name)
            if stored is not None:
                figures[name] = max(stored, figures[name])
        stored_fastest = craft.fastest_turnaround
        if stored_fastest is not None:
            derived = figures["fastest_turnaround"]
            figures["fastest_turnaround"] = min(stored_fastest, derived or stored_fastest)
        # Without the latest flight known, only a known flight under way says more.
        figures["in_space"] = figures["in_space"] or craft.in_space
    return figures
