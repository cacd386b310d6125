"""Serializers named after the schemas of LL2's 2.3.0 spec, fields in the spec's order.

Space stations, their docking locations and docking events, and every form of a spacecraft
or payload flight that lists its docking events (they nest flights, and flights nest them:
kept here, the apps of flights import nothing from this one).

What is under way is read from the history as it stands, not stored:
- a station's `active_expeditions` are its expeditions without an `end`, and its
  `active_docking_events` its dockings to others (as the chaser) without a `departure`;
- a docking location's `currently_docked` is its latest docking without a `departure`: a
  port holds one vehicle at a time, so an earlier docking still open there is one whose
  departure was never told.
"""

from django.db.models import Q

from launchlibrary.agencies.serializers import AgencyNormalSerializer
from launchlibrary.api.fields import (
    ISODurationField,
    NumberField,
    ResourceUrlField,
    ResponseModeField,
)
from launchlibrary.api.serializers import (
    ModelSerializer,
    SelectedListSerializer,
    first_selected,
)
from launchlibrary.astronauts.serializers import AstronautFlightSerializer
from launchlibrary.images.serializers import ImageSerializer
from launchlibrary.landings.serializers import LandingSerializer
from launchlibrary.launches.serializers import LaunchNormalSerializer, MissionPatchSerializer
from launchlibrary.payloads.models import PayloadFlight
from launchlibrary.payloads.serializers import (
    PayloadDetailedSerializer,
    PayloadFlightMiniSerializer,
    PayloadFlightNormalSerializer,
    PayloadMiniSerializer,
)
from launchlibrary.spacecraft.models import SpacecraftFlight
from launchlibrary.spacecraft.serializers import (
    SpacecraftConfigNormalSerializer,
    SpacecraftDetailedSerializer,
    SpacecraftFlightMiniSerializer,
    SpacecraftFlightNormalSerializer,
)
from launchlibrary.spacewalks.serializers import SpacewalkListSerializer
from launchlibrary.stations.models import (
    DockingEvent,
    DockingLocation,
    Expedition,
    SpaceStation,
    SpaceStationStatus,
    SpaceStationType,
)

# What is under way (see the module's docstring).
NOT_ENDED = Q(end=None)
NOT_DEPARTED = Q(departure=None)
LATEST_DOCKING_FIRST = ("-docking", "-id")

# Stations


class SpaceStationStatusSerializer(ModelSerializer):
    class Meta:
        model = SpaceStationStatus
        fields = ["id", "name"]


class SpaceStationTypeSerializer(ModelSerializer):
    class Meta:
        model = SpaceStationType
        fields = ["id", "name"]


class SpaceStationMiniSerializer(ModelSerializer):
    url = ResourceUrlField(SpaceStation.ll2_resource)
    image = ImageSerializer()

    class Meta:
        model = SpaceStation
        fields = ["id", "url", "name", "image"]


class SpaceStationNormalSerializer(SpaceStationMiniSerializer):
    status = SpaceStationStatusSerializer()
    type = SpaceStationTypeSerializer()

    class Meta(SpaceStationMiniSerializer.Meta):
        fields = [
            *SpaceStationMiniSerializer.Meta.fields,
            "status",
            "founded",
            "deorbited",
            "description",
            "orbit",
            "type",
        ]


class ExpeditionMiniSerializer(ModelSerializer):
    url = ResourceUrlField(Expedition.ll2_resource)

    class Meta:
        model = Expedition
        fields = ["id", "url", "name", "start", "end"]


class ExpeditionNormalSerializer(ExpeditionMiniSerializer):
    response_mode = ResponseModeField("normal")
    spacestation = SpaceStationNormalSerializer()
    mission_patches = MissionPatchSerializer(many=True)
    spacewalks = SpacewalkListSerializer(many=True)

    class Meta(ExpeditionMiniSerializer.Meta):
        fields = [
            *ExpeditionMiniSerializer.Meta.fields,
            "response_mode",
            "spacestation",
            "mission_patches",
            "spacewalks",
        ]


# Docking locations and the docking events of flights


class DockingLocationSerializer(ModelSerializer):
    spacestation = SpaceStationMiniSerializer()
    spacecraft = SpacecraftConfigNormalSerializer()
    payload = PayloadMiniSerializer()

    class Meta:
        model = DockingLocation
        fields = ["id", "name", "spacestation", "spacecraft", "payload"]


