"""Every link a response holds leads somewhere: an object's `url`, followed, answers it.

Over the bundled data, every page of every endpoint in every mode is read and every `url`
naming an object of this API collected; each one the registry serves must answer 200. A
link to a resource LL2's spec declares but no endpoint serves yet (a launch, before its
endpoint exists) is allowed only as such; a link to anything else is a bug.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from urllib.parse import urlsplit

from launchlibrary.api.endpoint import registry
from tests.contract import spec
from tests.contract.walk import API, HOST, get, list_path, modes, objects_of, page_params

# What every launch, spacecraft and station points at: served, not merely declared.
CATALOGUE = {
    "agencies",
    "celestial_bodies",
    "launcher_configuration_families",
    "launcher_configurations",
    "launchers",
    "locations",
    "pads",
    "programs",
    "spacecraft_configuration_families",
    "spacecraft_configurations",
}


def urls_in(document) -> Iterator[str]:
    if isinstance(document, dict):
        for key, value in document.items():
            if key == "url" and isinstance(value, str) and value.startswith(f"http://{HOST}{API}"):
                yield value
            else:
                yield from urls_in(value)
    elif isinstance(document, list):
        for value in document:
            yield from urls_in(value)


def linked_objects(client) -> dict[str, set[str]]:
    """Every object path (`/2.3.0/agencies/44/`) the served pages link to, by resource."""
    linked: dict[str, set[str]] = defaultdict(set)
    for endpoint in registry:
        for mode in modes(endpoint):
            for params in page_params(endpoint, mode):
                page = get(client, "fast", list_path(endpoint), params).json()
                for url in urls_in(objects_of(endpoint, page)):
                    path = urlsplit(url).path
                    resource = path.removeprefix(API).rstrip("/").rpartition("/")[0]
                    linked[resource].add(path)
    return linked


def test_every_link_to_a_served_resource_answers(client, settings):
    settings.LL2_READ_PATH = "fast"
    linked = linked_objects(client)
    served = {endpoint.path for endpoint in registry}
    broken = []
    for resource in sorted(linked.keys() & served):
        for path in sorted(linked[resource]):
            response = client.get(path, {"format": "json"}, HTTP_HOST=HOST)
            if response.status_code != 200:
                broken.append(f"{path}: {response.status_code}")
    assert broken == []
    not_served_yet = linked.keys() - served
    assert {r for r in not_served_yet if not spec.has_operation(r, "retrieve")} == set()
    assert (linked.keys() & CATALOGUE) - served == set()
