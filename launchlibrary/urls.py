from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularSwaggerView
from rest_framework.routers import SimpleRouter

from launchlibrary.accounts.views import ApiThrottleViewSet
from launchlibrary.api.endpoint import registry
from launchlibrary.api.root import ApiRootView
from launchlibrary.api.schema import SchemaView
from launchlibrary.health import health
from launchlibrary.mirror.views import ExportView
from launchlibrary.readpath.views import DocumentViewSet

THROTTLE_PATH = "api-throttle"

router = SimpleRouter()
# Deeper paths first: `launches/upcoming/` is its own list, not the detail of a launch
# whose id is "upcoming".
for endpoint in sorted(registry, key=lambda endpoint: -endpoint.path.count("/")):
    router.register(
        endpoint.path,
        DocumentViewSet.for_endpoint(endpoint),
        basename=endpoint.path.replace("/", "-"),
    )
router.register(THROTTLE_PATH, ApiThrottleViewSet, basename=THROTTLE_PATH)

# `schema=None`: the API root is not an operation of the OpenAPI schema.
api_root = ApiRootView.as_view(
    schema=None,
    version=registry.version,
    paths=sorted([endpoint.path for endpoint in registry] + [THROTTLE_PATH]),
)

admin.site.site_header = "Launch Library 2"
admin.site.site_url = f"/{registry.version}/"

urlpatterns = [
    path("", RedirectView.as_view(url=f"/{registry.version}/")),
    path(f"{registry.version}/", api_root, name="api-root"),
    path(f"{registry.version}/json", SchemaView.as_view(), name="openapi-schema"),
    path(
        f"{registry.version}/swagger/",
        SpectacularSwaggerView.as_view(url_name="openapi-schema", throttle_classes=()),
        name="swagger-ui",
    ),
    # Outside the registry: no LL2 path, so neither the API root nor the schema lists it.
    path(f"{registry.version}/export/", ExportView.as_view(), name="export"),
    path(f"{registry.version}/", include(router.urls)),
    path("health", health),
    path(settings.LL2_ADMIN_PATH, admin.site.urls),
]
