import hashlib
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from launchlibrary.ingest.importer import Importer, ImportRefused, load_document, top_level_objects
from launchlibrary.ingest.models import BundledFile
from launchlibrary.ingest.statistics import refresh_planner_statistics


class Command(BaseCommand):
    help = (
        "Load the bundled dataset: each file once per database (by content), adding only "
        "the objects the database lacks. Rows that were there before the load began are "
        "left as they are, so the bundle never overwrites an admin edit, an import or a "
        "sync; within the load, a later file's copy of an object wins, as with import_ll2. "
        "Says nothing when every file was loaded before."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("files", nargs="+", type=Path)

    def handle(self, *args, files: list[Path], **options) -> None:
        # What this load made: later files may update it, as LL2's newer word.
        made: set = set()
        loaded = False
        for path in files:
            content = path.read_bytes()
            digest = hashlib.sha256(content).hexdigest()
            if BundledFile.objects.filter(name=path.name, sha256=digest).exists():
                continue
            try:
                objects = list(top_level_objects(load_document(content)))
                with transaction.atomic():
                    report = Importer(new_only=made).import_objects(objects)
                    BundledFile.objects.update_or_create(
                        name=path.name, defaults={"sha256": digest}
                    )
            except ImportRefused as error:
                raise CommandError(
                    f"{path}: refused at {error.json_path}: {error.reason}"
                ) from None
            self.stdout.write(f"{path}: {len(objects)} objects, {report.summary()}")
            loaded = True
        if loaded:
            refresh_planner_statistics()
