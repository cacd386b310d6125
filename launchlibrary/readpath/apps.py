from django.apps import AppConfig


class ReadPathConfig(AppConfig):
    name = "launchlibrary.readpath"
    label = "readpath"
    verbose_name = "read path"

    def ready(self) -> None:
        from launchlibrary.readpath.documents import connect_signals

        connect_signals()
