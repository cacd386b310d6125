"""A path whose rows change with the clock (as `launches/upcoming` will) is served fresh at
every moment on the fast path: a listing or response kept from before a launch time passed
is not served after it, with no write in between."""

from datetime import timedelta

import pytest

from launchlibrary.spacecraft.models import SpacecraftFlight

pytestmark = pytest.mark.urls("tests.clock_urls")
LIST = "/2.3.0/spacecraft/flown/"


def ids(client) -> list[int]:
    response = client.get(LIST, {"format": "json", "limit": 100})
    assert response.status_code == 200
    assert "ETag" in response  # served from documents
    return [craft["id"] for craft in response.json()["results"]]


def test_a_launch_time_passing_moves_a_craft_into_the_list_without_a_write(
    client, clock, django_capture_on_commit_callbacks
):
    flight = SpacecraftFlight.objects.select_related("rocket__launch").order_by("pk").first()
    craft = flight.spacecraft_id
    SpacecraftFlight.objects.filter(spacecraft=craft).exclude(pk=flight.pk).delete()
    with django_capture_on_commit_callbacks(execute=True):
        flight.rocket.launch.net = clock.now + timedelta(hours=1)
        flight.rocket.launch.save()

    before = ids(client)
    assert craft not in before
    assert client.get(f"{LIST}{craft}/", {"format": "json"}).status_code == 404
    assert ids(client) == before  # kept, and served again from memory

    clock.advance(timedelta(hours=2))
    assert craft in ids(client)
    detail = client.get(f"{LIST}{craft}/", {"format": "json"})
    assert detail.status_code == 200
    assert detail.json()["id"] == craft
