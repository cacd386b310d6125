"""The filters LL2 declares for payloads and their flights."""

from launchlibrary.api.filters import EXACT, LL2FilterSet
from launchlibrary.payloads.models import Payload, PayloadFlight


class PayloadFilter(LL2FilterSet):
    class Meta:
        model = Payload
        fields = {
            "manufacturer__id": EXACT,
            "manufacturer__name": EXACT,
            "name": EXACT,
            "operator": EXACT,
            "operator__id": EXACT,
            "operator__name": EXACT,
            "program__id": EXACT,
        }


class PayloadFlightFilter(LL2FilterSet):
    class Meta:
        model = PayloadFlight
        fields = {"payload": EXACT}
