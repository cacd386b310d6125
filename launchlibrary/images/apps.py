from django.apps import AppConfig


class ImagesConfig(AppConfig):
    name = "launchlibrary.images"
    label = "images"
