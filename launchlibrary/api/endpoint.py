"""One declaration per LL2 path, and the registry that holds them.

Everything a path does comes from its `Endpoint`: the router, the live view, the docs block
of its browsable page, the read path, the OpenAPI schema, the API root and the contract
tests all iterate the registry, so behaviour, documentation and tests cannot drift apart.
Each app declares its paths in an `endpoints` module, found at start-up as Django's admin
finds `admin` modules.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from django.db.models import Model, QuerySet
from django.utils.module_loading import autodiscover_modules
from django_filters import FilterSet
from rest_framework.serializers import Serializer

from launchlibrary.api.links import API_VERSION

SerializerClass = type[Serializer]


def schema_name(serializer_class: SerializerClass) -> str:
    """The official schema a serializer writes: its name without the `Serializer` suffix
    (`SpacecraftNormalSerializer` writes `SpacecraftNormal`), as drf-spectacular names it;
    a few schemas carry the word inside (`LocationSerializerWithPads`)."""
    return serializer_class.__name__.removesuffix("Serializer")


@dataclass(frozen=True)
class Examples:
    """The query each section of the docs block shows (`mode=detailed`, ...), unquoted."""

    mode: str = ""
    filter: str = ""
    search: str = ""
    ordering: str = ""


@dataclass(frozen=True, eq=False)
class Endpoint:
    """An LL2 list path, `/<version>/<path>/`, and its detail path, `.../<path>/<id>/`.

    - `queryset`: the rows the path serves; a callable is called per request, for a path
      whose rows depend on the moment it is asked (`launches/upcoming`).
    - `modes`: `?mode=` name to serializer, in the order the docs block lists them; a path
      with one serializer (a lookup table) gives `serializer` instead and has no modes.
    - `default_mode`: what a list answers with no (or an unknown) `?mode=`; the first mode
      when not given. `detail_mode`: what the detail path answers; the default mode when
      not given.
    - `list_schema`: the OpenAPI name of what a list answers when its modes write several
      schemas (`PolymorphicSpacecraftEndpoint`); LL2's names cannot be derived, so each is given.
    - `filterset`: a FilterSet class; `search` and `ordering`: field names, as DRF's
      search and ordering filters take them.
    - `default_ordering`: the order of a list asked for none (`("-net",)`); by id when not
      given. Every order ends in the id (see `api.filters.StableOrderingFilter`).
    - `notes`: a paragraph opening the docs block of the browsable page, for what this
      server decides where LL2's docs say nothing (which launches are upcoming). The
      OpenAPI description stays LL2's docs block.
    - `changes_at`: for a clock-dependent queryset, the next moment after the given one at
      which its rows may change without a write (a launch's NET passing); caches keep a
      listing or response of such a path no longer than that.
    - `one_object`: the path answers the one row of its queryset, not a page, and has no
      detail path (`dashboard/starship`). Such an object gathers many others, some chosen
      by the clock or the query, so it is kept as whole responses, not as documents.
    """

    path: str
    queryset: QuerySet | Callable[[], QuerySet]
    modes: dict[str, SerializerClass] = field(default_factory=dict)
    serializer: SerializerClass | None = None
    default_mode: str | None = None
    detail_mode: str | None = None
    list_schema: str = ""
    filterset: type[FilterSet] | None = None
    search: tuple[str, ...] = ()
    ordering: tuple[str, ...] = ()
    default_ordering: tuple[str, ...] = ("id",)
    examples: Examples = Examples()
    notes: str = ""
    changes_at: Callable[[datetime], datetime | None] | None = None
    one_object: bool = False

    def __post_init__(self) -> None:
        if bool(self.modes) == bool(self.serializer):
            raise ValueError(f"{self.path}: give either modes or one serializer")
        for mode in (self.default_mode, self.detail_mode):
            if mode is not None and mode not in self.modes:
                raise ValueError(f"{self.path}: {mode!r} is not one of its modes")

    @property
    def model(self) -> type[Model]:
        return self.rows().model

    def rows(self) -> QuerySet:
        """The rows this path serves, as of now."""
        queryset = self.queryset() if callable(self.queryset) else self.queryset
        return queryset.all()

    @cached_property
    def serves_every_row(self) -> bool:
        """Whether the path serves every row of its model (`launches/upcoming` does not)."""
        return not callable(self.queryset) and not self.queryset.query.where

    def mode_for(self, requested: str | None) -> str | None:
        """The mode a list answers in: the one asked for if it has it (LL2 answers an
        unknown mode in the default one rather than refusing it)."""
        if not self.modes:
            return None
        if requested in self.modes:
            return requested
        return self.default_mode or next(iter(self.modes))

    @property
    def detail_mode_name(self) -> str | None:
        return self.detail_mode or self.mode_for(None)

    def serializer_for(self, mode: str | None) -> SerializerClass:
        return self.modes[mode] if mode is not None else self.serializer

    def serializers(self) -> list[SerializerClass]:
        """Every serializer the path answers with, each once."""
        return list(dict.fromkeys(self.modes.values())) if self.modes else [self.serializer]

    def variant(
        self, path: str, queryset: QuerySet | Callable[[], QuerySet], **changes
    ) -> Endpoint:
        """The same endpoint (serializers, filters, docs) on another path and rows."""
        return dataclasses.replace(self, path=path, queryset=queryset, **changes)


def lookup(path: str, serializer: SerializerClass) -> Endpoint:
    """A lookup table's endpoint (`config/orbits`): every row, one serializer, no filters."""
    return Endpoint(
        path=path, queryset=serializer.Meta.model._default_manager.all(), serializer=serializer
    )


class Registry:
    """The endpoints of one API version, by path."""

    def __init__(self, version: str) -> None:
        self.version = version
        self._endpoints: dict[str, Endpoint] = {}

    def register(self, endpoint: Endpoint) -> Endpoint:
        if endpoint.path in self._endpoints:
            raise ValueError(f"{endpoint.path} is declared twice")
        self._endpoints[endpoint.path] = endpoint
        return endpoint

    def __iter__(self) -> Iterator[Endpoint]:
        return iter(self._endpoints.values())

    def __len__(self) -> int:
        return len(self._endpoints)

    def __getitem__(self, path: str) -> Endpoint:
        return self._endpoints[path]

    def serializers(self) -> list[SerializerClass]:
        """Every serializer whose documents a list or detail path is served from, each once:
        those endpoints answer with, but a one-object path's."""
        return list(
            dict.fromkeys(
                s for endpoint in self if not endpoint.one_object for s in endpoint.serializers()
            )
        )


registry = Registry(API_VERSION)
register = registry.register


def discover() -> None:
    """Import every installed app's `endpoints` module, which registers its paths."""
    autodiscover_modules("endpoints")
