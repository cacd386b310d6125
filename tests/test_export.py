"""`export_ll2` and `GET /2.3.0/export/`: everything the database holds as LL2 JSON, which
`import_ll2` reads back into an empty database as the same server."""

import gzip
import io
import tarfile
from pathlib import Path
from urllib.parse import urlencode

import orjson
import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from launchlibrary.api.endpoint import registry
from launchlibrary.ingest.file_names import exported_resource, file_name
from launchlibrary.mirror.export import (
    ARCHIVE_FOLDER,
)
from launchlibrary.mirror.resources import in_loading_order, mirrored, mirrored_by_path
from tests.servers import app_server, fetch, manage

pytestmark = pytest.mark.django_db

LOCAL_ORIGIN = "http://testserver"


def export(directory: Path, *options: str) -> dict[str, bytes]:
    call_command("export_ll2", str(directory), *options, stdout=io.StringIO())
    return {path.name: path.read_bytes() for path in sorted(directory.iterdir())}


def queries(endpoint) -> list[dict[str, str]]:
    """The first page's query of every mode of a list, 100 a page; the dashboard also with
    its default `limit`."""
    modes = [{"mode": mode} for mode in endpoint.modes] or [{}]
    limits = [{}, {"limit": "100"}] if endpoint.one_object else [{"limit": "100"}]
    return [{"format": "json", **mode, **limit} for mode in modes for limit in limits]


def test_an_export_imported_into_an_empty_database_serves_every_list_alike(
    tmp_path, client, server_databases
):
    files = export(tmp_path / "export")
    database = tmp_path / "mirror" / "db.sqlite3"
    server_databases.migrated(database.parent)
    manage(database, "import_ll2", *(str(tmp_path / "export" / name) for name in files))

    compared = 0
    with app_server({"DATABASE_URL": f"sqlite:///{database}", "REDIS_URL": ""}) as url:
        for endpoint in registry:
            for query in queries(endpoint):
                offset = 0
                while True:
                    page = {**query, "offset": str(offset)} if offset else query
                    path = f"/2.3.0/{endpoint.path}/?{urlencode(page)}"
                    here = client.get(path)
                    there = fetch(url + path)
                    assert (here.status_code, there.status) == (200, 200), path
                    assert (
                        there.body.replace(url.encode(), LOCAL_ORIGIN.encode()) == here.content
                    ), path
                    compared += 1
                    if endpoint.one_object or orjson.loads(here.content)["next"] is None:
                        break
                    offset += 100
    # Every list, in every mode: more pages than lists.
    assert compared > len(registry)


def test_each_file_is_a_page_the_server_serves_on_the_base_url(tmp_path, client):
    files = export(tmp_path)
    order = {item.path: place for place, item in enumerate(mirrored())}
    assert {exported_resource(name) for name in files} == set(order)
    pads = [name for name in files if exported_resource(name) == "pads"]
    assert len(pads) == 3  # 248 pads, 100 a page
    second = orjson.loads(files[pads[1]])
    assert second["next"] == "https://ll.thespacedevs.com/2.3.0/pads/?limit=100&offset=200"
    served = client.get("/2.3.0/pads/", {"limit": "100", "offset": "100"}, secure=True)
    assert (
        served.content.replace(b"https://testserver", b"https://ll.thespacedevs.com")
        == (files[pads[1]])
    )
    detailed = client.get("/2.3.0/spacecraft/", {"mode": "detailed", "limit": "100"})
    assert (
        detailed.content.replace(LOCAL_ORIGIN.encode(), b"https://ll.thespacedevs.com")
        == (files[file_name(order["spacecraft"], "spacecraft", 1)])
    )
    # One object, not a page.
    assert "count" not in orjson.loads(
        files[file_name(order["dashboard/starship"], "dashboard/starship", None)]
    )
    # A lookup of one row has no link to route it: its file name does.
    languages = orjson.loads(files[file_name(order["config/languages"], "config/languages", 1)])
    assert (languages["count"], languages["next"], languages["previous"]) == (1, None, None)


