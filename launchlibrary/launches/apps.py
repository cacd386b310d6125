from django.apps import AppConfig


class LaunchesConfig(AppConfig):
    name = "launchlibrary.launches"
    label = "launches"