class DockingEventForChaserNormalSerializer(ModelSerializer):
    """A docking as its chaser (a flight, or a station) lists it: where, and to what."""

    url = ResourceUrlField(DockingEvent.ll2_resource)
    docking_location = DockingLocationSerializer()
    space_station_target = SpaceStationNormalSerializer()
    flight_vehicle_target = SpacecraftFlightNormalSerializer()
    payload_flight_target = PayloadFlightNormalSerializer()

    class Meta:
        model = DockingEvent
        fields = [
            "id",
            "url",
            "docking",
            "departure",
            "docking_location",
            "space_station_target",
            "flight_vehicle_target",
            "payload_flight_target",
        ]


class SpacecraftFlightDetailedSerializerNoLaunch(ModelSerializer):
    """A flight as its rocket lists it (`RocketDetailed.spacecraft_stage`): with its crews
    and docking events, less the launch the rocket belongs to."""

    url = ResourceUrlField(SpacecraftFlight.ll2_resource)
    spacecraft = SpacecraftDetailedSerializer()
    landing = LandingSerializer()
    duration = ISODurationField()
    turn_around_time = ISODurationField()
    response_mode = ResponseModeField("detailed")
    launch_crew = AstronautFlightSerializer(many=True)
    onboard_crew = AstronautFlightSerializer(many=True)
    landing_crew = AstronautFlightSerializer(many=True)
    docking_events = DockingEventForChaserNormalSerializer(many=True)

    class Meta:
        model = SpacecraftFlight
        fields = [
            "id",
            "url",
            "destination",
            "mission_end",
            "spacecraft",
            "landing",
            "duration",
            "turn_around_time",
            "response_mode",
            "launch_crew",
            "onboard_crew",
            "landing_crew",
            "docking_events",
        ]


class SpacecraftFlightDetailedSerializerNoLanding(SpacecraftFlightDetailedSerializerNoLaunch):
    """A flight as its landing prints it in detailed mode."""

    launch = LaunchNormalSerializer(source="rocket.launch")

    class Meta(SpacecraftFlightDetailedSerializerNoLaunch.Meta):
        fields = [
            "id",
            "url",
            "destination",
            "mission_end",
            "spacecraft",
            "launch",
            "duration",
            "turn_around_time",
            "response_mode",
            "launch_crew",
            "onboard_crew",
            "landing_crew",
            "docking_events",
        ]


class SpacecraftFlightDetailedSerializer(SpacecraftFlightDetailedSerializerNoLanding):
    landing = LandingSerializer()

    class Meta(SpacecraftFlightDetailedSerializerNoLanding.Meta):
        fields = [
            "id",
            "url",
            "destination",
            "mission_end",
            "spacecraft",
            "launch",
            "landing",
            "duration",
            "turn_around_time",
            "response_mode",
            "launch_crew",
            "onboard_crew",
            "landing_crew",
            "docking_events",
        ]


class PayloadFlightSerializerNoLaunch(ModelSerializer):
    """A payload flight as its rocket lists it (`RocketDetailed.payloads`)."""

    response_mode = ResponseModeField("detailed")
    url = ResourceUrlField(PayloadFlight.ll2_resource)
    payload = PayloadDetailedSerializer()
    landing = LandingSerializer()
    docking_events = DockingEventForChaserNormalSerializer(many=True)

    class Meta:
        model = PayloadFlight
        fields = [
            "response_mode",
            "id",
            "url",
            "destination",
            "amount",
            "payload",
            "landing",
            "docking_events",
        ]


class PayloadFlightDetailedSerializerNoLanding(PayloadFlightSerializerNoLaunch):
    """A payload flight as its landing prints it in detailed mode."""

    launch = LaunchNormalSerializer(source="rocket.launch")

    class Meta(PayloadFlightSerializerNoLaunch.Meta):
        fields = [
            "response_mode",
            "id",
            "url",
            "destination",
            "amount",
            "payload",
            "launch",
            "docking_events",
        ]


class PayloadFlightDetailedSerializer(PayloadFlightDetailedSerializerNoLanding):
    landing = LandingSerializer()

    class Meta(PayloadFlightDetailedSerializerNoLanding.Meta):
        fields = [
            "response_mode",
            "id",
            "url",
            "destination",
            "amount",
            "payload",
            "launch",
            "landing",
            "docking_events",
        ]


