from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "launchlibrary.accounts"
    label = "accounts"
    verbose_name = "API access"

    def ready(self) -> None:
        from axes.signals import user_locked_out

        from launchlibrary.accounts import checks  # noqa: F401
        from launchlibrary.accounts.admin_logins import log_lockout

        user_locked_out.connect(log_lockout, dispatch_uid="ll2-log-admin-lockout")
