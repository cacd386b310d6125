"""`GET /2.3.0/export/`: the files `export_ll2` writes, as one gzipped tar streamed as it is
made. It is no LL2 path: the API root and the OpenAPI schema leave it out."""

from django.http import StreamingHttpResponse
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.views import APIView

from launchlibrary.mirror.export import ARCHIVE_FOLDER, Exporter, archive


class ExportView(APIView):
    """Authenticated and throttled as every API path is (an API key, or the anonymous rate):
    the download counts as one request. Errors (401, 429) answer in JSON."""

    schema = None
    renderer_classes = (JSONRenderer,)
    http_method_names = ["get", "head"]

    @property
    def allowed_methods(self) -> list[str]:
        return ["GET"]

    def get(self, request: Request) -> StreamingHttpResponse:
        response = StreamingHttpResponse(
            archive(Exporter().files()), content_type="application/gzip"
        )
        response["Content-Disposition"] = f'attachment; filename="{ARCHIVE_FOLDER}.tar.gz"'
        # Made anew per request from the data as it stands.
        response["Cache-Control"] = "no-store"
        return response
