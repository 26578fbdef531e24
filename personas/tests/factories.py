"""Personas ship with the plan's text (a data migration), so tests use those rows rather than new ones."""

from personas.models import Audience, Persona


def persona(slug="analoge-idealist"):
    return Persona.objects.get(slug=slug)


def audience(slug="allen"):
    return Audience.objects.get(slug=slug)
