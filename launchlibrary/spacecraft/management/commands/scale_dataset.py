import random
import time
import uuid

from django.core.management.base import BaseCommand, CommandError
from django.test import RequestFactory
from rest_framework.request import Request
from tqdm import tqdm

from launchlibrary.api.prefetch import eager
from launchlibrary.ingest.importer import Importer
from launchlibrary.ingest.statistics import refresh_planner_statistics
from launchlibrary.launches.clones import NothingToClone, grow_launches
from launchlibrary.launches.models import Launch
from launchlibrary.spacecraft.models import Spacecraft
from launchlibrary.spacecraft.serializers import SpacecraftEndpointDetailedSerializer

BATCH = 250
# Clones take ids from here up, far above LL2's own.
FIRST_ID = 10_000_000


class Command(BaseCommand):
    help = (
        "Grow the database to N spacecraft, cloning the stored ones (with their "
        "configurations, flights and launches), and to N launches, cloning the stored ones "
        "(with their rockets, missions, stages and flights), under new ids through the "
        "importer, so documents are rendered as for any import. For benchmarks."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--spacecraft", type=int, metavar="N")
        parser.add_argument("--launches", type=int, metavar="N")
        parser.add_argument("--seed", type=int, default=2300)

    def handle(
        self, *args, spacecraft: int | None, launches: int | None, seed: int, **options
    ) -> None:
        if spacecraft is None and launches is None:
            raise CommandError("give --spacecraft N, --launches N or both")
        if spacecraft is not None:
            self.grow_spacecraft(spacecraft, seed)
        if launches is not None:
            self.grow_launches(launches, seed)
        refresh_planner_statistics()

    def grow_launches(self, launches: int, seed: int) -> None:
        started = time.monotonic()
        try:
            with tqdm(total=max(0, launches - Launch.objects.count()), desc="launches") as bar:
                for imported in grow_launches(launches, seed):
                    bar.update(imported)
        except NothingToClone as error:
            raise CommandError(str(error)) from None
        seconds = time.monotonic() - started
        self.stdout.write(
            f"{Launch.objects.count()} launches"
            + (f", {bar.n / seconds:.0f} imported a second" if bar.n else "")
        )

    def grow_spacecraft(self, spacecraft: int, seed: int) -> None:
        templates = list(
            eager(Spacecraft.objects.filter(pk__lt=FIRST_ID), SpacecraftEndpointDetailedSerializer)
        )
        if not templates:
            raise CommandError("no spacecraft to clone: import some first")
        context = {"request": Request(RequestFactory().get("/"))}
        template_data = SpacecraftEndpointDetailedSerializer(
            templates, many=True, context=context
        ).data
        start = Spacecraft.objects.count()
        rng = random.Random(seed)
        importer = Importer()
        clones = range(start, spacecraft)
        for first in tqdm(range(0, len(clones), BATCH), desc="spacecraft", unit_scale=BATCH):
            batch = [
                clone(template_data[number % len(template_data)], number, rng)
                for number in clones[first : first + BATCH]
            ]
            importer.import_objects((f"clone {obj['id']}", obj) for obj in batch)
        self.stdout.write(f"{Spacecraft.objects.count()} spacecraft")


def clone(template: dict, number: int, rng: random.Random) -> dict:
    """A copy of a spacecraft in detailed form under new ids, with its own configuration,
    flights and launches, and figures varied so that orderings mean something."""
    new_id = FIRST_ID + number
    craft = {**renumbered(template, new_id), "name": f"{template['name']} #{number}"}
    craft["spacecraft_config"] = renumbered(template["spacecraft_config"], new_id)
    craft["time_in_space"] = f"P{rng.randrange(0, 2000)}DT{rng.randrange(24)}H{rng.randrange(60)}M"
    craft["time_docked"] = f"P{rng.randrange(0, 1500)}DT{rng.randrange(24)}H"
    craft["flights_count"] = rng.randrange(0, 30)
    craft["mission_ends_count"] = rng.randrange(0, craft["flights_count"] + 1)
    craft["flights"] = [
        {
            **renumbered(flight, new_id * 10 + index),
            "spacecraft": {"id": new_id},
            "launch": {
                **renumbered(
                    flight["launch"],
                    str(uuid.uuid5(uuid.NAMESPACE_URL, f"{flight['launch']['id']}/{number}")),
                ),
                # Each launch has a rocket of its own.
                "rocket": {**flight["launch"]["rocket"], "id": (new_id * 10 + index)},
            },
        }
        for index, flight in enumerate(template["flights"])
    ]
    return craft


def renumbered(obj: dict, new_id: int | str) -> dict:
    """A copy of an object under a new id, its `url` naming it: the importer refuses a `url`
    that names another object."""
    return {**obj, "id": new_id, "url": obj["url"].replace(f"/{obj['id']}/", f"/{new_id}/")}
