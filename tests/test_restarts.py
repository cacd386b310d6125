"""A restart loses nothing: `make run` and `make serve` load the bundled data into a
database once, and never again over what arrived later."""

import json
import os
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.servers import MANAGE, fetch, free_port, stop

# Servers and commands on a database of its own: the run's database plays no part.
pytestmark = pytest.mark.standalone

STARTS_WITHIN_SECONDS = 180


@contextmanager
def make(target: str, env: dict[str, str], log: Path) -> Iterator[str]:
    """`make <target>` as a user runs it, until the server it starts answers."""
    port = free_port()
    with log.open("ab") as output:
        server = subprocess.Popen(
            ["make", target],
            cwd=REPO,
            env={**os.environ, **env, "PORT": str(port), "WEB_CONCURRENCY": "1"},
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTS_WITHIN_SECONDS
        while True:
            try:
                if fetch(f"{url}/health").status == 200:
                    break
            except OSError:
                pass
            if server.poll() is not None:
                raise RuntimeError(f"make {target} exited:\n{log.read_text()}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"make {target} did not start:\n{log.read_text()}")
            time.sleep(0.2)
        yield url
    finally:
        stop(server)


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([*MANAGE, *args], env={**os.environ, **env}, check=True, cwd=REPO)


def spacecraft(url: str, pk: int) -> dict | None:
    answer = fetch(f"{url}/2.3.0/spacecraft/{pk}/?format=json")
    return json.loads(answer.body) if answer.status == 200 else None


def test_an_edit_an_import_and_a_deletion_survive_restarts(tmp_path):
    """`make serve` sets up a new database, loading the bundled data; after an edit, an
    import and a deletion, `make run` and then `make serve` restart on it. Both targets run
    the same `setup` first: the first start, which loads the data, is made once."""
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    log = tmp_path / "make.log"
    with make("serve", env, log) as url:
        bundled = spacecraft(url, 51)
        assert spacecraft(url, 556)["name"] == "Progress MS-20"
        assert spacecraft(url, 557) is not None

    # A librarian's edit and deletion (what the admin does: a save, a delete) and an
    # import of a newer copy of a bundled spacecraft.
    manage(
        env,
        "shell",
        "-c",
        "from launchlibrary.spacecraft.models import Spacecraft as S\n"
        "craft = S.objects.get(pk=556); craft.name = 'Progress MS-20 (renamed)'; craft.save()\n"
        "S.objects.get(pk=557).delete()",
    )
    newer = {key: value for key, value in bundled.items() if key != "flights"}
    newer["description"] = "A newer word than the bundle's."
    newer_file = tmp_path / "newer.json"
    newer_file.write_text(json.dumps(newer))
    manage(env, "import_ll2", str(newer_file))

    for target in ("run", "serve"):
        started_before = log.read_text()
        with make(target, env, log) as url:
            assert spacecraft(url, 556)["name"] == "Progress MS-20 (renamed)", target
            assert spacecraft(url, 557) is None, target
            assert spacecraft(url, 51)["description"] == "A newer word than the bundle's.", target
        restarted = log.read_text()[len(started_before) :]
        # Nothing loaded, nothing rendered: a quiet start.
        assert "objects" not in restarted, target
        assert "rendered" not in restarted, target
