from django.core.management.base import BaseCommand
from django.db import transaction

from launchlibrary.api.endpoint import schema_name
from launchlibrary.readpath import documents


class Command(BaseCommand):
    help = (
        "Render the JSON documents the fast read path serves: of every object lacking one, "
        "or with --all of every object. Says nothing when every document was there."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--all", action="store_true", help="render every document again")

    def handle(self, *args, all: bool = False, **options) -> None:
        rendered = {}
        with transaction.atomic():
            for serializer_class in documents.rendered_serializers():
                render = documents.render_all if all else documents.render_missing
                rendered[schema_name(serializer_class)] = render(serializer_class)
            if any(rendered.values()):
                documents.bump_version()
        for schema, count in rendered.items():
            if count:
                self.stdout.write(f"{schema}: {count} documents rendered")
