"""A real server, set up as `make run` sets it up, and a headless Chromium to drive it."""

import os
import shutil
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from tests.conftest import BUNDLED_FILES
from tests.servers import MANAGE, free_port, stop

CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")

needs_chromium = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER) and not os.environ.get("CI"),
    reason="Chromium is not installed here (`make test` installs it)",
)


def bundled_database(folder: Path) -> dict[str, str]:
    """The environment of a new SQLite database in `folder`, migrated and loaded with the
    bundled data through the same commands as `make run`."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}"}
    subprocess.run([*MANAGE, "migrate", "--noinput", "-v", "0"], env=env, check=True)
    subprocess.run([*MANAGE, "import_ll2", *map(str, BUNDLED_FILES)], env=env, check=True)
    return env


@contextmanager
def runserver(env: dict[str, str]) -> Iterator[str]:
    """A server on `env`'s database, answering at the URL it yields."""
    port = free_port()
    server = subprocess.Popen(
        [*MANAGE, "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
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
        stop(server)


@contextmanager
def chromium(profile: Path) -> Iterator[webdriver.Chrome]:
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
        f"--user-data-dir={profile}",
        "--window-size=1280,1600",
    ]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
