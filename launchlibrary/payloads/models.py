"""Payloads' config tables: the kinds of payload (communications satellite, probe, ...)."""

from django.db import models


class PayloadType(models.Model):
    name = models.CharField(max_length=255)

    def __str__(self) -> str:
        return self.name
