from django.apps import AppConfig


class SpacewalksConfig(AppConfig):
    name = "launchlibrary.spacewalks"
    label = "spacewalks"
