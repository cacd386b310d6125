from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from launchlibrary.accounts.models import ApiKey


class Command(BaseCommand):
    help = "Make an API key for `Authorization: Token <key>`; prints the key last."

    def add_arguments(self, parser) -> None:
        parser.add_argument("name", help="who or what the key is for")
        parser.add_argument("--rate", required=True, help="requests per period, e.g. 100/hour")

    def handle(self, *args, name: str, rate: str, **options) -> None:
        api_key = ApiKey(name=name, rate=rate)
        try:
            api_key.full_clean()
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        api_key.save()
        self.stdout.write(f"API key {name!r} at {rate}:")
        self.stdout.write(api_key.key)
