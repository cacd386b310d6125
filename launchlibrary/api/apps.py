from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "launchlibrary.api"
    label = "api"

    def ready(self) -> None:
        from launchlibrary.api.endpoint import discover

        discover()
