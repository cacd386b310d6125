"""What this server serves imports back as it is: every endpoint's responses, in every
mode, are LL2 JSON the importer takes, and importing them changes nothing.

So any real response of a served path is one the importer can place (the served ones have
every shape LL2's have), and a mirror of this server, or of LL2, reads back what it wrote.
"""

from __future__ import annotations

from launchlibrary.ingest.importer import Importer, top_level_objects
from tests.contract.test_contract import by_mode, first_id
from tests.contract.walk import detail_path, get, list_path, mode_params


@by_mode
def test_every_response_imports_back_unchanged(client, endpoint, mode):
    # A default page (10 objects) has every shape the mode answers in; a longer one would
    # only import more of the same.
    page = get(client, "fast", list_path(endpoint), {**mode_params(mode), "format": "json"}).json()
    responses = {"the first page": page}
    pk = first_id(endpoint)
    if pk is not None and mode == endpoint.detail_mode_name:
        responses["the first object"] = get(
            client, "fast", detail_path(endpoint, pk), {"format": "json"}
        ).json()
    for what, document in responses.items():
        # Objects without a `url` (a lookup's, a family's) are routed by the resource asked.
        report = Importer(resource=endpoint.path).import_objects(top_level_objects(document))
        assert report.changed == 0, f"{what}: {report.summary()}"
