"""Payloads (satellites, probes, ...) and their flights: which rocket carried how many of
them where, and how each flight ended."""

from django.db import models

from launchlibrary.agencies.models import Agency
from launchlibrary.api.filters import ordering_indexes
from launchlibrary.images.models import Image


class PayloadType(models.Model):
    name = models.CharField(max_length=255)

    def __str__(self) -> str:
        return self.name


class Payload(models.Model):
    ll2_resource = "payloads"

    name = models.CharField(max_length=1048)
    type = models.ForeignKey(PayloadType, on_delete=models.PROTECT, null=True, blank=True)
    manufacturer = models.ForeignKey(
        Agency, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    operator = models.ForeignKey(
        Agency, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    image = models.ForeignKey(Image, on_delete=models.SET_NULL, null=True, blank=True)
    wiki_link = models.URLField(max_length=200, blank=True, default="")
    info_link = models.URLField(max_length=200, blank=True, default="")
    program = models.ManyToManyField("launches.Program", blank=True)
    cost = models.BigIntegerField(null=True, blank=True)
    mass = models.FloatField(null=True, blank=True)
    description = models.CharField(max_length=2048, blank=True, default="")

    class Meta:
        indexes = ordering_indexes("payload", "name")

    def __str__(self) -> str:
        return self.name


class PayloadFlight(models.Model):
    ll2_resource = "payload_flights"
    # LL2 prints the flight's launch; the flight belongs to that launch's rocket.
    ll2_through = {"launch": "rocket"}

    rocket = models.ForeignKey(
        "launches.Rocket",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="payloads",
    )
    destination = models.CharField(max_length=255, null=True, blank=True)
    amount = models.PositiveIntegerField(null=True, blank=True)
    # LL2's filters and ordering reach flights from a payload as `payloadflight`.
    payload = models.ForeignKey(Payload, on_delete=models.PROTECT, related_name="payloadflight")
    landing = models.OneToOneField(
        "landings.Landing",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="payloadflight",
    )

    def __str__(self) -> str:
        return f"{self.payload} on {self.rocket}"
