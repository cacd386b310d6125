"""Events' config tables: the kinds of event (spacewalk, docking, press event, ...)."""

from django.db import models


class EventType(models.Model):
    name = models.CharField(max_length=255)

    def __str__(self) -> str:
        return self.name
