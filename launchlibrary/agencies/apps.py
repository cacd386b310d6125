from django.apps import AppConfig


class AgenciesConfig(AppConfig):
    name = "launchlibrary.agencies"
    label = "agencies"
