from django.conf import settings
from django.core.checks import Error, register
from django.core.exceptions import ValidationError

from launchlibrary.accounts.rates import validate_rate


@register()
def anonymous_rate(**kwargs) -> list[Error]:
    """A bad LL2_ANON_RATE is refused at start rather than failing every request."""
    if settings.LL2_ANON_RATE is None:
        return []
    try:
        validate_rate(settings.LL2_ANON_RATE)
    except ValidationError as error:
        return [Error(f"LL2_ANON_RATE: {error.messages[0]}", id="accounts.E001")]
    return []
