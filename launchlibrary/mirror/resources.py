"""What a mirror copies and an export writes: every endpoint the importer knows as a
resource (each lookup, each catalogue list: the paths serving a table's LL2 rows) and every
one-object path, each read in its richest mode.

A list that serves part of a table (`launches/upcoming`) is left out: the list of the whole
table holds its rows. Lookups come first, as their rows are nested everywhere else.

Each page is imported in a transaction of its own, and the importer makes a row from a
nested copy only if that copy holds every field the row needs: a space station nested in a
docking location (`SpaceStationMini`) lacks its status. So a list comes after the lists of
the models it nests in such a short form, where they are mirrored (`in_loading_order`).
"""

from dataclasses import dataclass
from functools import cache

from django.db.models import ForeignKey, Model

from launchlibrary.api.endpoint import Endpoint, SerializerClass, registry
from launchlibrary.api.prefetch import nested_relations
from launchlibrary.ingest.importer import required_fields, resource_models

# The mode whose objects carry every field the other modes print.
RICHEST_MODE = "detailed"


@dataclass(frozen=True)
class Mirrored:
    """An endpoint a mirror copies, and the mode it reads and writes it in."""

    endpoint: Endpoint
    mode: str | None

    @property
    def path(self) -> str:
        return self.endpoint.path

    def query(self) -> dict[str, str]:
        """The query selecting the mode (none for an endpoint of one schema)."""
        return {"mode": self.mode} if self.mode else {}


def richest_mode(endpoint: Endpoint) -> str | None:
    """`detailed` where the endpoint has it, else the mode its detail path answers in."""
    if not endpoint.modes:
        return None
    return RICHEST_MODE if RICHEST_MODE in endpoint.modes else endpoint.detail_mode_name


def mirrored() -> list[Mirrored]:
    """Every endpoint a mirror copies, in an order its pages can be imported in: lookups
    first, then the registry's, each list after those it nests in a short form."""
    resources = resource_models()
    chosen = [e for e in registry if e.one_object or e.path in resources]
    chosen.sort(key=lambda endpoint: not endpoint.path.startswith("config/"))
    return in_loading_order([Mirrored(endpoint, richest_mode(endpoint)) for endpoint in chosen])


def mirrored_by_path() -> dict[str, Mirrored]:
    return {item.path: item for item in mirrored()}


@cache
def short_forms(serializer_class: SerializerClass, model: type[Model]) -> frozenset[type[Model]]:
    """The models the serializer's output nests, at any depth, in a form lacking a field a
    new row needs (beyond the link to the object it is nested in, which the importer sets):
    the importer can update their rows from it, not make them."""
    found: set[type[Model]] = set()
    for _path, relation, nested, _field in nested_relations(serializer_class(), model):
        related = relation.related_model
        keys = {getattr(related, "ll2_keys", {}).get(key, key) for key in nested.fields}
        lacking = {
            field.name
            for field in required_fields(related)
            if not (isinstance(field, ForeignKey) and field.related_model is model)
        } - keys
        if lacking:
            found.add(related)
        found |= short_forms(type(nested), related)
    return frozenset(found)


def in_loading_order(items: list[Mirrored]) -> list[Mirrored]:
    """`items` in their order, but each after the lists of the models it nests in a short
    form (`short_forms`), where those lists are among them; a cycle keeps the first order."""
    served_by = {item.endpoint.model: item for item in items}
    needs = {
        item.path: {
            served_by[model].path
            for model in short_forms(item.endpoint.serializer_for(item.mode), item.endpoint.model)
            if model in served_by and served_by[model] is not item
        }
        for item in items
    }
    ordered: list[Mirrored] = []
    waiting = list(items)
    while waiting:
        placed = {item.path for item in ordered}
        ready = next((item for item in waiting if needs[item.path] <= placed), waiting[0])
        waiting.remove(ready)
        ordered.append(ready)
    return ordered
