from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from launchlibrary.mirror.export import DEFAULT_BASE_URL, Exporter, ExportFailed
from launchlibrary.mirror.resources import mirrored


class Command(BaseCommand):
    help = (
        "Write everything the database holds as LL2 2.3.0 JSON files into DIR: each mirrored "
        "endpoint's list in its richest mode, one file per page of 100, as this server serves "
        "it. `import_ll2 DIR/*.json` reads them back."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("directory", type=Path)
        parser.add_argument(
            "--base-url",
            default=DEFAULT_BASE_URL,
            help=f"scheme and host of the `url` fields written (default {DEFAULT_BASE_URL})",
        )

    def handle(self, *args, directory: Path, base_url: str, **options) -> None:
        try:
            exporter = Exporter(base_url)
        except ValueError as error:
            raise CommandError(str(error)) from None
        directory.mkdir(parents=True, exist_ok=True)
        # Files of an earlier export would be imported with this one's.
        if any(directory.glob("*.json")):
            raise CommandError(f"{directory} holds JSON files already: export into an empty one")
        written = 0
        for place, item in enumerate(mirrored()):
            with tqdm(
                total=exporter.page_count(item), desc=item.path, unit="page", disable=None
            ) as progress:
                try:
                    for file in exporter.endpoint_files(place, item):
                        (directory / file.name).write_bytes(file.content)
                        written += 1
                        progress.update()
                except ExportFailed as error:
                    raise CommandError(str(error)) from None
        self.stdout.write(f"{directory}: {written} files")
