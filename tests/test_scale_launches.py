"""`scale_dataset --launches N`: the stored launches cloned through the importer, each with
rows of its own, into a database whose launch pages the fast path serves byte for byte as
the live path does."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from launchlibrary.launches.clones import FIRST_ID
from launchlibrary.launches.endpoints import launches, previous_launches, upcoming_launches
from launchlibrary.launches.models import Launch
from launchlibrary.spacecraft.models import Spacecraft, SpacecraftFlight
from tests.contract import walk

LAUNCHES = 180


@pytest.fixture
def scaled(db) -> None:
    call_command("scale_dataset", "--launches", str(LAUNCHES), stdout=io.StringIO())


def clones():
    return Launch.objects.filter(rocket__gte=FIRST_ID)


def test_grows_the_launches_to_n_each_with_rows_of_its_own(scaled):
    assert Launch.objects.count() == LAUNCHES
    assert clones().count() > LAUNCHES // 2
    # A clone's rocket, mission and flights are rows of its own.
    assert clones().values("mission").distinct().count() == clones().count()
    flights = SpacecraftFlight.objects.filter(rocket__in=clones().values("rocket"))
    assert flights.exists()
    assert not flights.filter(spacecraft__lt=FIRST_ID).exists()
    assert Spacecraft.objects.filter(pk__gte=FIRST_ID).count() == flights.count()
    # Shared rows stay shared: no pad or configuration is cloned.
    stored = Launch.objects.exclude(pk__in=clones().values("pk"))
    assert set(clones().values_list("pad", flat=True)) <= set(stored.values_list("pad", flat=True))
    # NETs in the past and ahead, names and NETs all apart, so that orderings mean something.
    assert upcoming_launches.rows().filter(pk__in=clones()).exists()
    assert previous_launches.rows().filter(pk__in=clones()).exists()
    assert clones().values("net").distinct().count() == clones().count()
    assert clones().values("name").distinct().count() == clones().count()
    # Grown to its size already, it adds nothing.
    out = io.StringIO()
    call_command("scale_dataset", "--launches", str(LAUNCHES), stdout=out)
    assert Launch.objects.count() == LAUNCHES
    assert out.getvalue() == f"{LAUNCHES} launches\n"


def test_the_launch_pages_byte_equal_to_live(client, scaled):
    walk.every_page_and_object(
        client, [launches, upcoming_launches, previous_launches], detail_formats=()
    )
    for pk in walk.object_ids(launches)[::15]:
        walk.fast_and_live(client, walk.detail_path(launches, pk), {"format": "json"})
    for ordering in ("-net", "name", "-last_updated"):
        params = {"format": "json", "mode": "detailed", "ordering": ordering, "offset": 37}
        walk.fast_and_live(client, walk.list_path(launches), params)


def test_an_empty_database_has_nothing_to_clone(db):
    Launch.objects.all().delete()
    with pytest.raises(CommandError, match="no launches to clone"):
        call_command("scale_dataset", "--launches", "10", stdout=io.StringIO())


def test_asks_for_what_to_grow(db):
    with pytest.raises(CommandError, match="--launches"):
        call_command("scale_dataset", stdout=io.StringIO())
