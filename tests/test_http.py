"""HTTP as clients of a public read-only API expect it: CORS, compression, conditional
requests and `/api-throttle/` in integers, through the test client and on real servers."""

import gzip
import http.client
import json
import os
import re
import subprocess
import sys
from urllib.parse import urlsplit

import brotli
import pytest

from launchlibrary.api import compression
from launchlibrary.readpath import responses
from launchlibrary.spacecraft.models import Spacecraft
from tests.conftest import REPO, SPEC, as_another_worker
from tests.servers import Answer, app_server

LIST = "/2.3.0/spacecraft/"
PAGE = {"format": "json", "limit": 100, "mode": "detailed"}
ORIGIN = "https://tracker.example"
PREFLIGHT = {
    "HTTP_ORIGIN": ORIGIN,
    "HTTP_ACCESS_CONTROL_REQUEST_METHOD": "GET",
    "HTTP_ACCESS_CONTROL_REQUEST_HEADERS": "authorization, if-none-match",
}
DECODERS = {"gzip": gzip.decompress, "br": brotli.decompress}
# The browsable page carries a CSRF token, new at each rendering (and checked nowhere: the
# API only reads, and the admin's forms carry their own).
CSRF_TOKEN = re.compile(rb'"csrfToken": "\w*"')


def detail_path() -> str:
    return f"{LIST}{Spacecraft.objects.order_by('pk').first().pk}/"


def vary(response) -> list[str]:
    return [name.strip() for name in response.get("Vary", "").split(",") if name.strip()]


@pytest.fixture
def counted(monkeypatch) -> list[str]:
    """The encodings each compression was made in, by the response cache or the middleware."""
    made = []

    def compress(body: bytes, encoding: str) -> bytes:
        made.append(encoding)
        return compression.CODERS[encoding](body)

    monkeypatch.setattr(responses, "compress", compress)
    monkeypatch.setattr(compression, "compress", compress)
    return made


# CORS


