"""The live views of an endpoint: GET-only list and detail, serializers run per request."""

from __future__ import annotations

from django.utils.safestring import mark_safe
from rest_framework import viewsets
from rest_framework.compat import apply_markdown

from launchlibrary.api.docs import docs_block
from launchlibrary.api.endpoint import Endpoint
from launchlibrary.api.prefetch import eager


class EndpointViewSet(viewsets.ReadOnlyModelViewSet):
    """List and detail views driven by the `endpoint` declaration."""

    endpoint: Endpoint
    # HEAD is answered as GET is, but LL2 advertises `Allow: GET` alone.
    http_method_names = ["get", "head"]

    @classmethod
    def for_endpoint(cls, endpoint: Endpoint) -> type[EndpointViewSet]:
        """This view class, set up for one endpoint."""
        name = endpoint.path.title().replace("/", "").replace("_", "")
        return type(
            f"{name}ViewSet",
            (cls,),
            {
                "endpoint": endpoint,
                # For DRF's and django-filter's introspection; requests read `get_queryset`.
                "queryset": endpoint.rows(),
                "filterset_class": endpoint.filterset,
                "search_fields": list(endpoint.search),
                "ordering_fields": list(endpoint.ordering),
                "ordering": list(endpoint.default_ordering),
            },
        )

    @property
    def allowed_methods(self) -> list[str]:
        return ["GET"]

    def get_mode_name(self) -> str | None:
        if self.action == "retrieve":
            return self.endpoint.detail_mode_name
        return self.endpoint.mode_for(self.request.query_params.get("mode"))

    def get_serializer_class(self):
        return self.endpoint.serializer_for(self.get_mode_name())

    def get_queryset(self):
        return eager(self.endpoint.rows(), self.get_serializer_class())

    def get_view_name(self) -> str:
        name = self.endpoint.model._meta.verbose_name.title()
        return name + (" Instance" if self.detail else " List")

    def get_view_description(self, html: bool = False) -> str:
        text = docs_block(self.endpoint)
        return mark_safe(apply_markdown(text)) if html else text
