"""Production settings: `check --deploy` is clean with them, HTTPS is enforced only when asked
for, and reads go to replicas when there are any."""

import json
import os
import secrets
import sqlite3
import subprocess
from contextlib import closing

import pytest
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session

from launchlibrary.accounts.models import ApiKey
from launchlibrary.readpath.models import DataVersion, Document
from launchlibrary.replicas import ReplicaRouter
from launchlibrary.spacecraft.models import Spacecraft
from tests.servers import MANAGE, app_server, fetch

PRODUCTION = {"SECRET_KEY": secrets.token_urlsafe(50), "LL2_HTTPS": "1", "DEBUG": ""}


def deploy_check(env: dict[str, str]) -> str:
    checked = subprocess.run(
        [*MANAGE, "check", "--deploy"], env=env, capture_output=True, text=True
    )
    return checked.stdout + checked.stderr


# Settings, and servers on databases of their own: the run's database plays no part.
standalone = pytest.mark.standalone


@standalone
def test_deploy_check_is_clean_with_production_settings():
    assert "System check identified no issues" in deploy_check({**os.environ, **PRODUCTION})


@standalone
def test_deploy_check_flags_local_defaults():
    local = {name: value for name, value in os.environ.items() if name not in PRODUCTION}
    report = deploy_check({**local, "DEBUG": "1"})
    for warning in ["W004", "W008", "W009", "W018"]:
        assert f"security.{warning}" in report


@standalone
def test_https_is_enforced_when_asked_for(tmp_path, server_databases):
    env = {
        **PRODUCTION,
        "DATABASE_URL": server_databases.migrated(tmp_path),
        "BEHIND_TLS_PROXY": "1",
    }
    with app_server(env) as url:
        redirect = fetch(f"{url}/2.3.0/spacecraft/")
        assert redirect.status == 301
        assert redirect.headers["Location"] == f"https{url.removeprefix('http')}/2.3.0/spacecraft/"
        # Load balancers probe over plain HTTP.
        assert fetch(f"{url}/health").status == 200
        secure = fetch(f"{url}/2.3.0/spacecraft/", {"X-Forwarded-Proto": "https"})
        assert secure.status == 200
        assert secure.headers["Strict-Transport-Security"].startswith("max-age=31536000")


def test_reads_go_to_a_replica_outside_transactions():
    router = ReplicaRouter()
    router.replicas = ["replica1"]
    assert router.db_for_read(Spacecraft) == "replica1"
    assert router.db_for_write(Spacecraft) == "default"
    assert router.allow_migrate("default", "spacecraft")
    assert not router.allow_migrate("replica1", "spacecraft")


def test_logins_sessions_the_admin_and_api_keys_read_the_primary():
    router = ReplicaRouter()
    router.replicas = ["replica1", "replica2"]
    assert router.db_for_read(Session) == "default"
    assert router.db_for_read(User) == "default"
    assert router.db_for_read(ApiKey) == "default"


def test_one_request_reads_one_replica():
    router = ReplicaRouter()
    router.replicas = [f"replica{number}" for number in range(1, 9)]
    router.choose_replica()
    chosen = {router.db_for_read(model) for model in (Spacecraft, Document, DataVersion) * 5}
    assert len(chosen) == 1


def test_reads_in_a_transaction_stay_on_the_primary(db):
    router = ReplicaRouter()
    router.replicas = ["replica1"]
    assert router.db_for_read(Spacecraft) == "default"


def spacecraft_held(url: str) -> int:
    """How many spacecraft the SQLite database at `url` holds, read from its file."""
    with closing(sqlite3.connect(url.removeprefix("sqlite:///"))) as database:
        table = Spacecraft._meta.db_table
        return database.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


@standalone
def test_a_server_reads_from_its_replica(tmp_path, server_databases):
    """Spacecraft that only the replica holds are served: the reads went there."""
    primary = server_databases.migrated(tmp_path / "primary")
    replica = server_databases.seeded(tmp_path / "replica")
    assert (spacecraft_held(primary), spacecraft_held(replica)) == (0, 20)
    page = "/2.3.0/spacecraft/?format=json&limit=1"
    with app_server({"DATABASE_URL": primary, "DATABASE_REPLICA_URLS": replica}) as url:
        assert json.loads(fetch(url + page).body)["count"] == 20
        assert fetch(f"{url}/health").status == 200
