"""Agencies (space agencies, companies, ...) and the social media accounts they list."""

from django.db import models

from launchlibrary.images.models import Image
from launchlibrary.locations.models import Country


class AgencyType(models.Model):
    name = models.CharField(max_length=255)

    def __str__(self) -> str:
        return self.name


class SocialMedia(models.Model):
    name = models.CharField(max_length=255)
    url = models.URLField(max_length=1000, null=True, blank=True)
    logo = models.ForeignKey(Image, on_delete=models.SET_NULL, null=True, blank=True)

    class Meta:
        verbose_name_plural = "social media"

    def __str__(self) -> str:
        return self.name


class SocialMediaLink(models.Model):
    social_media = models.ForeignKey(SocialMedia, on_delete=models.PROTECT)
    url = models.URLField(max_length=1000, null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.social_media}: {self.url}"


class Agency(models.Model):
    ll2_resource = "agencies"

    name = models.CharField(max_length=200)
    abbrev = models.CharField(max_length=255, blank=True, default="")
    type = models.ForeignKey(AgencyType, on_delete=models.PROTECT)
    featured = models.BooleanField(default=False)
    country = models.ManyToManyField(Country, blank=True)
    description = models.CharField(max_length=2048, null=True, blank=True)
    administrator = models.CharField(max_length=200, null=True, blank=True)
    founding_year = models.IntegerField(null=True, blank=True)
    launchers = models.CharField(max_length=500, blank=True, default="")
    spacecraft = models.CharField(max_length=500, blank=True, default="")
    # LL2 prints only the parent agency's name, never its id, so the name is what is kept.
    parent = models.CharField(max_length=200, null=True, blank=True)
    image = models.ForeignKey(
        Image, on_delete=models.SET_NULL, null=True, blank=True, related_name="agency_images"
    )
    logo = models.ForeignKey(
        Image, on_delete=models.SET_NULL, null=True, blank=True, related_name="agency_logos"
    )
    social_logo = models.ForeignKey(
        Image,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agency_social_logos",
    )
    total_launch_count = models.PositiveIntegerField(null=True, blank=True)
    consecutive_successful_launches = models.PositiveIntegerField(null=True, blank=True)
    successful_launches = models.PositiveIntegerField(null=True, blank=True)
    failed_launches = models.PositiveIntegerField(null=True, blank=True)
    pending_launches = models.PositiveIntegerField(null=True, blank=True)
    consecutive_successful_landings = models.PositiveIntegerField(null=True, blank=True)
    successful_landings = models.PositiveIntegerField(null=True, blank=True)
    failed_landings = models.PositiveIntegerField(null=True, blank=True)
    attempted_landings = models.PositiveIntegerField(null=True, blank=True)
    successful_landings_spacecraft = models.PositiveIntegerField(null=True, blank=True)
    failed_landings_spacecraft = models.PositiveIntegerField(null=True, blank=True)
    attempted_landings_spacecraft = models.PositiveIntegerField(null=True, blank=True)
    successful_landings_payload = models.PositiveIntegerField(null=True, blank=True)
    failed_landings_payload = models.PositiveIntegerField(null=True, blank=True)
    attempted_landings_payload = models.PositiveIntegerField(null=True, blank=True)
    info_url = models.URLField(max_length=200, null=True, blank=True)
    wiki_url = models.URLField(max_length=200, null=True, blank=True)
    social_media_links = models.ManyToManyField(SocialMediaLink, blank=True)

    class Meta:
        verbose_name_plural = "agencies"
        # LL2 lists a program's, a mission's or a pad's agencies by name, not by id.
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
