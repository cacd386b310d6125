from launchlibrary.api.filters import EXACT, LL2FilterSet
from launchlibrary.spacecraft.models import Spacecraft


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
