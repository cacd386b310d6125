"""The browsable page (`?format=api`) is rendered live, as DRF renders it, once per data
version: after that it is served as cached JSON is, with its ETag, 304s and compression.
Rendering it costs hundreds of times what a cached JSON page does (benchmarks/results.md),
so that a page asked for again costs no rendering."""

import re
import time
from concurrent.futures import ThreadPoolExecutor
from html import escape

import brotli
import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.renderers import BrowsableAPIRenderer

from launchlibrary.readpath import responses
from launchlibrary.spacecraft.models import Spacecraft

LIST = "/2.3.0/spacecraft/"
# A new CSRF token at each rendering, checked nowhere: the API only reads, and the admin's
# forms carry their own.
CSRF_TOKEN = re.compile(rb'"csrfToken": "\w*"')


@pytest.fixture
def renders(monkeypatch) -> list[str]:
    """The path of each browsable page rendered."""
    rendered = []
    render = BrowsableAPIRenderer.render

    def counted(self, data, accepted_media_type=None, renderer_context=None):
        rendered.append(renderer_context["request"].path)
        return render(self, data, accepted_media_type, renderer_context)

    monkeypatch.setattr(BrowsableAPIRenderer, "render", counted)
    return rendered


def page(client, path: str = LIST, **headers):
    response = client.get(path, {"format": "api"}, **headers)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("path", [LIST, f"{LIST}51/"])
def test_a_page_is_rendered_once_per_data_version(client, renders, path):
    first = page(client, path)
    with CaptureQueriesContext(connection) as queries:
        again = page(client, path)
    assert renders == [path]
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    assert again["Content-Type"] == "text/html; charset=utf-8"
    assert again["Vary"] == "Accept, Accept-Encoding"
    assert again["Cache-Control"] == "public, max-age=60"
    assert len(queries) <= 1  # the data version


def test_the_cached_page_is_the_live_page(client, settings):
    for path in (LIST, f"{LIST}51/", f"{LIST}?mode=detailed&limit=5&ordering=-id"):
        cached = client.get(path, HTTP_ACCEPT="text/html")
        settings.LL2_READ_PATH = "live"
        live = client.get(path, HTTP_ACCEPT="text/html")
        settings.LL2_READ_PATH = "fast"
        assert "ETag" in cached and "ETag" not in live
        for header in ("Content-Type", "Vary", "Allow", "Cache-Control"):
            assert cached.get(header) == live.get(header) or header == "Cache-Control"
        assert CSRF_TOKEN.sub(b"", cached.content) == CSRF_TOKEN.sub(b"", live.content), path


def test_a_write_renders_the_page_again(client, renders, django_capture_on_commit_callbacks):
    before = page(client, f"{LIST}51/")
    craft = Spacecraft.objects.get(pk=51)
    craft.name = "Renamed In The Admin"
    with django_capture_on_commit_callbacks(execute=True):
        craft.save()
    after = page(client, f"{LIST}51/")
    assert b"Renamed In The Admin" in after.content
    assert after["ETag"] != before["ETag"]
    assert len(renders) == 2


def test_json_and_the_page_of_one_query_are_kept_apart(client):
    """`Accept` chooses between them on the same URL."""
    html = client.get(LIST, HTTP_ACCEPT="text/html")
    json = client.get(LIST, HTTP_ACCEPT="application/json")
    assert html["Content-Type"] == "text/html; charset=utf-8"
    assert json["Content-Type"] == "application/json"
    assert html["ETag"] != json["ETag"]
    assert client.get(LIST, HTTP_ACCEPT="text/html")["Content-Type"].startswith("text/html")


def test_each_page_shows_its_request_as_written(client):
    for query in ("format=api&limit=5", "limit=5&format=api"):
        request_line = f"<b>GET</b> {LIST}?{escape(query)}".encode()
        assert request_line in client.get(f"{LIST}?{query}").content


def test_conditional_requests_and_compression(client, renders):
    first = page(client, HTTP_ACCEPT_ENCODING="br")
    assert first["Content-Encoding"] == "br"
    assert first["ETag"].endswith('-br"')
    plain = page(client)
    assert brotli.decompress(first.content) == plain.content
    for held in (first["ETag"], "*"):
        response = client.get(
            LIST, {"format": "api"}, HTTP_ACCEPT_ENCODING="br", HTTP_IF_NONE_MATCH=held
        )
        assert response.status_code == 304
    assert renders == [LIST]


def test_errors_are_rendered_each_time_and_not_kept(client, renders):
    for _ in range(2):
        missing = client.get(f"{LIST}99999999/", {"format": "api"})
        assert missing.status_code == 404
        assert "ETag" not in missing
        refused = client.get(LIST, {"format": "api", "in_space": "maybe"})
        assert refused.status_code == 400
    assert len(renders) == 4


def test_a_logged_in_librarian_sees_the_page_everyone_sees(client, renders):
    """DRF authenticates API keys alone, which name clients, not users: the page names no
    user, even to a librarian logged in to the admin, and one rendering serves all."""
    anonymous = page(client)
    client.force_login(User.objects.create_superuser("librarian", password="orbit-and-back"))
    logged_in = page(client)
    assert logged_in["ETag"] == anonymous["ETag"]
    assert b"librarian" not in logged_in.content
    assert renders == [LIST]


def test_a_page_naming_its_user_is_not_kept(client, renders):
    client.force_authenticate(user=User.objects.create_user("someone"))  # as would a login
    for _ in range(2):
        named = page(client)
        assert "ETag" not in named
        assert b"someone" in named.content
    assert len(renders) == 2


def test_threads_missing_one_key_at_once_make_it_once():
    made = []

    def make() -> bytes:
        made.append(1)
        time.sleep(0.2)
        return b"page"

    with ThreadPoolExecutor(max_workers=4) as pool:
        bodies = list(pool.map(lambda _: responses.kept("ll2:test:one", None, make), range(4)))
    assert bodies == [b"page"] * 4
    assert made == [1]
    assert not responses.making.locks
