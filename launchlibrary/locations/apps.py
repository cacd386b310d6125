from django.apps import AppConfig


class LocationsConfig(AppConfig):
    name = "launchlibrary.locations"
    label = "locations"
