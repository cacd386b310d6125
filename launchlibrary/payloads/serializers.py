"""Serializers named after the schemas of LL2's 2.3.0 spec, fields in the spec's order."""

from launchlibrary.api.serializers import ModelSerializer
from launchlibrary.payloads.models import PayloadType


class PayloadTypeSerializer(ModelSerializer):
    class Meta:
        model = PayloadType
        fields = ["id", "name"]
