from argparse import ArgumentTypeError
from datetime import UTC, datetime

from django.core.management.base import BaseCommand
from django.utils.dateparse import parse_datetime

from launchlibrary.astronauts import recompute as astronauts
from launchlibrary.launches import recompute as launches
from launchlibrary.spacecraft import recompute as spacecraft
from launchlibrary.spacewalks import recompute as spacewalks


def instant(text: str) -> datetime:
    try:
        parsed = parse_datetime(text)
    except ValueError:
        parsed = None
    if parsed is None:
        raise ArgumentTypeError(f"not an ISO 8601 date-time such as 2026-07-01T12:00:00Z: {text!r}")
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


class Command(BaseCommand):
    help = (
        "Recompute spacecraft figures (time in space and docked, flight and mission-end "
        "counts, fastest turnaround, in space) and flight durations from their history, "
        "and launch figures (launch attempt counts, pad turnaround) and pad figures "
        "(launch counts, fastest turnaround) from the launches held, and astronaut figures "
        "(flights, landings, spacewalks, time in space and on spacewalks, age) from their seats, "
        "and spacewalk durations from their start and end."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--at", type=instant, help="as of this instant (default: now)")

    def handle(self, *args, at: datetime | None = None, **options) -> None:
        at = at or datetime.now(UTC)
        crafts = spacecraft.recompute(at)
        # Launch figures number launches by NET and status, whatever the clock says.
        launch_rows = launches.recompute()
        spacewalk_rows = spacewalks.recompute()
        # After the flights and spacewalks whose figures an astronaut's sum up.
        astronaut_rows = astronauts.recompute(at)
        self.stdout.write(
            f"recomputed as of {at.isoformat()}: "
            f"{crafts + launch_rows + spacewalk_rows + astronaut_rows} rows changed ({crafts} "
            f"of spacecraft and flights, {launch_rows} of launches and pads, {spacewalk_rows} "
            f"of spacewalks, {astronaut_rows} of astronauts)"
        )
