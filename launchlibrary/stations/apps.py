from django.apps import AppConfig


class StationsConfig(AppConfig):
    name = "launchlibrary.stations"
    label = "stations"
