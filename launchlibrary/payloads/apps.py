from django.apps import AppConfig


class PayloadsConfig(AppConfig):
    name = "launchlibrary.payloads"
    label = "payloads"
