"""The librarians' admin: every model's pages, search, and history edits the API shows at once."""

import os
import subprocess
import uuid
from datetime import timedelta

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.forms import MultiWidget
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from selenium.webdriver.common.by import By
from selenium.webdriver.support.wait import WebDriverWait

from launchlibrary.agencies.models import Agency, AgencyType
from launchlibrary.launches.models import Launch
from launchlibrary.spacecraft.models import Spacecraft, SpacecraftFlight
from launchlibrary.spacecraft.recompute import recompute
from launchlibrary.stations.models import DockingEvent, DockingLocation
from tests.browser import MANAGE, chromium, needs_chromium, runserver

SOYUZ_MS_28 = 612
SOYUZ_MS_29 = 616
SOYUZ_MS_28_LAUNCH = "40beac6e-ce8e-4481-8cf9-56d1d9c48804"
MODELS = sorted(admin.site._registry, key=lambda model: model._meta.label)


@pytest.fixture
def librarian(db) -> Client:
    """A client logged in as a superuser (with no password, whose hashing is slow)."""
    user = User.objects.create(username="librarian", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(user)
    return client


def admin_url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.label)
def test_every_model_lists_adds_and_changes(librarian, model):
    assert librarian.get(admin_url(model, "changelist")).status_code == 200
    # Axes' records of admin logins are made by logins alone, never added by hand.
    addable = model._meta.app_label != "axes"
    assert librarian.get(admin_url(model, "add")).status_code == (200 if addable else 403)
    first = model.objects.first()
    if first is not None:
        assert librarian.get(admin_url(model, "change", first.pk)).status_code == 200


@pytest.mark.parametrize(
    ("model", "term", "found", "not_found"),
    [
        (Spacecraft, "Soyuz MS", "Soyuz MS-28", "Crew Dragon Freedom"),
        (Launch, "Shenzhou", "Long March 2F/G | Shenzhou 23", "Soyuz MS-28"),
        (SpacecraftFlight, "Tianzhou", "Tianzhou-10 on Long March 7", "Soyuz"),
    ],
)
def test_search(librarian, model, term, found, not_found):
    page = librarian.get(admin_url(model, "changelist"), {"q": term}).content.decode()
    assert found in page
    assert not_found not in page


def test_autocomplete_finds_rockets_for_a_flight_by_their_launch(librarian):
    answer = librarian.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "spacecraft",
            "model_name": "spacecraftflight",
            "field_name": "rocket",
            "term": "Progress",
        },
    ).json()
    assert sorted(result["text"] for result in answer["results"]) == [
        "Soyuz 2.1a | Progress MS-30 (91P)",
        "Soyuz 2.1a | Progress MS-31 (92P)",
        "Soyuz 2.1a | Progress MS-33 (94P)",
        "Soyuz 2.1a | Progress MS-34 (95P)",
    ]


NO_DOCKINGS = {
    "docking_events-TOTAL_FORMS": "0",
    "docking_events-INITIAL_FORMS": "0",
}


def test_adding_a_flight_recomputes_its_spacecraft(librarian):
    assert Spacecraft.objects.get(pk=SOYUZ_MS_29).flights_count == 1
    response = librarian.post(
        admin_url(SpacecraftFlight, "add"),
        {
            "spacecraft": SOYUZ_MS_29,
            "rocket": Launch.objects.get(pk=SOYUZ_MS_28_LAUNCH).rocket_id,
            "mission_end_0": "2025-12-01",
            "mission_end_1": "12:00:00",
            **NO_DOCKINGS,
        },
    )
    assert response.status_code == 302, response.context["errors"]
    craft = Spacecraft.objects.get(pk=SOYUZ_MS_29)
    assert craft.flights_count == 2
    assert craft.mission_ends_count == 1


def form_data(client, url: str) -> dict:
    """What a browser posts back from an admin change page left as it was rendered."""
    context = client.get(url).context
    forms = [context["adminform"].form]
    for inline in context["inline_admin_formsets"]:
        forms += [inline.formset.management_form, *inline.formset.forms]
    data = {}
    for form in forms:
        for field in form:
            value, widget = field.value(), field.field.widget
            if isinstance(widget, MultiWidget):
                parts = widget.decompress(value)
                data.update({f"{field.html_name}_{i}": part for i, part in enumerate(parts)})
            elif value is not None and value is not False:
                data[field.html_name] = "on" if value is True else value
    return {name: "" if value is None else value for name, value in data.items()}


def test_an_agency_given_an_awaited_name_becomes_the_parent_of_those_awaiting_it(librarian):
    """An import named a parent the database did not hold; the librarian's agency of that
    name takes its place, as an imported one would."""
    daughter = Agency.objects.create(
        name="Daughter Company", type=AgencyType.objects.first(), parent_name="Holding Company"
    )
    holding = Agency.objects.get(pk=82)
    url = admin_url(Agency, "change", holding.pk)
    response = librarian.post(url, {**form_data(librarian, url), "name": "Holding Company"})
    assert response.status_code == 302, response.context["errors"]
    daughter.refresh_from_db()
    assert (daughter.parent_id, daughter.parent_name) == (holding.pk, "")


