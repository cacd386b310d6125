"""The data version to serve under, also while the database cannot be read.

Every response a worker holds is kept under the data version it was built for, read from the
database on every request: without the database, a held response could not be found. So
each worker remembers the version it last read, and while reading it fails on an unreachable
database, serves what it holds under that version (whole responses, or pages it builds from
the listings and documents it holds); anything it must read from the database for answers 503
(`launchlibrary.resilience.DatabaseOutageMiddleware`).
"""

from __future__ import annotations

import time

from launchlibrary.readpath.documents import current_version
from launchlibrary.resilience import DATABASE_ERRORS, database_failing, database_outage


class LastVersion:
    """The data version this worker last read; one per process, shared by its threads."""

    def __init__(self) -> None:
        self.version: int | None = None

    def read(self) -> int:
        """The current data version, or while the database cannot be read, the one last read
        (a worker that has read none has nothing to serve, and fails as before)."""
        asked_at = time.monotonic()
        try:
            version = current_version()
        except DATABASE_ERRORS as error:
            if self.version is None or not database_failing(error):
                raise
            database_outage.began(error)
            return self.version
        database_outage.ended(asked_at)
        self.version = version
        return version


last_version = LastVersion()
