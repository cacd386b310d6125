from django.apps import AppConfig


class ConfigConfig(AppConfig):
    """The `/config/*` lookup tables: declarations only, the models live in their domains."""

    name = "launchlibrary.config"
    label = "config"
