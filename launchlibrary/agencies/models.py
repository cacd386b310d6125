"""Agencies (space agencies, companies, ...) and the social media accounts they list."""

from django.db import models

from launchlibrary.api.filters import ordering_indexes
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
    # LL2 names the parent: the agency of that name, else the name until it arrives.
    ll2_named_awaited = {"parent": ("name", "parent_name")}
    # The detailed form lists some of the configurations the agency makes, as far as known.
    ll2_partial_children = {"launcher_list": "launcher_list", "spacecraft_list": "spacecraft_list"}

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
    # LL2 prints the parent agency by its name alone. A parent this database does not hold
    # yet is kept by that name, until an agency of the name arrives and takes its place.
    parent = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="children"
    )
    parent_name = models.CharField(max_length=200, blank=True, default="")
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
        indexes = ordering_indexes(
            "agency",
            "attempted_landings",
            "consecutive_successful_landings",
            "consecutive_successful_launches",
            "failed_landings",
            "failed_launches",
            "featured",
            "name",
            "pending_launches",
            "successful_landings",
            "successful_launches",
            "total_launch_count",
        )

    def __str__(self) -> str:
        return self.name
