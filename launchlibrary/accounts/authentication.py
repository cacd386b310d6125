import re

from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed

from launchlibrary.accounts.models import ApiKey

KEY = re.compile(r"[0-9a-f]{40}")


class ApiKeyAuthentication(TokenAuthentication):
    """`Authorization: Token <key>`, answered as DRF's TokenAuthentication answers it.

    A key identifies a client, not a user: the request's `auth` is the `ApiKey`, its
    `user` stays None as for anonymous requests.
    """

    def authenticate_credentials(self, key: str) -> tuple[None, ApiKey]:
        # Anything that cannot be a key is refused without asking the database.
        api_key = ApiKey.objects.filter(key=key).first() if KEY.fullmatch(key) else None
        if api_key is None:
            raise AuthenticationFailed("Invalid token.")
        return None, api_key
