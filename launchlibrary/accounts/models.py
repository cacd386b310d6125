import secrets

from django.db import models

from launchlibrary.accounts.rates import validate_rate


def new_key() -> str:
    """40 hex digits, the form of DRF's tokens and of LL2's keys."""
    return secrets.token_hex(20)


class ApiKey(models.Model):
    """A client's key, sent as `Authorization: Token <key>`, and the rate it may use."""

    name = models.CharField(max_length=100, help_text="Who or what the key is for.")
    key = models.CharField(max_length=40, unique=True, default=new_key, editable=False)
    rate = models.CharField(
        max_length=20,
        validators=[validate_rate],
        help_text="Requests allowed per period: 100/hour, 5000/day, 10/minute.",
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "API key"
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name
