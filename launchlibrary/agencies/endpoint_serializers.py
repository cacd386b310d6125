"""The agency as its own endpoint answers it in detail: `AgencyEndpointDetailed`.

It lists the launcher and spacecraft configurations the agency makes, whose serializers
live in the launches and spacecraft apps and themselves nest agencies. Kept apart from
`serializers.py`, which those apps import, so that neither import runs in a circle.
"""

from launchlibrary.agencies.serializers import AgencyDetailedSerializer
from launchlibrary.api.fields import ResponseModeField
from launchlibrary.launches.serializers import LauncherConfigDetailedSerializerNoManufacturer
from launchlibrary.spacecraft.serializers import SpacecraftConfigDetailedSerializer


class AgencyEndpointDetailedSerializer(AgencyDetailedSerializer):
    response_mode = ResponseModeField("detailed")
    launcher_list = LauncherConfigDetailedSerializerNoManufacturer(many=True)
    spacecraft_list = SpacecraftConfigDetailedSerializer(many=True)

    class Meta(AgencyDetailedSerializer.Meta):
        fields = [*AgencyDetailedSerializer.Meta.fields, "launcher_list", "spacecraft_list"]
