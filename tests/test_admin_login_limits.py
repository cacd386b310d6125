"""Admin logins are limited per account and per client address, and the admin answers at
its configured prefix (`LL2_ADMIN_PATH`).

The browser tests log in through the admin's own form on a real server behind one proxy
(`NUM_PROXIES=1`), so that the `X-Forwarded-For` a browser sends is its address; the others
use Django's test client, on the suite's database."""

import importlib
import os
import subprocess
import time

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.test import override_settings
from django.urls import clear_url_caches, reverse
from selenium.webdriver.common.by import By
from selenium.webdriver.support.wait import WebDriverWait

import launchlibrary.urls
from launchlibrary.accounts.models import ApiKey
from tests.browser import chromium, needs_chromium
from tests.servers import MANAGE, app_server

FAILURES = 3
COOL_OFF_SECONDS = 5
PASSWORD = "orbit-and-back"
PREFIX = "librarians/"
LOCKED_OUT, REFUSED, LOGGED_IN = "locked out", "refused", "logged in"
LOCKOUT_LOG = "Admin logins locked out"


# Through the admin's form, in Chromium


@pytest.fixture(scope="module")
def server_env(tmp_path_factory, server_databases) -> dict[str, str]:
    """A database with two librarians, and the environment of a server on it: a short
    cool-off, and the admin at a prefix of its own."""
    env = {
        "DATABASE_URL": server_databases.migrated(tmp_path_factory.mktemp("logins")),
        "NUM_PROXIES": "1",
        "LL2_ADMIN_LOGIN_FAILURES": str(FAILURES),
        "LL2_ADMIN_LOCKOUT_SECONDS": str(COOL_OFF_SECONDS),
        "LL2_ADMIN_PATH": PREFIX,
    }
    for username in ("ada", "grace"):
        subprocess.run(
            [*MANAGE, "createsuperuser", "--noinput", "--username", username]
            + ["--email", f"{username}@example.org"],
            env={**os.environ, **env, "DJANGO_SUPERUSER_PASSWORD": PASSWORD},
            check=True,
        )
    return env


@pytest.fixture
def browser(tmp_path):
    with chromium(tmp_path / "chromium") as browser:
        browser.execute_cdp_cmd("Network.enable", {})
        yield browser


def log_in(browser, server: str, username: str, password: str, address: str) -> str:
    """Fill in and send the admin's login form as a new client at `address`; what came of
    it: logged in, refused (the form again, with its error), or locked out."""
    browser.delete_all_cookies()
    browser.execute_cdp_cmd(
        "Network.setExtraHTTPHeaders", {"headers": {"X-Forwarded-For": address}}
    )
    browser.get(f"{server}/{PREFIX}login/")
    browser.find_element(By.ID, "id_username").send_keys(username)
    browser.find_element(By.ID, "id_password").send_keys(password)
    browser.find_element(By.CSS_SELECTOR, "input[type=submit]").click()
    # The page the form was on has none of these: wait for the one it loads.
    found = WebDriverWait(browser, 10).until(
        lambda browser: browser.find_elements(By.CSS_SELECTOR, "#user-tools, .errornote")
    )[0]
    if found.get_attribute("id") == "user-tools":
        return LOGGED_IN
    if found.get_attribute("id") == "locked-out":
        assert "Too many failed logins" in found.text
        return LOCKED_OUT
    return REFUSED


def lockout_lines(capfd) -> list[str]:
    """The lockout lines a server logged; one started in the test itself, as `capfd`
    captures what a process started in a fixture writes no more than pytest's own output."""
    out, err = capfd.readouterr()
    return [line for line in (out + err).splitlines() if LOCKOUT_LOG in line]


def wait_out_the_cool_off() -> None:
    # Trying meanwhile would start it again: wait it out, from the last attempt.
    time.sleep(COOL_OFF_SECONDS + 1)


# Bounded in time (a cool-off of seconds): measured alone, not beside other tests.
serial = pytest.mark.serial
# On a database of their own: the run's plays no part.
standalone = pytest.mark.standalone


@needs_chromium
@serial
@standalone
def test_failed_logins_lock_the_account_even_from_another_address(server_env, browser, capfd):
    with app_server(server_env, workers=2) as server:
        attempts = [
            log_in(browser, server, "ada", "wrong", "198.51.100.1") for _ in range(FAILURES)
        ]
        assert attempts == [REFUSED] * (FAILURES - 1) + [LOCKED_OUT]
        # Locked per account: the right password, from another address, is refused too...
        assert log_in(browser, server, "ada", PASSWORD, "198.51.100.2") == LOCKED_OUT
        # ...and that address is not itself locked.
        assert log_in(browser, server, "grace", PASSWORD, "198.51.100.2") == LOGGED_IN
        wait_out_the_cool_off()
        assert log_in(browser, server, "ada", PASSWORD, "198.51.100.3") == LOGGED_IN
    [line] = lockout_lines(capfd)
    assert "'ada'" in line and "198.51.100.1" in line


