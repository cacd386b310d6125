from django.db import models


class AgencyType(models.Model):
    name = models.CharField(max_length=255)

    def __str__(self) -> str:
        return self.name


class Agency(models.Model):
    ll2_resource = "agencies"

    name = models.CharField(max_length=200)
    abbrev = models.CharField(max_length=255, blank=True, default="")
    type = models.ForeignKey(AgencyType, on_delete=models.PROTECT)

    class Meta:
        verbose_name_plural = "agencies"

    def __str__(self) -> str:
        return self.name
