from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from launchlibrary.ingest.file_names import exported_resource
from launchlibrary.ingest.importer import (
    Importer,
    ImportRefused,
    load_document,
    page_resource,
    top_level_objects,
)
from launchlibrary.ingest.statistics import refresh_planner_statistics


class Command(BaseCommand):
    help = (
        "Import LL2 2.3.0 JSON files (a page with `results`, a bare list, or one object), "
        "upserting every nested object by its LL2 id. Each file is one transaction: a file "
        "that cannot be placed whole changes nothing."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument(
            "--resource",
            help=(
                "LL2 resource of the objects without a `url` (`config/orbits`), for files "
                "whose page has no `next` or `previous` link naming it, nor its file name "
                "(as `export_ll2` names files)"
            ),
        )

    def handle(self, *args, files: list[Path], resource: str | None, **options) -> None:
        refused = []
        changed = False
        for path in files:
            try:
                document = load_document(path.read_bytes())
                objects = list(top_level_objects(document))
                progress = tqdm(objects, desc=path.name, unit="obj", disable=None)
                importer = Importer(
                    resource=resource or page_resource(document) or exported_resource(path.name)
                )
                report = importer.import_objects(progress)
            except OSError as error:
                refused.append(f"{path}: {error.strerror}")
            except ImportRefused as error:
                refused.append(f"{path}: refused at {error.json_path}: {error.reason}")
            else:
                self.stdout.write(f"{path}: {len(objects)} objects, {report.summary()}")
                changed = changed or bool(report.changed)
        if changed:
            # Not after a refusal alone: a refused file leaves the database byte for byte.
            refresh_planner_statistics()
        if refused:
            raise CommandError("\n".join(refused))
