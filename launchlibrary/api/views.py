"""The live views of an endpoint: GET-only list and detail, serializers run per request; a
one-object path's list answers its object, and it has no detail view."""

from __future__ import annotations

from django.utils.safestring import mark_safe
from rest_framework import mixins, viewsets
from rest_framework.compat import apply_markdown
from rest_framework.generics import get_object_or_404
from rest_framework.response import Response

from launchlibrary.api.docs import docs_block
from launchlibrary.api.endpoint import Endpoint
from launchlibrary.api.prefetch import eager


class EndpointViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """List and detail views driven by the `endpoint` declaration."""

    endpoint: Endpoint
    # The detail view, left out of a one-object path's class: a router routes what it finds.
    detail_views: type = mixins.RetrieveModelMixin
    # HEAD is answered as GET is, but LL2 advertises `Allow: GET` alone.
    http_method_names = ["get", "head"]

    @classmethod
    def for_endpoint(cls, endpoint: Endpoint) -> type[EndpointViewSet]:
        """This view class, set up for one endpoint."""
        name = endpoint.path.title().replace("/", "").replace("_", "")
        return type(
            f"{name}ViewSet",
            (cls,) if endpoint.one_object else (cls.detail_views, cls),
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

    def list(self, request, *args, **kwargs):
        if not self.endpoint.one_object:
            return super().list(request, *args, **kwargs)
        return Response(self.get_serializer(get_object_or_404(self.get_queryset())).data)

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
