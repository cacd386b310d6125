from drf_spectacular.utils import extend_schema, extend_schema_serializer
from rest_framework import serializers, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from launchlibrary.accounts.throttling import LL2RateThrottle


# `many=False`: the path answers one object, which LL2's schema calls an array of them.
@extend_schema_serializer(many=False)
class APIThrottleSerializer(serializers.Serializer):
    """What `/api-throttle/` answers, for the OpenAPI schema (LL2's `APIThrottle`)."""

    your_request_limit = serializers.IntegerField()
    limit_frequency_secs = serializers.IntegerField()
    current_use = serializers.IntegerField()
    next_use_secs = serializers.IntegerField()
    ident = serializers.CharField()


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

    @extend_schema(responses=APIThrottleSerializer)
    def list(self, request: Request) -> Response:
        return Response(LL2RateThrottle().status(request))
