"""LL2's path over agencies."""

from launchlibrary.agencies.endpoint_serializers import AgencyEndpointDetailedSerializer
from launchlibrary.agencies.filters import AgencyFilter
from launchlibrary.agencies.models import Agency
from launchlibrary.agencies.serializers import AgencyMiniSerializer, AgencyNormalSerializer
from launchlibrary.api.endpoint import Endpoint, Examples, register

agencies = register(
    Endpoint(
        path="agencies",
        queryset=Agency.objects.all(),
        modes={
            "list": AgencyMiniSerializer,
            "normal": AgencyNormalSerializer,
            "detailed": AgencyEndpointDetailedSerializer,
        },
        default_mode="normal",
        detail_mode="detailed",
        list_schema="PolymorphicAgencyEndpoint",
        filterset=AgencyFilter,
        search=("abbrev", "name"),
        ordering=(
            "attempted_landings",
            "consecutive_successful_landings",
            "consecutive_successful_launches",
            "failed_landings",
            "failed_launches",
            "featured",
            "id",
            "name",
            "pending_launches",
            "successful_landings",
            "successful_launches",
            "total_launch_count",
        ),
        examples=Examples(
            mode="list",
            filter="abbrev=NASA",
            search="SpaceX",
            ordering="-total_launch_count",
        ),
    )
)
