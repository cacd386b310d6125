"""LL2 prints durations as ISO 8601 in whole seconds with zero parts dropped."""

from datetime import timedelta


def format_duration(value: timedelta) -> str:
    """`P248DT23H4M6S`, `PT9M`, `P1D`, and `P0D` for zero, as LL2 prints them."""
    seconds = int(value.total_seconds())
    sign = "-" if seconds < 0 else ""
    days, rest = divmod(abs(seconds), 86400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    date_part = f"{days}D" if days else ""
    time_part = "".join(
        f"{amount}{unit}"
        for amount, unit in ((hours, "H"), (minutes, "M"), (seconds, "S"))
        if amount
    )
    if not date_part and not time_part:
        return "P0D"
    return f"{sign}P{date_part}{'T' + time_part if time_part else ''}"
