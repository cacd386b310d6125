"""Request rates as DRF writes them: `100/hour`, `15/h`, `5000/day`, `10/minute`."""

import re

from django.core.exceptions import ValidationError

RATE = re.compile(r"\d+/(s|sec|second|m|min|minute|h|hour|d|day)")


def validate_rate(value: str) -> None:
    if not RATE.fullmatch(value):
        raise ValidationError(
            "%(value)r is not a rate such as 100/hour (periods: second, minute, hour, day).",
            params={"value": value},
        )
