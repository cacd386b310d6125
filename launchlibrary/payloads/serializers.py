"""Serializers named after the schemas of LL2's 2.3.0 spec, fields in the spec's order."""

from rest_framework import serializers

from launchlibrary.payloads.models import PayloadType


class PayloadTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = PayloadType
        fields = ["id", "name"]
