from django.apps import AppConfig


class MirrorConfig(AppConfig):
    name = "launchlibrary.mirror"
    label = "mirror"
