from django.db import models


class Document(models.Model):
    """One object's JSON in one schema (`SpacecraftNormal`, `Orbit`, ...), rendered by that
    schema's serializer when the data changed; every path answering in the schema serves
    the same document.

    Links in `body` hold placeholders for the request's origin and `?format=`, filled in
    per request (see `launchlibrary.readpath.documents`).
    """

    schema = models.CharField(max_length=128)
    object_id = models.CharField(max_length=64)
    body = models.BinaryField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["schema", "object_id"], name="one_document_per_schema")
        ]

    def __str__(self) -> str:
        return f"{self.schema} {self.object_id}"


class DataVersion(models.Model):
    """A counter every write to the data bumps; cached responses of older versions are stale."""

    version = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return str(self.version)
