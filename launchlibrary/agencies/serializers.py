"""Serializers named after the schemas of LL2's 2.3.0 spec, fields in the spec's order."""

from launchlibrary.agencies.models import Agency, AgencyType, SocialMedia, SocialMediaLink
from launchlibrary.api.fields import NameSerializer, ResourceUrlField, ResponseModeField
from launchlibrary.api.serializers import ModelSerializer
from launchlibrary.images.serializers import ImageSerializer
from launchlibrary.locations.serializers import CountrySerializer


class AgencyTypeSerializer(ModelSerializer):
    class Meta:
        model = AgencyType
        fields = ["id", "name"]


class SocialMediaSerializer(ModelSerializer):
    logo = ImageSerializer()

    class Meta:
        model = SocialMedia
        fields = ["id", "name", "url", "logo"]


class SocialMediaLinkSerializer(ModelSerializer):
    social_media = SocialMediaSerializer()

    class Meta:
        model = SocialMediaLink
        fields = ["id", "social_media", "url"]


class AgencyParentSerializer(NameSerializer):
    """An agency's parent as LL2 prints it: the parent's name, or null. A parent this
    database does not hold yet is printed by the name LL2 gave it."""

    prints_null = True

    def get_attribute(self, instance: Agency) -> Agency | None:
        parent = super().get_attribute(instance)
        if parent is None and instance.parent_name:
            return Agency(name=instance.parent_name)
        return parent


class AgencyMiniSerializer(ModelSerializer):
    response_mode = ResponseModeField("list")
    url = ResourceUrlField(Agency.ll2_resource)
    type = AgencyTypeSerializer()

    class Meta:
        model = Agency
        fields = ["response_mode", "id", "url", "name", "abbrev", "type"]


class AgencyNormalSerializer(ModelSerializer):
    response_mode = ResponseModeField("normal")
    url = ResourceUrlField(Agency.ll2_resource)
    type = AgencyTypeSerializer()
    country = CountrySerializer(many=True)
    image = ImageSerializer()
    logo = ImageSerializer()
    social_logo = ImageSerializer()
    parent = AgencyParentSerializer()

    class Meta:
        model = Agency
        fields = [
            "response_mode",
            "id",
            "url",
            "name",
            "abbrev",
            "type",
            "featured",
            "country",
            "description",
            "administrator",
            "founding_year",
            "launchers",
            "spacecraft",
            "parent",
            "image",
            "logo",
            "social_logo",
        ]


class AgencyDetailedSerializer(AgencyNormalSerializer):
    social_media_links = SocialMediaLinkSerializer(many=True)

    class Meta(AgencyNormalSerializer.Meta):
        fields = [
            *AgencyNormalSerializer.Meta.fields,
            "total_launch_count",
            "consecutive_successful_launches",
            "successful_launches",
            "failed_launches",
            "pending_launches",
            "consecutive_successful_landings",
            "successful_landings",
            "failed_landings",
            "attempted_landings",
            "successful_landings_spacecraft",
            "failed_landings_spacecraft",
            "attempted_landings_spacecraft",
            "successful_landings_payload",
            "failed_landings_payload",
            "attempted_landings_payload",
            "info_url",
            "wiki_url",
            "social_media_links",
        ]
