"""Which events are upcoming and which previous: the launches' rule (see
`launchlibrary.launches.clock`) over an event's `date`."""

from launchlibrary.events.models import Event
from launchlibrary.launches.clock import Timeline

EVENTS = Timeline(Event, "date")
