from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "launchlibrary.api"
    label = "api"
