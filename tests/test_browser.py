"""The browsable API in a real browser, against a real server started as `make run` starts it."""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from tests.conftest import BUNDLED_FILES, REPO

CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER) and not os.environ.get("CI"),
    reason="Chromium is not installed here (`make test` installs it)",
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server_url(tmp_path_factory):
    """A server on its own SQLite database, set up through the same commands as `make run`."""
    database = tmp_path_factory.mktemp("browser") / "db.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    manage = [sys.executable, str(REPO / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], env=env, check=True)
    subprocess.run([*manage, "import_ll2", *map(str, BUNDLED_FILES)], env=env, check=True)
    port = free_port()
    server = subprocess.Popen(
        [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{url}/2.3.0/spacecraft/?format=json", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium')}",
        "--window-size=1280,1600",
    ]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


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
