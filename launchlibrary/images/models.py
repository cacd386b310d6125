"""Images as LL2 serves them: every image has a license and may have sized variants."""

from django.db import models


class ImageLicense(models.Model):
    name = models.CharField(max_length=255)
    priority = models.IntegerField(default=0)
    link = models.URLField(max_length=200, null=True, blank=True)

    def __str__(self) -> str:
        return self.name


class ImageVariantType(models.Model):
    name = models.CharField(max_length=255)

    def __str__(self) -> str:
        return self.name


class Image(models.Model):
    name = models.CharField(max_length=255)
    image_url = models.URLField(max_length=1000)
    thumbnail_url = models.URLField(max_length=1000)
    credit = models.CharField(max_length=255, null=True, blank=True)
    license = models.ForeignKey(ImageLicense, on_delete=models.PROTECT)
    single_use = models.BooleanField(default=False)

    def __str__(self) -> str:
        return self.name


class ImageVariant(models.Model):
    image = models.ForeignKey(Image, on_delete=models.CASCADE, related_name="variants")
    type = models.ForeignKey(ImageVariantType, on_delete=models.PROTECT)
    image_url = models.URLField(max_length=1000)

    def __str__(self) -> str:
        return self.image_url