def test_api_responses_allow_every_origin_without_varying_on_it(client):
    for headers in ({"HTTP_ORIGIN": ORIGIN}, {}):
        response = client.get(LIST, {"format": "json"}, **headers)
        assert response.status_code == 200
        assert response["Access-Control-Allow-Origin"] == "*"
        # The same answer for every origin: one cached copy serves them all.
        assert "Origin" not in response["Vary"] and "origin" not in response["Vary"]
    exposed = client.get(LIST, HTTP_ORIGIN=ORIGIN)["Access-Control-Expose-Headers"]
    assert exposed == "ETag, Retry-After"
    refused = client.get(LIST, {"format": "json"}, HTTP_AUTHORIZATION="Token nope")
    assert refused.status_code == 401
    assert refused["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("path", [LIST, "/2.3.0/spacecraft/51/", "/2.3.0/api-throttle/"])
def test_a_preflight_answers_200_allowing_get_and_authorization(client, path):
    response = client.options(path, **PREFLIGHT)
    assert response.status_code == 200
    assert response.content == b""
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD"
    assert {"authorization", "if-none-match"} <= set(
        response["Access-Control-Allow-Headers"].split(", ")
    )
    assert int(response["Access-Control-Max-Age"]) > 0


def test_a_plain_options_still_answers_405(client):
    response = client.options(LIST, HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 405
    assert response["Allow"] == "GET"


def test_the_admin_gets_no_cors_headers(client):
    response = client.get("/admin/login/", HTTP_ORIGIN=ORIGIN)
    assert "Access-Control-Allow-Origin" not in response
    assert "Access-Control-Allow-Origin" not in client.options("/admin/login/", **PREFLIGHT)


def test_listed_origins_alone_are_allowed_and_echoed(client, settings):
    settings.CORS_ALLOW_ALL_ORIGINS = False
    settings.CORS_ALLOWED_ORIGINS = [ORIGIN]
    listed = client.get(LIST, {"format": "json"}, HTTP_ORIGIN=ORIGIN)
    assert listed["Access-Control-Allow-Origin"] == ORIGIN
    assert "origin" in [name.lower() for name in vary(listed)]
    other = client.get(LIST, {"format": "json"}, HTTP_ORIGIN="https://other.example")
    assert "Access-Control-Allow-Origin" not in other


@pytest.mark.standalone  # settings alone: the run's database plays no part
@pytest.mark.parametrize(
    ("value", "allowed_all", "origins"),
    [
        (None, True, []),
        ("*", True, []),
        (f"{ORIGIN}, https://b.example", False, [ORIGIN, "https://b.example"]),
    ],
)
def test_cors_allowed_origins_from_the_environment(value, allowed_all, origins):
    env = {name: v for name, v in os.environ.items() if name != "CORS_ALLOWED_ORIGINS"}
    if value is not None:
        env["CORS_ALLOWED_ORIGINS"] = value
    # The settings module as Django reads it, in a process of its own: no app is started.
    code = (
        "import json; from launchlibrary import settings as s; "
        "print(json.dumps([s.CORS_ALLOW_ALL_ORIGINS, s.CORS_ALLOWED_ORIGINS]))"
    )
    shown = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, check=True
    )
    assert json.loads(shown.stdout.splitlines()[-1]) == [allowed_all, origins]


# Compression


@pytest.mark.parametrize(
    ("accept_encoding", "chosen"),
    [
        ("", None),
        ("identity", None),
        ("deflate", None),
        ("gzip", "gzip"),
        ("x-gzip", "gzip"),
        ("gzip, deflate, br", "br"),
        ("br;q=0, gzip", "gzip"),
        ("gzip;q=0", None),
        ("gzip;q=0.5, br;q=0.4", "gzip"),
        ("*", "br"),
        ("*;q=0.1, br;q=0", "gzip"),
        ("GZIP; Q=1.0", "gzip"),
        ("gzip;q=bogus, br", "br"),
    ],
)
def test_the_encoding_the_client_prefers(accept_encoding, chosen):
    assert compression.accepted_encoding(accept_encoding) == chosen


@pytest.mark.parametrize("encoding", ["gzip", "br"])
@pytest.mark.parametrize("which", ["list", "detail"])
def test_cached_responses_are_compressed_once_per_encoding(client, counted, encoding, which):
    path, params = (LIST, PAGE) if which == "list" else (detail_path(), {"format": "json"})
    plain = client.get(path, params)
    assert "Content-Encoding" not in plain
    for _ in range(3):
        packed = client.get(path, params, HTTP_ACCEPT_ENCODING=encoding)
        assert packed.status_code == 200
        assert packed["Content-Encoding"] == encoding
        assert packed["Content-Length"] == str(len(packed.content))
        assert DECODERS[encoding](packed.content) == plain.content
        assert packed["ETag"] == plain["ETag"][:-1] + f'-{encoding}"'
        assert vary(packed) == ["Accept", "Accept-Encoding"]
    assert counted == [encoding]
    # HEAD sends what GET would, but the body.
    head = client.head(path, params, HTTP_ACCEPT_ENCODING=encoding)
    for header in ("Content-Encoding", "Content-Length", "ETag", "Vary"):
        assert head[header] == packed[header]


def test_a_shared_response_is_shared_compressed(client, settings, counted):
    settings.LL2_SHARED_RESPONSES = True  # Redis in the PostgreSQL run, local memory else
    for _ in range(2):  # asked for twice in a worker: shared
        first = client.get(LIST, PAGE, HTTP_ACCEPT_ENCODING="gzip")
    as_another_worker()
    again = client.get(LIST, PAGE, HTTP_ACCEPT_ENCODING="gzip")
    assert again.content == first.content
    assert counted == ["gzip"]


def test_small_bodies_go_as_they_are(client, counted):
    empty = client.get(LIST, {"format": "json", "name": "no such craft"}, HTTP_ACCEPT_ENCODING="br")
    assert len(empty.content) < compression.MIN_BYTES
    assert "Content-Encoding" not in empty
    assert empty["ETag"].endswith('"') and "-" not in empty["ETag"]
    # Its encoding still depends on Accept-Encoding, as every API response's does.
    assert vary(empty) == ["Accept", "Accept-Encoding"]
    assert counted == []


@pytest.mark.parametrize("path", [f"{LIST}?format=json&limit=100", "/2.3.0/json"])
def test_live_responses_are_compressed_by_the_middleware(client, settings, counted, path):
    settings.LL2_READ_PATH = "live"
    plain = client.get(path)
    packed = client.get(path, HTTP_ACCEPT_ENCODING="gzip, br")
    assert packed["Content-Encoding"] == "br"
    assert packed["Content-Length"] == str(len(packed.content))
    assert brotli.decompress(packed.content) == plain.content
    assert "ETag" not in packed
    assert "Accept-Encoding" in vary(packed)


def test_the_admin_is_not_compressed(client):
    response = client.get("/admin/login/", HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert len(response.content) >= compression.MIN_BYTES
    assert "Content-Encoding" not in response


# Conditional requests


@pytest.mark.parametrize("encoding", [None, "gzip"])
def test_if_none_match_star_answers_304_where_the_resource_exists(client, encoding):
    headers = {"HTTP_IF_NONE_MATCH": "*"}
    if encoding:
        headers["HTTP_ACCEPT_ENCODING"] = encoding
    for path in (LIST, detail_path()):
        response = client.get(path, {"format": "json"}, **headers)
        assert response.status_code == 304, path
        assert response.content == b""
        assert response["ETag"].endswith(f'-{encoding}"' if encoding else '"')
    unknown = client.get(f"{LIST}99999999/", {"format": "json"}, **headers)
    assert unknown.status_code == 404


def test_if_none_match_compares_each_tag_weakly(client):
    etag = client.get(LIST, {"format": "json"})["ETag"]
    for held in (etag, f'"other", {etag}', f"W/{etag}", f'"a", W/"b", W/{etag}'):
        response = client.get(LIST, {"format": "json"}, HTTP_IF_NONE_MATCH=held)
        assert response.status_code == 304, held
        assert response["ETag"] == etag
        assert response["Cache-Control"] == "public, max-age=60"
        assert vary(response) == ["Accept", "Accept-Encoding"]
        assert "Content-Length" not in response  # no 0 where the 200's length belongs
    # Tags that merely contain ours, or name another representation, do not match.
    for held in (f'"x{etag}"', etag[:-1] + '-gzip"', etag[1:-1]):
        response = client.get(LIST, {"format": "json"}, HTTP_IF_NONE_MATCH=held)
        assert response.status_code == 200, held


def test_each_encoding_is_its_own_representation(client):
    plain = client.get(LIST, PAGE)["ETag"]
    packed = client.get(LIST, PAGE, HTTP_ACCEPT_ENCODING="gzip")["ETag"]
    assert plain != packed
    for held, status in ((plain, 200), (packed, 304)):
        response = client.get(LIST, PAGE, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=held)
        assert response.status_code == status


# /api-throttle/


def test_api_throttle_reports_integers_where_no_limit_applies(client, settings):
    settings.LL2_ANON_RATE = None
    status = client.get("/2.3.0/api-throttle/", {"format": "json"}).json()
    assert status["your_request_limit"] == 2**31 - 1
    assert status["limit_frequency_secs"] == 3600


def test_api_throttle_schema_is_the_specs(client):
    schemas = client.get("/2.3.0/json", {"format": "json"}).json()["components"]["schemas"]
    assert schemas["APIThrottle"] == SPEC["components"]["schemas"]["APIThrottle"]


# Real servers, as `make serve` runs them


@pytest.fixture
def seeded_database(tmp_path, server_databases) -> str:
    """A SQLite database of the seed pages' 20 spacecraft, their documents rendered."""
    return server_databases.seeded(tmp_path)


def ask(url: str, method: str = "GET", headers: dict[str, str] | None = None) -> Answer:
    """A request in any method, its body read as sent (not decoded)."""
    parts = urlsplit(url)
    server = http.client.HTTPConnection(parts.netloc, timeout=30)
    try:
        server.request(method, f"{parts.path}?{parts.query}", headers=headers or {})
        answer = server.getresponse()
        return Answer(answer.status, answer.headers, answer.read())
    finally:
        server.close()


@pytest.mark.standalone  # a server on a database of its own: the run's plays no part
@pytest.mark.parametrize("read_path", ["fast", "live"])
def test_a_real_server_answers_preflights_and_compresses(seeded_database, read_path):
    env = {"DATABASE_URL": seeded_database, "LL2_READ_PATH": read_path}
    with app_server(env) as url:
        preflight = ask(
            f"{url}{LIST}",
            "OPTIONS",
            {
                "Origin": ORIGIN,
                "Access-Control-Request-Method": "GET",
                "Access-Control-Request-Headers": "authorization",
            },
        )
        assert preflight.status == 200
        assert preflight.headers["Access-Control-Allow-Origin"] == "*"
        assert "authorization" in preflight.headers["Access-Control-Allow-Headers"]
        assert ask(f"{url}{LIST}", "OPTIONS").status == 405

        for query in ("format=json&limit=100&mode=detailed", "format=api"):
            page = f"{url}{LIST}?{query}"
            plain = ask(page)
            assert plain.status == 200
            assert "Content-Encoding" not in plain.headers
            for encoding, decode in DECODERS.items():
                packed = ask(page, headers={"Accept-Encoding": encoding, "Origin": ORIGIN})
                assert packed.status == 200
                assert packed.headers["Content-Encoding"] == encoding
                assert int(packed.headers["Content-Length"]) == len(packed.body)
                assert packed.headers["Access-Control-Allow-Origin"] == "*"
                assert "Accept-Encoding" in packed.headers["Vary"]
                unpacked = decode(packed.body)
                if query == "format=api":
                    unpacked, expected = (CSRF_TOKEN.sub(b"", b) for b in (unpacked, plain.body))
                else:
                    expected = plain.body
                assert unpacked == expected, (read_path, query, encoding)

        if read_path == "fast":
            etag = ask(f"{url}{LIST}?format=json", headers={"Accept-Encoding": "gzip"})
            held = ask(
                f"{url}{LIST}?format=json",
                headers={"Accept-Encoding": "gzip", "If-None-Match": etag.headers["ETag"]},
            )
            assert held.status == 304
            assert held.body == b""
            # No `Content-Length: 0` where only the 200's length may stand (RFC 9110 8.6).
            assert "Content-Length" not in held.headers
