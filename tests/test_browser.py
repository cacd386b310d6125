"""The browsable API in a real browser, against a real server started as `make run` starts it."""

import json
import os

import pytest
from selenium.webdriver.common.by import By

from tests.browser import chromium, needs_chromium, runserver

# A server on the bundled data, a database of its own: the run's plays no part.
pytestmark = [needs_chromium, pytest.mark.standalone]


@pytest.fixture(scope="module")
def server_url(tmp_path_factory, server_databases):
    database = server_databases.bundled(tmp_path_factory.mktemp("browser"))
    with runserver({**os.environ, "DATABASE_URL": database}) as url:
        yield url


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    with chromium(tmp_path_factory.mktemp("chromium")) as driver:
        yield driver


def test_browsable_page_shows_the_docs_block(server_url, browser):
    browser.get(f"{server_url}/2.3.0/spacecraft/?format=api")
    text = browser.find_element(By.TAG_NAME, "body").text
    for line in [
        "Levels of detail in the response - normal, detailed",
        "Parameters - in_space, is_placeholder, name, spacecraft_config, status",
        "Fields searched - name, spacecraft_config__name",
        "Fields - flights_count, id, mission_ends_count, time_docked, time_in_space",
        "Use limit to control the number of objects in the response (max 100)",
        "Switch to JSON output - /spacecraft/?format=json",
        "Find all the FAQs and support links on the documentation homepage",
    ]:
        assert line in text
    for heading in ["Modes", "Filters", "Search", "Ordering", "Number of results", "Format"]:
        assert browser.find_element(By.ID, heading.lower().replace(" ", "-")).text == heading
    # The stylesheet is served, so the page looks as LL2's does.
    navbar = browser.find_element(By.CSS_SELECTOR, ".navbar")
    assert navbar.value_of_css_property("background-color") != "rgba(0, 0, 0, 0)"


def test_docs_block_links_lead_to_working_pages(server_url, browser):
    browser.get(f"{server_url}/2.3.0/spacecraft/?format=api")
    browser.find_element(By.LINK_TEXT, "/spacecraft/?ordering=-flights_count").click()
    assert browser.current_url.endswith("/2.3.0/spacecraft/?ordering=-flights_count")
    assert "HTTP 200 OK" in browser.find_element(By.TAG_NAME, "body").text
    browser.find_element(By.LINK_TEXT, "/spacecraft/?format=json").click()
    page = json.loads(browser.find_element(By.TAG_NAME, "body").text)
    assert page["count"] > 0
    assert page["results"][0]["url"].startswith(f"{server_url}/2.3.0/spacecraft/")