# Docking events as their own endpoint answers them


class DockingEventEndpointNormalSerializer(ModelSerializer):
    url = ResourceUrlField(DockingEvent.ll2_resource)
    docking_location = DockingLocationSerializer()
    space_station_target = SpaceStationMiniSerializer()
    flight_vehicle_target = SpacecraftFlightMiniSerializer()
    payload_flight_target = PayloadFlightMiniSerializer()
    response_mode = ResponseModeField("normal")
    flight_vehicle_chaser = SpacecraftFlightMiniSerializer()
    space_station_chaser = SpaceStationMiniSerializer()
    payload_flight_chaser = PayloadFlightMiniSerializer()

    class Meta:
        model = DockingEvent
        fields = [
            "id",
            "url",
            "docking",
            "departure",
            "docking_location",
            "space_station_target",
            "flight_vehicle_target",
            "payload_flight_target",
            "response_mode",
            "flight_vehicle_chaser",
            "space_station_chaser",
            "payload_flight_chaser",
        ]


class DockingEventEndpointDetailedSerializer(DockingEventEndpointNormalSerializer):
    response_mode = ResponseModeField("detailed")
    flight_vehicle_chaser = SpacecraftFlightNormalSerializer()
    space_station_chaser = SpaceStationNormalSerializer()
    payload_flight_chaser = PayloadFlightNormalSerializer()


# Stations as their own endpoint answers them


class SpacecraftFlightForDockingEventSerializer(ModelSerializer):
    url = ResourceUrlField(SpacecraftFlight.ll2_resource)
    spacecraft = SpacecraftDetailedSerializer()
    launch = LaunchNormalSerializer(source="rocket.launch")

    class Meta:
        model = SpacecraftFlight
        fields = ["id", "url", "spacecraft", "launch"]


class DockingEventDetailedSerializerForSpacestation(ModelSerializer):
    """The docking a station's docking location holds: who docked there."""

    url = ResourceUrlField(DockingEvent.ll2_resource)
    flight_vehicle_chaser = SpacecraftFlightForDockingEventSerializer()
    space_station_chaser = SpaceStationNormalSerializer()
    payload_flight_chaser = PayloadFlightNormalSerializer()

    class Meta:
        model = DockingEvent
        fields = [
            "id",
            "url",
            "docking",
            "departure",
            "flight_vehicle_chaser",
            "space_station_chaser",
            "payload_flight_chaser",
        ]


class DockingLocationSerializerForSpacestation(ModelSerializer):
    currently_docked = first_selected(
        DockingEventDetailedSerializerForSpacestation,
        source="docking_events",
        where=NOT_DEPARTED,
        order_by=LATEST_DOCKING_FIRST,
    )

    class Meta:
        model = DockingLocation
        fields = ["id", "name", "currently_docked"]


class SpaceStationEndpointSerializer(SpaceStationNormalSerializer):
    owners = AgencyNormalSerializer(many=True)
    response_mode = ResponseModeField("normal")
    active_expeditions = SelectedListSerializer(
        child=ExpeditionMiniSerializer(), source="expeditions", where=NOT_ENDED
    )

    class Meta(SpaceStationNormalSerializer.Meta):
        fields = [
            *SpaceStationNormalSerializer.Meta.fields,
            "owners",
            "response_mode",
            "active_expeditions",
        ]


class SpaceStationDetailedEndpointSerializer(SpaceStationEndpointSerializer):
    response_mode = ResponseModeField("detailed")
    height = NumberField()
    width = NumberField()
    mass = NumberField()
    docking_location = DockingLocationSerializerForSpacestation(many=True)
    active_docking_events = SelectedListSerializer(
        child=DockingEventForChaserNormalSerializer(),
        source="docking_events_as_chaser",
        where=NOT_DEPARTED,
    )

    class Meta(SpaceStationEndpointSerializer.Meta):
        fields = [
            *SpaceStationEndpointSerializer.Meta.fields,
            "height",
            "width",
            "mass",
            "volume",
            "onboard_crew",
            "docked_vehicles",
            "docking_location",
            "active_docking_events",
        ]
