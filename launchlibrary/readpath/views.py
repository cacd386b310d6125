"""The views every registered path is served by: JSON from documents first, the live view
(serializers per request) where the fast path has no answer."""

from launchlibrary.api.views import EndpointViewSet
from launchlibrary.readpath import responses


class DocumentViewSet(EndpointViewSet):
    def list(self, request, *args, **kwargs):
        if responses.serves_documents(request):
            response = responses.cached(
                request,
                self.endpoint,
                lambda version: responses.list_page(self, request, version),
            )
            if response is not None:
                return response
        return super().list(request, *args, **kwargs)

    def retrieve(self, request, *args, pk=None, **kwargs):
        if responses.serves_documents(request):
            response = responses.cached(
                request,
                self.endpoint,
                lambda version: responses.detail(self, request, version, pk),
            )
            if response is not None:
                return response
        return super().retrieve(request, *args, pk=pk, **kwargs)
