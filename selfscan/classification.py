"""What the advisors' page "Hoe de zelfscan indeelt" shows: the rules of scoring.py and the counts.

The rules are rendered from scoring.PERSONA_RULES, so the page and the classification cannot drift
apart. The counts come from selectors.persona_counts, which hides small groups.
"""

from django.conf import settings

from personas.models import Persona

from . import scoring
from .models import Question
from .selectors import attitude_statements, latest_questionnaire_areas, persona_counts

DIMENSION_ORDER = [
    Question.Dimension.INTEREST,
    Question.Dimension.PIONEERING,
    Question.Dimension.WAITING,
    Question.Dimension.CONFIDENCE,
    Question.Dimension.RESISTANCE,
    Question.Dimension.AVOIDANCE,
]


def classification_context(*, scan_round, municipalities) -> dict:
    """The page's context: rules with both persona names, level bands with their DigCompSAT band, the
    statements behind each attitude dimension, and for `scan_round` (or None) the counts per
    municipality of `municipalities` that takes part in its campaign."""
    personas = Persona.objects.in_bulk(field_name="slug")
    rules = [
        {"number": number, "rule": rule, "persona": personas.get(rule.persona)}
        for number, rule in enumerate(scoring.PERSONA_RULES, start=1)
    ]
    questionnaire, _areas = latest_questionnaire_areas()
    statements = attitude_statements(questionnaire=questionnaire) if questionnaire else {}
    dimensions = [
        {"label": Question.Dimension(key).label, "statements": statements[key]}
        for key in DIMENSION_ORDER
        if key in statements
    ]
    rows = []
    if scan_round is not None:
        taking_part = set(scan_round.campaign.municipalities.values_list("pk", flat=True))
        rows = persona_counts(scan_round=scan_round, municipalities=[m for m in municipalities if m.pk in taking_part])
    core = [identity for identity in Persona.Identity if identity != Persona.Identity.BUSY_PRIORITISER]
    return {
        "rules": rules,
        "busy_rule": {
            "when": scoring.busy_rule_when(),
            "plan": scoring.BUSY_PLAN,
            "persona": personas.get(Persona.Identity.BUSY_PRIORITISER),
        },
        "levels": [{**band, "digcompsat": scoring.DIGCOMPSAT_BAND[band["level"]]} for band in scoring.level_legend()],
        "dimensions": dimensions,
        "time_statements": statements.get(Question.Kind.TIME_PRESSURE, []),
        "scan_round": scan_round,
        "columns": [personas.get(identity) for identity in core],
        "rows": [{"row": row, "cells": [row.personas.get(identity) for identity in core]} for row in rows],
        "minimum": settings.PRIVACY_MIN_GROUP_SIZE,
        "skilled": scoring.SKILLED,
        "independent": scoring.INDEPENDENT_SKILL,
        "knowledge_check": round(scoring.KNOWLEDGE_CHECK * 100),
    }
