"""Launches cloned under new ids, to grow a database to launch-day size for benchmarks
(`scale_dataset --launches N`).

Each clone is a stored launch in its detailed form, as `/2.3.0/launches/{id}/` prints it,
imported through the importer like any LL2 JSON, so its documents are rendered as for any
import. What belongs to the launch is cloned with it under new ids (its rocket, mission,
first stages, flights, landings, updates); what launches share (pads, agencies,
configurations, boosters, payloads, statuses, images) stays shared, named by id alone: the
row is there, and the importer writes only the keys it is given.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from django.db.models import Max, Model, Q
from django.test import RequestFactory
from django.utils import timezone
from django.utils.text import slugify
from rest_framework.request import Request

from launchlibrary.api.endpoint import registry
from launchlibrary.api.prefetch import eager
from launchlibrary.astronauts.models import Astronaut, AstronautFlight
from launchlibrary.ingest.importer import Importer
from launchlibrary.landings.models import Landing
from launchlibrary.launches.models import FirstStage, Launch, Mission, Rocket, Update
from launchlibrary.payloads.models import PayloadFlight
from launchlibrary.spacecraft.models import Spacecraft, SpacecraftFlight

# Integer ids of the clones' own rows start here at least: far above LL2's own, and apart
# from those of cloned spacecraft (configurations from 10,000,000, their flights and
# rockets from 100,000,000).
FIRST_ID = 20_000_000
# Rows a launch owns, by the key its detailed form prints them under: each clone has its
# own. A spacecraft or an astronaut is cloned with its flight too, as the detailed document
# of either lists every flight of it: one shared by thousands of clones would be rendered
# again, whole, for every batch.
OWNED: dict[str, type[Model]] = {
    "rocket": Rocket,
    "mission": Mission,
    "launcher_stage": FirstStage,
    "landing": Landing,
    "spacecraft_stage": SpacecraftFlight,
    "spacecraft": Spacecraft,
    "payloads": PayloadFlight,
    "launch_crew": AstronautFlight,
    "onboard_crew": AstronautFlight,
    "landing_crew": AstronautFlight,
    "astronaut": Astronaut,
    "updates": Update,
}
# Left out of clones: a docking event holds a station's port, and thousands of clones
# docked at once would fill every station's documents.
LEFT_OUT = frozenset({"docking_events"})
# LL2's statuses of a launch still to fly: Go, TBD, Hold, TBC.
STILL_TO_FLY = frozenset({1, 2, 5, 8})
# The share of clones given a NET in the next two years, filling `launches/upcoming`; the
# others fly between Sputnik and now, filling `launches/previous`.
UPCOMING_SHARE = 0.1
FIRST_LAUNCH = datetime(1957, 10, 4, 19, 28, 34, tzinfo=UTC)
UPCOMING_HORIZON = timedelta(days=730)
BATCH = 250


class NothingToClone(Exception):
    """The database holds no launch to clone."""


def grow_launches(total: int, seed: int) -> Iterator[int]:
    """Clone stored launches until the database holds `total`; yields the number imported
    after each batch."""
    templates = template_launches()
    rng = random.Random(seed)
    ids = NewIds()
    now = timezone.now().replace(microsecond=0)
    importer = Importer()
    clones = range(Launch.objects.count(), total)
    for first in range(0, len(clones), BATCH):
        batch = [
            clone(templates, number, rng, ids, now) for number in clones[first : first + BATCH]
        ]
        importer.import_objects((f"clone {launch['id']}", launch) for launch in batch)
        yield len(batch)


def template_launches() -> dict[bool, list[dict]]:
    """The stored launches, clones aside, in detailed form: those still to fly (True) and
    those flown (False)."""
    launches = registry["launches"]
    serializer = launches.serializer_for(launches.detail_mode_name)
    rows = Launch.objects.filter(Q(rocket__isnull=True) | Q(rocket__lt=FIRST_ID))
    rows = eager(rows.order_by("net", "id"), serializer)
    context = {"request": Request(RequestFactory().get("/"))}
    data = serializer(rows, many=True, context=context).data
    if not data:
        raise NothingToClone("no launches to clone: import some first")
    groups: dict[bool, list[dict]] = {True: [], False: []}
    for launch in data:
        groups[(launch["status"] or {}).get("id") in STILL_TO_FLY].append(launch)
    return groups


class NewIds:
    """The next free integer id of each model the clones own rows of."""

    def __init__(self) -> None:
        self.next: dict[type[Model], int] = {}

    def __call__(self, model: type[Model]) -> int:
        if model not in self.next:
            highest = model._default_manager.aggregate(highest=Max("pk"))["highest"] or 0
            self.next[model] = max(highest + 1, FIRST_ID)
        new_id = self.next[model]
        self.next[model] += 1
        return new_id


def clone(
    templates: dict[bool, list[dict]],
    number: int,
    rng: random.Random,
    ids: NewIds,
    now: datetime,
) -> dict:
    """Clone `number`: a launch still to fly, NET within two years, or a flown one, NET
    since Sputnik, copied from a template of its kind (of either, where the database holds
    none of its kind), with its own rows under new ids and figures varied so that
    orderings mean something."""
    upcoming = rng.random() < UPCOMING_SHARE
    template = rng.choice(templates[upcoming] or templates[not upcoming])
    launch_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{template['id']}/launch clone/{number}"))
    launch = own_copy(template, launch_id, number, ids)
    launch["name"] = f"{template['name']} #{number}"
    launch["slug"] = slugify(launch["name"])

    if upcoming:
        net = now + rng.random() * UPCOMING_HORIZON
        last_updated = now - rng.random() * timedelta(days=30)
    else:
        net = FIRST_LAUNCH + rng.random() * (now - FIRST_LAUNCH)
        last_updated = min(now, net + rng.random() * timedelta(days=30))
    net = net.replace(microsecond=0)
    template_net = parse_time(template["net"])
    launch["net"] = ll2_time(net)
    for key in ("window_start", "window_end"):
        if template[key] and template_net:
            # The window keeps its place around the NET.
            launch[key] = ll2_time(net + (parse_time(template[key]) - template_net))
    launch["last_updated"] = ll2_time(last_updated.replace(microsecond=0))
    if template.get("launch_designator"):
        # COSPAR's form: the year it flies and its number in that year.
        launch["launch_designator"] = f"{net.year}-{rng.randrange(1, 1000):03d}"

    for scope, highest in (("orbital", 8000), ("location", 2000), ("pad", 500), ("agency", 800)):
        total = rng.randrange(1, highest + 1)
        launch[f"{scope}_launch_attempt_count"] = total
        launch[f"{scope}_launch_attempt_count_year"] = rng.randrange(1, min(total, 300) + 1)
    if template.get("probability") is not None:
        launch["probability"] = rng.randrange(0, 101)
    return launch


def own_copy(obj: dict, new_id: Any, number: int, ids: NewIds) -> dict:
    """A copy of an object the clone owns, under `new_id`: the objects it owns in turn
    copied under new ids of their own, shared ones named by id alone."""
    copy = {}
    for key, value in obj.items():
        if key in LEFT_OUT or value == []:
            # An empty list adds nothing to a new row, and each costs the importer queries.
            continue
        if key == "id":
            copy[key] = new_id
        elif key == "url" and "id" in obj:
            # The importer refuses a `url` that names another object (an info URL's `url`
            # is its data).
            copy[key] = value.replace(f"/{obj['id']}/", f"/{new_id}/")
        elif isinstance(value, list):
            copy[key] = [nested_copy(key, item, number, ids) for item in value]
        elif isinstance(value, dict):
            copy[key] = nested_copy(key, value, number, ids)
        else:
            copy[key] = value
    return copy


def nested_copy(key: str, value: Any, number: int, ids: NewIds) -> Any:
    if not isinstance(value, dict):
        return value
    if key in OWNED:
        copy = own_copy(value, ids(OWNED[key]), number, ids)
        if key in ("spacecraft", "astronaut"):
            copy["name"] = f"{value['name']} #{number}"
        return copy
    if "id" in value:
        return {"id": value["id"]}
    # An object LL2 gives no id (an info URL, a timeline event) belongs to its parent.
    return own_copy(value, None, number, ids)


def parse_time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def ll2_time(moment: datetime) -> str:
    """A moment as LL2 prints it: UTC, to the second, `Z`."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
