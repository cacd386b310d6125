import re
import time

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed

from launchlibrary.accounts.models import ApiKey
from launchlibrary.readpath.process_cache import Recent

KEY = re.compile(r"[0-9a-f]{40}")

# Each worker keeps up to this many keys as it last read them, unknown ones included, with
# the time their reading expires.
recent_keys = Recent(10_000, size_of=lambda entry: 1)


class ApiKeyAuthentication(TokenAuthentication):
    """`Authorization: Token <key>`, answered as DRF's TokenAuthentication answers it.

    A key identifies a client, not a user: the request's `auth` is the `ApiKey`, its
    `user` stays None as for anonymous requests.

    A key is read from the database once per `LL2_API_KEY_CACHE_SECONDS` per worker rather
    than on every request, which cost keyed clients half of a cached page's throughput. A
    key made, changed or deleted in a worker takes effect there at once; in the others,
    within that time.
    """

    def authenticate_credentials(self, key: str) -> tuple[None, ApiKey]:
        # Anything that cannot be a key is refused without asking the database.
        if not KEY.fullmatch(key):
            raise AuthenticationFailed("Invalid token.")
        entry = recent_keys.get(key)
        if entry is None or entry[0] <= time.monotonic():
            expires = time.monotonic() + settings.LL2_API_KEY_CACHE_SECONDS
            entry = (expires, ApiKey.objects.filter(key=key).first())
            recent_keys.put(key, entry)
        _, api_key = entry
        if api_key is None:
            raise AuthenticationFailed("Invalid token.")
        return None, api_key


def forget_keys(**kwargs) -> None:
    recent_keys.clear()


post_save.connect(forget_keys, sender=ApiKey, dispatch_uid="ll2-forget-keys-on-save")
post_delete.connect(forget_keys, sender=ApiKey, dispatch_uid="ll2-forget-keys-on-delete")
