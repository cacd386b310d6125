"""The figure LL2 derives of a spacewalk: how long it lasted."""

from datetime import datetime, timedelta


def duration(start: datetime | None, end: datetime | None) -> timedelta | None:
    """From the start to the end of the spacewalk, when both are known and in that order;
    None where it cannot be derived, and the stored (imported) duration stands."""
    if start is None or end is None or end < start:
        return None
    return end - start
