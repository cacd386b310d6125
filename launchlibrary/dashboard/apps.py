from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "launchlibrary.dashboard"
    label = "dashboard"

    def ready(self) -> None:
        from launchlibrary.dashboard import changes

        changes.connect()
