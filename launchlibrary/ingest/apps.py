from django.apps import AppConfig


class IngestConfig(AppConfig):
    name = "launchlibrary.ingest"
    label = "ingest"
