"""`GET /<version>/`: every list path served, by name, with its absolute URL, as DRF's API
root lists a router's paths."""

from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from launchlibrary.api.links import link_parts


class ApiRootView(APIView):
    """The list paths of this API; follow one to browse it."""

    paths: list[str] = []
    version: str = ""
    http_method_names = ["get", "head"]

    @property
    def allowed_methods(self) -> list[str]:
        return ["GET"]

    def get(self, request: Request) -> Response:
        origin, format_suffix = link_parts(request)
        return Response(
            {path: f"{origin}/{self.version}/{path}/{format_suffix}" for path in self.paths}
        )

    def get_view_name(self) -> str:
        return "Api Root"
