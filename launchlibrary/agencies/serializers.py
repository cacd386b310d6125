"""Serializers named after the schemas of LL2's 2.3.0 spec, fields in the spec's order."""

from rest_framework import serializers

from launchlibrary.agencies.models import Agency, AgencyType
from launchlibrary.api.fields import ResourceUrlField, ResponseModeField


class AgencyTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = AgencyType
        fields = ["id", "name"]


class AgencyMiniSerializer(serializers.ModelSerializer):
    response_mode = ResponseModeField("list")
    url = ResourceUrlField(Agency.ll2_resource)
    type = AgencyTypeSerializer()

    class Meta:
        model = Agency
        fields = ["response_mode", "id", "url", "name", "abbrev", "type"]
