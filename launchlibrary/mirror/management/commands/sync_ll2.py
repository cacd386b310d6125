from django.core.management.base import BaseCommand, CommandError

from launchlibrary.mirror.client import LL2Client
from launchlibrary.mirror.resources import mirrored
from launchlibrary.mirror.sync import Sync

DEFAULT_SOURCE = "https://ll.thespacedevs.com"


class Command(BaseCommand):
    help = (
        "Copy every mirrored endpoint of an LL2 2.3.0 server into this database, within the "
        "server's rate limit: resumable (run it again after a stop) and incremental for "
        "launches and events."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--from", dest="source", default=DEFAULT_SOURCE, help="LL2 server")
        parser.add_argument("--token", help="API key, sent as `Authorization: Token <key>`")
        parser.add_argument(
            "--only",
            help="Comma-separated endpoints to copy (`launches,events,config/orbits`)",
        )
        parser.add_argument(
            "--full",
            action="store_true",
            help="Copy launches and events whole, not only what changed since the last sync",
        )

    def handle(
        self, *args, source: str, token: str | None, only: str | None, full: bool, **options
    ) -> None:
        items = mirrored()
        if only:
            wanted = [path.strip().strip("/") for path in only.split(",") if path.strip()]
            known = {item.path: item for item in items}
            unknown = [path for path in wanted if path not in known]
            if unknown:
                raise CommandError(
                    f"Not mirrored: {', '.join(unknown)}. Mirrored: {', '.join(known)}"
                )
            items = [known[path] for path in dict.fromkeys(wanted)]
        client = LL2Client(source, token)
        try:
            totals = Sync(client, items, self.stdout.write, full=full).run()
        finally:
            client.close()
        self.stdout.write(
            f"{client.source}: {sum(totals.requests.values())} requests, {totals.pages} pages, "
            f"full={totals.requests['full']} incremental={totals.requests['incremental']} "
            f"throttled={totals.throttled} retried={totals.retried} "
            f"waited={totals.waited_seconds:.1f}s"
        )
        if totals.stopped:
            raise CommandError(
                f"{len(totals.stopped)} endpoints stopped (what they imported is kept; run "
                f"again to go on):\n" + "\n".join(f"{o.path}: {o.stopped}" for o in totals.stopped)
            )
