"""The views every registered path is served by: JSON from documents first, the live view
(serializers per request) where the fast path has no answer. The browsable page is
rendered live, once per data version: after that it is served as cached JSON is."""

import functools
from collections.abc import Callable

from rest_framework.mixins import RetrieveModelMixin
from rest_framework.request import Request
from rest_framework.response import Response

from launchlibrary.api.views import EndpointViewSet
from launchlibrary.readpath import responses


class DocumentDetail(RetrieveModelMixin):
    """The detail view, of the paths that have one: the object's document first."""

    def retrieve(self, request, *args, pk=None, **kwargs):
        return self.served(
            request,
            functools.partial(super().retrieve, request, *args, pk=pk, **kwargs),
            lambda version: responses.detail(self, request, version, pk),
        )


class DocumentViewSet(EndpointViewSet):
    detail_views = DocumentDetail

    def list(self, request, *args, **kwargs):
        live = functools.partial(super().list, request, *args, **kwargs)
        if self.endpoint.one_object:
            # An object of many others, some chosen by the clock or the query: what is kept
            # is the whole response, per data version and moment (`Endpoint.changes_at`).
            return self.served(request, live, lambda version: self.rendered(live()))
        return self.served(
            request, live, lambda version: responses.list_page(self, request, version)
        )

    def served(
        self,
        request: Request,
        live: Callable[[], Response],
        from_documents: Callable[[int], bytes | None],
    ) -> Response:
        """JSON from documents, the browsable page from the pages rendered before, or else
        the live view's response."""
        response = None
        if responses.serves_documents(request):
            response = responses.cached(request, self.endpoint, from_documents)
        elif responses.serves_pages(request):
            renderer = request.accepted_renderer
            response = responses.cached(
                request,
                self.endpoint,
                lambda version: self.rendered(live()),
                content_type=f"{renderer.media_type}; charset={renderer.charset}",
            )
        return live() if response is None else response

    def rendered(self, response: Response) -> bytes:
        """The live response's bytes, as the view would send them: the browsable page shows
        the headers `finalize_response` sets, so it is rendered after that."""
        headers = dict(self.headers)
        self.finalize_response(self.request, response)
        # finalize_response takes `Vary` out of the view's headers; the cached response
        # returned is finalized again and needs it.
        self.headers = headers
        return response.rendered_content
