from launchlibrary.api.filters import EXACT, LL2FilterSet
from launchlibrary.spacecraft.models import (
    Spacecraft,
    SpacecraftConfig,
    SpacecraftConfigFamily,
    SpacecraftFlight,
)


class SpacecraftFilter(LL2FilterSet):
    class Meta:
        model = Spacecraft
        fields = {
            "in_space": EXACT,
            "is_placeholder": EXACT,
            "name": EXACT,
            "spacecraft_config": EXACT,
            "status": EXACT,
        }


class SpacecraftConfigFilter(LL2FilterSet):
    class Meta:
        model = SpacecraftConfig
        fields = {
            "agency": EXACT,
            "human_rated": EXACT,
            "in_use": EXACT,
            "name": EXACT,
        }


class SpacecraftConfigFamilyFilter(LL2FilterSet):
    class Meta:
        model = SpacecraftConfigFamily
        fields = {
            "manufacturer": EXACT,
            "name": EXACT,
        }


class SpacecraftFlightFilter(LL2FilterSet):
    class Meta:
        model = SpacecraftFlight
        fields = {"spacecraft": EXACT}
