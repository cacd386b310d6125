"""One declaration per LL2 path: everything an endpoint does, and the docs block of its
browsable page, comes from an `Endpoint`, so behaviour and documentation cannot drift apart."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Model
from django.utils.safestring import mark_safe
from rest_framework import serializers, viewsets
from rest_framework.compat import apply_markdown

from launchlibrary.api import fastpath
from launchlibrary.api.fastpath import cached, serves_documents
from launchlibrary.api.prefetch import eager


@dataclass(frozen=True, eq=False)
class Endpoint:
    """An LL2 resource: `/2.3.0/<resource>/` and `/2.3.0/<resource>/<id>/`.

    `modes` maps each `?mode=` to its serializer, the default first; the detail path always
    answers in `detail_mode`. Each `*_example` is the query the docs block shows.
    """

    resource: str
    model: type[Model]
    modes: dict[str, type[serializers.Serializer]]
    detail_mode: str
    mode_example: str
    filter_fields: list[str] = field(default_factory=list)
    filter_example: str = ""
    search_fields: list[str] = field(default_factory=list)
    search_example: str = ""
    ordering_fields: list[str] = field(default_factory=list)
    ordering_example: str = ""

    @property
    def default_mode(self) -> str:
        return next(iter(self.modes))

    def docs_markdown(self) -> str:
        """The docs block heading the browsable page, as LL2's schema gives it."""
        path = f"/{self.resource}/"

        def link(query: str) -> str:
            return f"[{path}?{query}](./?{query})"

        def example(query: str) -> str:
            return f"Example - {link(query)}"

        def names(fields) -> str:
            return ", ".join(f"`{name}`" for name in fields)

        sections = [
            f"#### Modes\nLevels of detail in the response - {names(self.modes)}\n\n"
            + example(f"mode={self.mode_example}")
        ]
        if self.filter_fields:
            sections.append(
                f"#### Filters\nParameters - {names(self.filter_fields)}\n\n"
                + example(self.filter_example)
            )
        if self.search_fields:
            sections.append(
                f"#### Search\nFields searched - {names(self.search_fields)}\n\n"
                + example(f"search={self.search_example}")
            )
        if self.ordering_fields:
            sections.append(
                f"#### Ordering\nFields - {names(self.ordering_fields)}\n\n"
                + example(f"ordering={self.ordering_example}")
            )
        docs_url = settings.LL2_DOCS_URL
        docs_text = docs_url.split("://", 1)[-1].rstrip("/")
        sections += [
            "#### Number of results\n"
            "Use `limit` to control the number of objects in the response (max 100)\n\n"
            + example("limit=2"),
            "#### Format\nSwitch to JSON output - " + link("format=json"),
            "#### Help\nFind all the FAQs and support links on the documentation homepage - "
            f"[{docs_text}]({docs_url})",
        ]
        return "\n\n".join(sections)

    def viewset(self) -> type[viewsets.ReadOnlyModelViewSet]:
        endpoint = self
        return type(
            f"{self.model.__name__}ViewSet",
            (EndpointViewSet,),
            {
                "endpoint": endpoint,
                "queryset": self.model._default_manager.all(),
                "filterset_fields": self.filter_fields,
                "search_fields": self.search_fields,
                "ordering_fields": self.ordering_fields,
                "ordering": ["id"],
            },
        )


class EndpointViewSet(viewsets.ReadOnlyModelViewSet):
    """GET-only list and detail views driven by the `endpoint` declaration."""

    endpoint: Endpoint
    # HEAD is answered as GET is, but LL2 advertises `Allow: GET` alone.
    http_method_names = ["get", "head"]

    @property
    def allowed_methods(self) -> list[str]:
        return ["GET"]

    def get_mode_name(self) -> str:
        if self.action == "retrieve":
            return self.endpoint.detail_mode
        mode = self.request.query_params.get("mode")
        # LL2 answers an unknown mode in the default one rather than refusing it.
        return mode if mode in self.endpoint.modes else self.endpoint.default_mode

    def get_serializer_class(self):
        return self.endpoint.modes[self.get_mode_name()]

    def list(self, request, *args, **kwargs):
        if serves_documents(request):
            response = cached(request, lambda version: fastpath.list_page(self, request, version))
            if response is not None:
                return response
        return super().list(request, *args, **kwargs)

    def retrieve(self, request, *args, pk=None, **kwargs):
        if serves_documents(request):
            response = cached(request, lambda version: fastpath.detail(self, request, version, pk))
            if response is not None:
                return response
        return super().retrieve(request, *args, pk=pk, **kwargs)

    def get_queryset(self):
        return eager(super().get_queryset(), self.get_serializer_class())

    def get_view_name(self) -> str:
        return self.endpoint.model._meta.verbose_name.title() + (
            " Instance" if self.detail else " List"
        )

    def get_view_description(self, html: bool = False) -> str:
        text = self.endpoint.docs_markdown()
        return mark_safe(apply_markdown(text)) if html else text