@needs_chromium
@serial
@standalone
def test_failed_logins_lock_the_address_even_for_another_account(server_env, browser, capfd):
    with app_server(server_env, workers=2) as server:
        attempts = [
            log_in(browser, server, f"guess{n}", "wrong", "203.0.113.9") for n in range(FAILURES)
        ]
        assert attempts == [REFUSED] * (FAILURES - 1) + [LOCKED_OUT]
        # Locked per address: another account, with its right password, is refused there...
        assert log_in(browser, server, "grace", PASSWORD, "203.0.113.9") == LOCKED_OUT
        # ...and that account is not itself locked.
        assert log_in(browser, server, "grace", PASSWORD, "203.0.113.10") == LOGGED_IN
        wait_out_the_cool_off()
        assert log_in(browser, server, "grace", PASSWORD, "203.0.113.9") == LOGGED_IN
    [line] = lockout_lines(capfd)
    assert f"'guess{FAILURES - 1}'" in line and "203.0.113.9" in line


# Through Django's test client


@pytest.fixture
def limits(settings, db):
    """The browser tests' limits, and a fast password hasher (the default takes a good part
    of a second per check)."""
    settings.AXES_FAILURE_LIMIT = FAILURES
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    User.objects.create_superuser("ada", "ada@example.org", PASSWORD)
    return settings


def post_login(client, username: str, password: str, **headers):
    return client.post(
        reverse("admin:login"), {"username": username, "password": password}, **headers
    )


def test_a_locked_out_client_gets_429_saying_for_how_long_and_one_log_line(client, limits, caplog):
    answers = [post_login(client, "ada", "wrong") for _ in range(FAILURES + 1)]
    assert [answer.status_code for answer in answers] == [200] * (FAILURES - 1) + [429, 429]
    locked = answers[-1]
    assert locked["Retry-After"] == str(15 * 60)
    assert "Too many failed logins" in locked.content.decode()
    assert "15 minutes" in locked.content.decode()
    assert post_login(client, "ada", PASSWORD).status_code == 429
    lines = [record.getMessage() for record in caplog.records if LOCKOUT_LOG in record.message]
    assert lines == [
        f"{LOCKOUT_LOG} after {FAILURES} failures: username 'ada', IP address 127.0.0.1, "
        "for 15 minutes"
    ]


@pytest.mark.parametrize(
    ("proxies", "forwarded_for", "counted"),
    [
        (0, "198.51.100.1", "127.0.0.1"),  # no proxy trusted: the header is ignored
        (1, "203.0.113.5, 198.51.100.7", "198.51.100.7"),  # the address our proxy saw
        (1, "not-an-address", "127.0.0.1"),  # a forged entry counts as the peer
    ],
)
def test_failures_count_against_the_address_the_rate_limits_count(
    client, limits, proxies, forwarded_for, counted
):
    limits.REST_FRAMEWORK = {**limits.REST_FRAMEWORK, "NUM_PROXIES": proxies}
    post_login(client, "ada", "wrong", HTTP_X_FORWARDED_FOR=forwarded_for)
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [counted]


def test_a_locked_out_address_still_gets_the_api_as_before(client, limits):
    for _ in range(FAILURES):
        post_login(client, "ada", "wrong")
    assert post_login(client, "ada", PASSWORD).status_code == 429
    page = client.get("/2.3.0/spacecraft/", HTTP_ACCEPT="text/html")
    assert page.status_code == 200
    # No session or CSRF cookie, and so no `Vary: Cookie`.
    assert not page.cookies
    assert "Cookie" not in page["Vary"]
    api_key = ApiKey.objects.create(name="tracker", rate="10/hour")
    keyed = client.get(
        "/2.3.0/api-throttle/", {"format": "json"}, HTTP_AUTHORIZATION=f"Token {api_key.key}"
    )
    assert keyed.status_code == 200
    assert keyed.json()["ident"] == "tracker"


def reload_urls() -> None:
    """Build the URLconf again, reading the settings as they are now."""
    importlib.reload(launchlibrary.urls)
    clear_url_caches()


@pytest.fixture
def admin_at_prefix():
    with override_settings(LL2_ADMIN_PATH=PREFIX):
        reload_urls()
        yield
    reload_urls()


def test_the_admin_answers_at_its_configured_prefix(client, admin_at_prefix, limits):
    assert reverse("admin:index") == f"/{PREFIX}"
    assert client.get("/admin/").status_code == 404
    assert client.get(f"/{PREFIX}")["Location"] == f"/{PREFIX}login/?next=/{PREFIX}"
    assert post_login(client, "ada", PASSWORD).status_code == 302
    index = client.get(f"/{PREFIX}").content.decode()
    # "View site" still leads to the API.
    assert 'href="/2.3.0/"' in index
