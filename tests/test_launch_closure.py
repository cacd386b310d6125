"""The launches and agencies LL2 nests in its space stations, stored by the importer and
served by our serializers, equal LL2's: values, nulls, floats, nesting and field order."""

import json

import pytest
from django.db.models import Model
from django.test import RequestFactory
from rest_framework import serializers
from rest_framework.request import Request

from launchlibrary.agencies.models import Agency
from launchlibrary.agencies.serializers import AgencyNormalSerializer
from launchlibrary.api.prefetch import eager
from launchlibrary.ingest.importer import Importer, ImportReport
from launchlibrary.launches.models import Launch
from launchlibrary.launches.serializers import LaunchNormalSerializer
from tests.conftest import FIXTURES

STATIONS = json.loads((FIXTURES / "data" / "space_stations-detailed-2.3.0.json").read_text())
LAUNCHES = [
    location["currently_docked"]["flight_vehicle_chaser"]["launch"]
    for station in STATIONS
    for location in station["docking_location"]
    if location["currently_docked"] and location["currently_docked"]["flight_vehicle_chaser"]
]
OWNERS = [owner for station in STATIONS for owner in station["owners"]]


def import_list(objects: list[dict]) -> ImportReport:
    return Importer().import_objects((f"$[{index}]", obj) for index, obj in enumerate(objects))


def serialize(model: type[Model], serializer_class: type[serializers.Serializer], pk) -> dict:
    """One object as our endpoints serve it: loaded by the serializer's eager plan, on the
    host and `?format=` of the request LL2 answered."""
    request = Request(
        RequestFactory().get("/", {"format": "json"}, secure=True, HTTP_HOST="ll.thespacedevs.com")
    )
    instance = eager(model._default_manager.filter(pk=pk), serializer_class).get()
    return serializer_class(instance, context={"request": request}).data


@pytest.mark.parametrize("launch", LAUNCHES, ids=lambda launch: launch["slug"])
def test_nested_launch_equals_ours(db, launch):
    import_list(LAUNCHES)
    ours = serialize(Launch, LaunchNormalSerializer, launch["id"])
    assert json.dumps(ours) == json.dumps(launch)


@pytest.mark.parametrize("owner", OWNERS, ids=lambda owner: owner["abbrev"])
def test_station_owner_equals_ours(db, owner):
    import_list(OWNERS)
    ours = serialize(Agency, AgencyNormalSerializer, owner["id"])
    assert json.dumps(ours) == json.dumps(owner)


def test_importing_the_launches_again_changes_nothing(db):
    """Every stored value reads back as the value imported, so a second import finds
    nothing to update."""
    import_list(LAUNCHES)
    assert import_list(LAUNCHES).summary() == "no changes"
