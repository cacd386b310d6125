from django.db import models


class BundledFile(models.Model):
    """A file of the bundled dataset this database has loaded, by content: it is not loaded
    again, so a restart never undoes what arrived later (an admin edit, an import, a sync)
    and never brings back what a librarian deleted."""

    name = models.CharField(max_length=255, unique=True)
    sha256 = models.CharField(max_length=64)
    loaded_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.name
