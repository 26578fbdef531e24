"""What the advisors' page "Hoe de zelfscan indeelt" shows: the rules of scoring.py and the counts.

The rules are rendered from scoring.PERSONA_RULES, so the page and the classification cannot drift
apart. The counts come from selectors.persona_counts, which hides small groups, kept in the cache
until a scan is submitted in one of the municipalities (caching.cached_persona_counts).
"""

import hashlib

from django.conf import settings
from django.utils.translation import get_language

from personas.models import Persona

from . import scoring
from .caching import cached_attitude_statements, cached_persona_counts, cached_personas_by_slug
from .models import Question

EXPLANATION_TEMPLATE = "selfscan/_classification_explanation.html"

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
    personas = cached_personas_by_slug()
    rules = [
        {"number": number, "rule": rule, "persona": personas.get(rule.persona)}
        for number, rule in enumerate(scoring.PERSONA_RULES, start=1)
    ]
    statements = cached_attitude_statements()
    dimensions = [
        {"label": Question.Dimension(key).label, "statements": statements[key]}
        for key in DIMENSION_ORDER
        if key in statements
    ]
    rows = []
    if scan_round is not None:
        rows = cached_persona_counts(scan_round=scan_round, municipalities=municipalities)
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
        "explanation_key": _explanation_key(personas, dimensions, statements.get(Question.Kind.TIME_PRESSURE, [])),
    }


def _explanation_key(personas, dimensions, time_statements) -> str:
    """The cache key of the page's explanation (rules, levels, statements: EXPLANATION_TEMPLATE): a
    digest of all it shows that is data (the persona names, the statements) and the language; the
    rest is code (scoring.py) and translations. Whoever reads the same data in the same language
    reads the same text, so the key needs no version: an edit gives a new key."""
    parts = [get_language() or ""]
    parts += [f"{slug}={persona.name}={persona.employee_name}" for slug, persona in sorted(personas.items())]
    for dimension in dimensions:
        parts += [str(dimension["label"])] + [f"{question.pk}={question.text}" for question in dimension["statements"]]
    parts += ["time"] + [f"{question.pk}={question.text}" for question in time_statements]
    return "selfscan:classification:" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]