def test_the_files_load_lookups_first_and_what_nests_a_short_form_after_its_list():
    paths = [item.path for item in mirrored()]
    names = [file_name(place, path, 1) for place, path in enumerate(paths)]
    assert names == sorted(names)
    # A space station nested in a docking location, a flight's docking or a launch lacks
    # the status a new row needs.
    for nesting in ("config/docking_locations", "spacecraft_flights", "launches"):
        assert paths.index("space_stations") < paths.index(nesting)
    # The other lookups first, as everything nests them.
    lookups = [path for path in paths if path.startswith("config/")]
    assert paths[: len(lookups) - 1] == [p for p in lookups if p != "config/docking_locations"]
    # A cycle keeps the order given rather than losing an endpoint.
    items = [mirrored_by_path()[path] for path in ("space_stations", "spacecraft_flights")]
    assert [item.path for item in in_loading_order(items[::-1])] == [
        "space_stations",
        "spacecraft_flights",
    ]


def test_the_base_url_is_the_operators_not_a_client_host(tmp_path):
    with override_settings(ALLOWED_HOSTS=["ll2.example.org"]):
        files = export(tmp_path, "--base-url", "http://mirror.example:8080")
    spacecraft = next(name for name in files if exported_resource(name) == "spacecraft")
    first = orjson.loads(files[spacecraft])["results"][0]
    assert first["url"] == f"http://mirror.example:8080/2.3.0/spacecraft/{first['id']}/"


@pytest.mark.parametrize(
    "base_url", ["ftp://ll.thespacedevs.com", "https://ll.thespacedevs.com/api", "ll2"]
)
def test_a_base_url_is_a_scheme_and_host(tmp_path, base_url):
    with pytest.raises(CommandError, match="base URL"):
        export(tmp_path, "--base-url", base_url)
    assert not list(tmp_path.iterdir())


def test_an_earlier_export_is_not_mixed_with_a_new_one(tmp_path):
    (tmp_path / "000-config.orbits-000001.json").write_text("{}")
    with pytest.raises(CommandError, match="empty"):
        export(tmp_path)


def test_file_names_name_their_resource():
    assert exported_resource(file_name(3, "config/orbits", 12)) == "config/orbits"
    assert exported_resource(file_name(51, "dashboard/starship", None)) == "dashboard/starship"
    # The bundled files' names name no resource.
    assert exported_resource("10-launches-upcoming-normal.json") is None


def read_download(response) -> dict[str, bytes]:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/gzip"
    body = gzip.decompress(b"".join(response.streaming_content))
    with tarfile.open(fileobj=io.BytesIO(body)) as archive:
        return {member.name: archive.extractfile(member).read() for member in archive}


def test_the_download_holds_the_commands_files(tmp_path, client):
    files = export(tmp_path)
    response = client.get("/2.3.0/export/")
    assert response.streaming
    assert 'filename="ll2-2.3.0-export.tar.gz"' in response["Content-Disposition"]
    assert read_download(response) == {
        f"{ARCHIVE_FOLDER}/{name}": body for name, body in files.items()
    }


def test_the_download_is_limited_as_every_path_is(client):
    with override_settings(LL2_ANON_RATE="1/hour"):
        read_download(client.get("/2.3.0/export/"))
        refused = client.get("/2.3.0/export/")
    assert refused.status_code == 429
    assert refused.json()["detail"].startswith("Request was throttled.")
    assert refused["Retry-After"]
    unknown = client.get("/2.3.0/export/", HTTP_AUTHORIZATION="Token " + "0" * 40)
    assert (unknown.status_code, unknown.json()) == (401, {"detail": "Invalid token."})


def test_the_download_is_no_ll2_path(client):
    assert "export" not in client.get("/2.3.0/", {"format": "json"}).content.decode()
    assert b"/export/" not in client.get("/2.3.0/json").content
