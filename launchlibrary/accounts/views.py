from rest_framework import viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from launchlibrary.accounts.throttling import LL2RateThrottle


class ApiThrottleViewSet(viewsets.ViewSet):
    """API endpoint that allows API Throttle information to be viewed.

    GET:
    Returns a range of information about your API access
    """

    # Asking how much of the limit is left does not use any of it.
    throttle_classes = ()
    http_method_names = ["get", "head"]

    @property
    def allowed_methods(self) -> list[str]:
        return ["GET"]

    def list(self, request: Request) -> Response:
        return Response(LL2RateThrottle().status(request))
