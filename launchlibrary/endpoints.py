"""Every LL2 endpoint this server answers, each declared once in its domain's package."""

from launchlibrary.spacecraft.endpoints import spacecraft

ENDPOINTS = [spacecraft]
