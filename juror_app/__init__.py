"""Kapituła konkursu „Przyjazny Urząd”: the jurors' workstation and the organizer's tools."""

__version__ = "0.1.0"