def test_moving_a_flight_recomputes_both_spacecraft(librarian):
    # Figures not imported, so that a craft's known flights are all of its history.
    Spacecraft.objects.filter(pk__in=[SOYUZ_MS_28, SOYUZ_MS_29]).update(flights_count=None)
    flight = SpacecraftFlight.objects.get(spacecraft=SOYUZ_MS_29)
    url = admin_url(SpacecraftFlight, "change", flight.pk)
    response = librarian.post(url, {**form_data(librarian, url), "spacecraft": SOYUZ_MS_28})
    assert response.status_code == 302, response.context["errors"]
    assert Spacecraft.objects.get(pk=SOYUZ_MS_28).flights_count == 2
    assert Spacecraft.objects.get(pk=SOYUZ_MS_29).flights_count == 0


def figure_as_of_now(name: str):
    """A figure of Soyuz MS-29 recomputed now, not as imported from LL2 at an earlier time."""
    recompute(timezone.now(), spacecraft_ids=[SOYUZ_MS_29])
    return getattr(Spacecraft.objects.get(pk=SOYUZ_MS_29), name)


def test_moving_a_launch_earlier_recomputes_the_time_in_space_of_its_spacecraft(librarian):
    before = figure_as_of_now("time_in_space")
    launch = Launch.objects.get(rocket__spacecraftflight__spacecraft=SOYUZ_MS_29)
    url = admin_url(Launch, "change", launch.pk)
    earlier = launch.net - timedelta(days=10)
    data = form_data(librarian, url)
    data.update({"net_0": earlier.date().isoformat(), "net_1": earlier.time().isoformat()})
    response = librarian.post(url, data)
    assert response.status_code == 302, response.context["errors"]
    after = Spacecraft.objects.get(pk=SOYUZ_MS_29).time_in_space
    assert timedelta(days=10) <= after - before < timedelta(days=10, minutes=1)


def test_adding_a_docking_event_recomputes_the_time_docked(librarian):
    before = figure_as_of_now("time_docked")
    flight = SpacecraftFlight.objects.get(spacecraft=SOYUZ_MS_29)
    response = librarian.post(
        admin_url(DockingEvent, "add"),
        {
            "docking_0": "2026-07-14",
            "docking_1": "15:00:00",
            "departure_0": "2026-07-14",
            "departure_1": "16:00:00",
            "docking_location": DockingLocation.objects.first().pk,
            "flight_vehicle_chaser": flight.pk,
        },
    )
    assert response.status_code == 302, response.context["errors"]
    after = Spacecraft.objects.get(pk=SOYUZ_MS_29).time_docked
    assert timedelta(hours=1) <= after - before < timedelta(hours=1, minutes=1)


def test_a_new_launch_gets_a_fresh_uuid(librarian):
    first, second = (
        librarian.get(admin_url(Launch, "add")).context["adminform"].form.initial["id"]
        for _ in range(2)
    )
    assert isinstance(first, uuid.UUID)
    assert first != second


@pytest.fixture(scope="module")
def admin_server(tmp_path_factory, server_databases):
    """A server with a superuser, made by `createsuperuser` as a librarian would."""
    env = {**os.environ, "DATABASE_URL": server_databases.bundled(tmp_path_factory.mktemp("admin"))}
    subprocess.run(
        [*MANAGE, "createsuperuser", "--noinput", "--username", "librarian"]
        + ["--email", "librarian@example.org"],
        env={**env, "DJANGO_SUPERUSER_PASSWORD": "orbit-and-back"},
        check=True,
    )
    with runserver(env) as url:
        yield url


def wait_for(browser, selector: str) -> list:
    """The elements `selector` finds once there are any: a click does not wait for the page
    it loads, nor do the admin's scripts run before the page is reported loaded."""
    return WebDriverWait(browser, 10).until(
        lambda browser: browser.find_elements(By.CSS_SELECTOR, selector)
    )


@needs_chromium
@pytest.mark.standalone  # a server on a database of its own: the run's plays no part
def test_a_librarian_renames_a_spacecraft_and_the_api_shows_it(admin_server, tmp_path):
    with chromium(tmp_path / "chromium") as browser:
        browser.get(f"{admin_server}/admin/")
        browser.find_element(By.ID, "id_username").send_keys("librarian")
        browser.find_element(By.ID, "id_password").send_keys("orbit-and-back")
        browser.find_element(By.CSS_SELECTOR, "input[type=submit]").click()
        wait_for(browser, "#user-tools")
        browser.get(f"{admin_server}/admin/spacecraft/spacecraft/{SOYUZ_MS_28}/change/")
        # The admin's scripts are served: the configuration is picked by autocomplete.
        wait_for(browser, ".select2-container")
        name = browser.find_element(By.ID, "id_name")
        name.clear()
        name.send_keys("Soyuz MS-28 Vostok")
        browser.find_element(By.NAME, "_save").click()
        assert "was changed successfully" in wait_for(browser, ".messagelist")[0].text

        browser.get(f"{admin_server}/2.3.0/spacecraft/{SOYUZ_MS_28}/?format=api")
        assert '"name": "Soyuz MS-28 Vostok"' in browser.find_element(By.TAG_NAME, "body").text
