"""Serializers named after the schemas of LL2's 2.3.0 spec, fields in the spec's order."""

from launchlibrary.api.serializers import ModelSerializer
from launchlibrary.images.models import Image, ImageLicense, ImageVariant, ImageVariantType


class ImageLicenseSerializer(ModelSerializer):
    class Meta:
        model = ImageLicense
        fields = ["id", "name", "priority", "link"]


class ImageVariantTypeSerializer(ModelSerializer):
    class Meta:
        model = ImageVariantType
        fields = ["id", "name"]


class ImageVariantSerializer(ModelSerializer):
    type = ImageVariantTypeSerializer()

    class Meta:
        model = ImageVariant
        fields = ["id", "type", "image_url"]


class ImageSerializer(ModelSerializer):
    license = ImageLicenseSerializer()
    variants = ImageVariantSerializer(many=True)

    class Meta:
        model = Image
        fields = [
            "id",
            "name",
            "image_url",
            "thumbnail_url",
            "credit",
            "license",
            "single_use",
            "variants",
        ]
