from django.db import models


class Document(models.Model):
    """One object's JSON in one mode, rendered by its serializer when the data changed.

    Links in `body` hold placeholders for the request's origin and `?format=`, filled in
    per request (see `launchlibrary.api.documents`).
    """

    resource = models.CharField(max_length=64)
    mode = models.CharField(max_length=16)
    object_id = models.CharField(max_length=64)
    body = models.BinaryField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["resource", "mode", "object_id"], name="one_document_per_object_and_mode"
            )
        ]

    def __str__(self) -> str:
        return f"{self.resource}/{self.object_id} ({self.mode})"


class DataVersion(models.Model):
    """A counter every write to the data bumps; cached responses of older versions are stale."""

    version = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return str(self.version)
