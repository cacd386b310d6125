"""LL2's dashboards: `/dashboard/starship/`, one object, not a page."""

from launchlibrary.api.endpoint import Endpoint, Examples, register
from launchlibrary.dashboard import split
from launchlibrary.dashboard.models import Dashboard
from launchlibrary.dashboard.serializers import (
    StarshipDashboardDetailedSerializer,
    StarshipDashboardListSerializer,
    StarshipDashboardNormalSerializer,
)

STARSHIP = "starship"

starship = register(
    Endpoint(
        path="dashboard/starship",
        queryset=Dashboard.objects.filter(slug=STARSHIP),
        modes={
            "list": StarshipDashboardListSerializer,
            "normal": StarshipDashboardNormalSerializer,
            "detailed": StarshipDashboardDetailedSerializer,
        },
        default_mode="normal",
        list_schema="PolymorphicStarshipDashboardEndpoint",
        examples=Examples(mode="list"),
        notes=(
            "`upcoming` and `previous` hold at most `limit` launches and `limit` events each "
            "(10 unless given, at most 100): upcoming ones soonest first, with those of the "
            "last 24 hours; previous ones latest first."
        ),
        changes_at=split.changes_at,
        one_object=True,
    )
)
