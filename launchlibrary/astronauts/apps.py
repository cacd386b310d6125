from django.apps import AppConfig


class AstronautsConfig(AppConfig):
    name = "launchlibrary.astronauts"
    label = "astronauts"
