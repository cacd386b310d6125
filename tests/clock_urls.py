"""The server's URLs plus one path whose rows depend on the clock, for
tests/test_clock_paths.py; declared here rather than in the registry, so the contract tests
do not see it."""

from django.db.models import Min, QuerySet
from django.urls import include, path
from django.utils import timezone
from rest_framework.routers import SimpleRouter

from launchlibrary.launches.models import Launch
from launchlibrary.readpath.views import DocumentViewSet
from launchlibrary.spacecraft.endpoints import spacecraft
from launchlibrary.spacecraft.models import Spacecraft, SpacecraftFlight
from launchlibrary.urls import urlpatterns as server_urlpatterns


def flown() -> QuerySet:
    """Spacecraft with a flight launched by now."""
    launched = SpacecraftFlight.objects.filter(rocket__launch__net__lte=timezone.now())
    return Spacecraft.objects.filter(pk__in=launched.values("spacecraft"))


def next_launch(now):
    launches = Launch.objects.filter(net__gt=now, rocket__spacecraftflight__isnull=False)
    return launches.aggregate(Min("net"))["net__min"]


flown_spacecraft = spacecraft.variant("spacecraft/flown", queryset=flown, changes_at=next_launch)

router = SimpleRouter()
router.register(flown_spacecraft.path, DocumentViewSet.for_endpoint(flown_spacecraft))
urlpatterns = [path("2.3.0/", include(router.urls)), *server_urlpatterns]
