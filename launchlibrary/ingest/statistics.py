"""The query planner's statistics, refreshed after a bulk write.

Without them SQLite walks an ordering's index over the whole table to find the rows of a
narrow filter (a month of NETs among 100,000 launches, ordered by name: 640 ms), where with
them it reads the filter's own index and sorts the few rows found (20 ms). PostgreSQL
gathers its own in time (autovacuum), but not before the first queries after an import.
"""

from django.db import connection


def refresh_planner_statistics() -> None:
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
