"""Reads from PostgreSQL read replicas (`DATABASE_REPLICA_URLS`), everything else from the
primary (`default`)."""

import random

from django.conf import settings
from django.db import connections
from django.db.models import Model


class ReplicaRouter:
    def __init__(self) -> None:
        self.replicas = [alias for alias in settings.DATABASES if alias != "default"]

    def db_for_read(self, model: type[Model], **hints) -> str:
        # A transaction (an import, a recompute, an edit in the admin) must read its own
        # writes, which a replica may not have yet.
        if connections["default"].in_atomic_block or not self.replicas:
            return "default"
        return random.choice(self.replicas)

    def db_for_write(self, model: type[Model], **hints) -> str:
        return "default"

    def allow_relation(self, obj1: Model, obj2: Model, **hints) -> bool:
        return True

    def allow_migrate(self, db: str, app_label: str, **hints) -> bool:
        return db == "default"
