from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "launchlibrary.accounts"
    label = "accounts"
    verbose_name = "API access"

    def ready(self) -> None:
        from launchlibrary.accounts import checks  # noqa: F401
