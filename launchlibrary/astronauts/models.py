"""Astronauts' config tables: the roles they fly in, their status and their type."""

from django.db import models


class AstronautRole(models.Model):
    role = models.CharField(max_length=255)
    priority = models.IntegerField(default=0)

    def __str__(self) -> str:
        return self.role


class AstronautStatus(models.Model):
    name = models.CharField(max_length=255)

    class Meta:
        verbose_name_plural = "astronaut statuses"

    def __str__(self) -> str:
        return self.name


class AstronautType(models.Model):
    name = models.CharField(max_length=255)

    def __str__(self) -> str:
        return self.name
