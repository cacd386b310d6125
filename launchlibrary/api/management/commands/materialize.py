from django.core.management.base import BaseCommand

from launchlibrary.api import documents


class Command(BaseCommand):
    help = (
        "Render the JSON documents the fast read path serves: of every object lacking one, "
        "or with --all of every object."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--all", action="store_true", help="render every document again")

    def handle(self, *args, all: bool = False, **options) -> None:
        for endpoint in documents.endpoints():
            if all:
                ids = list(endpoint.model._default_manager.values_list("pk", flat=True))
                documents.render(endpoint, ids)
                count = len(ids)
            else:
                count = documents.render_missing(endpoint)
            documents.bump_version()
            self.stdout.write(f"{endpoint.resource}: {count} objects rendered")
