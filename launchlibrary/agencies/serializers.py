"""Serializers named after the schemas of LL2's 2.3.0 spec, fields in the spec's order."""

from rest_framework import serializers

from launchlibrary.agencies.models import Agency, AgencyType, SocialMedia, SocialMediaLink
from launchlibrary.api.fields import ResourceUrlField, ResponseModeField
from launchlibrary.images.serializers import ImageSerializer
from launchlibrary.locations.serializers import CountrySerializer


class AgencyTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = AgencyType
        fields = ["id", "name"]


class SocialMediaSerializer(serializers.ModelSerializer):
    logo = ImageSerializer()

    class Meta:
        model = SocialMedia
        fields = ["id", "name", "url", "logo"]


class SocialMediaLinkSerializer(serializers.ModelSerializer):
    social_media = SocialMediaSerializer()

    class Meta:
        model = SocialMediaLink
        fields = ["id", "social_media", "url"]


class AgencyParentSerializer(serializers.Serializer):
    """An agency's parent as LL2 prints it: the parent's name alone, or null.

    A nested serializer rather than a related field, so that a page joins the parent in
    (see `launchlibrary.api.prefetch`) and a renamed parent renders its children again. A
    parent this database does not hold is printed by the name LL2 gave it.
    """

    def get_attribute(self, instance: Agency) -> Agency | None:
        parent = super().get_attribute(instance)
        if parent is None and instance.parent_name:
            return Agency(name=instance.parent_name)
        return parent

    def to_representation(self, instance: Agency) -> str:
        return instance.name


class AgencyMiniSerializer(serializers.ModelSerializer):
    response_mode = ResponseModeField("list")
    url = ResourceUrlField(Agency.ll2_resource)
    type = AgencyTypeSerializer()

    class Meta:
        model = Agency
        fields = ["response_mode", "id", "url", "name", "abbrev", "type"]


class AgencyNormalSerializer(serializers.ModelSerializer):
    response_mode = ResponseModeField("normal")
    url = ResourceUrlField(Agency.ll2_resource)
    type = AgencyTypeSerializer()
    country = CountrySerializer(many=True)
    image = ImageSerializer()
    logo = ImageSerializer()
    social_logo = ImageSerializer()
    parent = AgencyParentSerializer(read_only=True)

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
