from django.contrib import admin
from django.urls import include, path
from rest_framework.routers import SimpleRouter

from launchlibrary.accounts.views import ApiThrottleViewSet
from launchlibrary.api.urls import API_VERSION
from launchlibrary.endpoints import ENDPOINTS
from launchlibrary.health import health

router = SimpleRouter()
for endpoint in ENDPOINTS:
    router.register(endpoint.resource, endpoint.viewset(), basename=endpoint.resource)
router.register("api-throttle", ApiThrottleViewSet, basename="api-throttle")

admin.site.site_header = "Launch Library 2"
admin.site.site_url = f"/{API_VERSION}/spacecraft/"

urlpatterns = [
    path(f"{API_VERSION}/", include(router.urls)),
    path("health", health),
    path("admin/", admin.site.urls),
]
