"""Reads from PostgreSQL read replicas (`DATABASE_REPLICA_URLS`), everything else from the
primary (`default`)."""

import random
import threading

from django.conf import settings
from django.core.signals import request_started
from django.db import connections
from django.db.models import Model

# Logins, sessions and the admin read what was just written: a lagging replica would log a
# librarian out, or hide the edit just saved. API keys too: a worker keeps the answer for a
# minute, and a new key read as unknown from a lagging replica would be refused that long.
# Failed admin logins too: a lagging count would let more through than the limit.
PRIMARY_ONLY_APPS = frozenset({"accounts", "admin", "auth", "axes", "contenttypes", "sessions"})


class ReplicaRouter:
    def __init__(self) -> None:
        self.replicas = [alias for alias in settings.DATABASES if alias != "default"]
        self.chosen = threading.local()
        request_started.connect(self.choose_replica, dispatch_uid="ll2-choose-replica")

    def choose_replica(self, **kwargs) -> None:
        """One replica for all the reads of a request, so that they see one state of the
        data: the data version and the documents it keys come from the same replica."""
        self.chosen.alias = random.choice(self.replicas) if self.replicas else None

    def db_for_read(self, model: type[Model], **hints) -> str:
        # A transaction (an import, a recompute, an edit in the admin) must read its own
        # writes, which a replica may not have yet.
        if (
            not self.replicas
            or model._meta.app_label in PRIMARY_ONLY_APPS
            or connections["default"].in_atomic_block
        ):
            return "default"
        alias = getattr(self.chosen, "alias", None)
        return alias or random.choice(self.replicas)

    def db_for_write(self, model: type[Model], **hints) -> str:
        return "default"

    def allow_relation(self, obj1: Model, obj2: Model, **hints) -> bool:
        return True

    def allow_migrate(self, db: str, app_label: str, **hints) -> bool:
        return db == "default"
