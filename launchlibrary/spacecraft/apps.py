from django.apps import AppConfig


class SpacecraftConfig(AppConfig):
    name = "launchlibrary.spacecraft"
    label = "spacecraft"
