from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "launchlibrary.events"
    label = "events"
