from django.apps import AppConfig


class LandingsConfig(AppConfig):
    name = "launchlibrary.landings"
    label = "landings"
