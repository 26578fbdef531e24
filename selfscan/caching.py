"""Cached parts of the classification page, invalidated on write or keyed on what they show.

The persona counts count every submitted response of a round in the person's municipalities. They
are kept under the participation version of each of those municipalities (bumped by every
submitted scan: services.response_submit) and the organisation's version (people moving between
municipalities, renamed municipalities): organisations.caching.cached_participation. So a change
shows at once; the time limit only bounds what no service sees (a row changed by hand).
"""

from django.template.loader import render_to_string
from django.utils.translation import get_language

from campaigns.caching import PLANS
from common.cache import changed, kept_content, prefetched_namespace, versioned, versioned_many
from organisations.caching import NAMESPACE as ORGANISATION
from organisations.caching import cached_participation
from personas.caching import NAMESPACE as PERSONAS
from personas.models import Persona

from .models import Area, Question, Round
from .selectors import (
    classification_rounds,
    latest_attitude_statements,
    latest_questionnaire,
    persona_counts,
    questionnaire_is_frozen,
)

COUNTS_SECONDS = 10 * 60
HTML_SECONDS = 10 * 60


def cached_persona_counts(*, scan_round, municipalities) -> list:
    """selectors.persona_counts of `scan_round` for those of `municipalities` that take part in its
    campaign, from the cache when nothing they count changed since. The key: the round, its
    campaign's plan version, the municipalities and their versions. Which municipalities take part
    is read only when counting: a campaign's municipalities are set when it is created
    (campaigns.services.campaign_create) and no service or admin page changes them."""
    ids = sorted(municipality.pk for municipality in municipalities)

    def count():
        taking_part = set(scan_round.campaign.municipalities.values_list("pk", flat=True))
        return persona_counts(scan_round=scan_round, municipalities=[m for m in municipalities if m.pk in taking_part])

    parts = [scan_round.pk, scan_round.campaign.plan_version, ",".join(map(str, ids))]
    return cached_participation(
        "selfscan:persona_counts", municipality_ids=ids, parts=parts, build=count, seconds=COUNTS_SECONDS
    )


def cached_html(key: str, build) -> str:
    """The rendered text kept under `key` (a digest of what it shows), else `build()`'s, kept
    HTML_SECONDS (the limit only matters after a new release changed the page's code or wording)."""
    return kept_content(key, build, seconds=HTML_SECONDS)


QUESTIONNAIRE = prefetched_namespace("questionnaire")


def questionnaire_changed() -> None:
    """Invalidate what is kept of the questionnaires' questions (services.question_update and
    questionnaire_new_version call it)."""
    changed(QUESTIONNAIRE)


def questionnaire_known_frozen(*, questionnaire_id: int) -> bool:
    """selectors.questionnaire_is_frozen (a round of the questionnaire has a response), kept
    until a question or a version changes, a questionnaire gets its first response
    (services.response_start and the demo seed call questionnaire_changed) or a person is deleted
    with their responses (the organisation's version). No query when kept."""
    return versioned_many(
        [QUESTIONNAIRE, ORGANISATION],
        ["frozen", questionnaire_id],
        lambda: questionnaire_is_frozen(questionnaire_id=questionnaire_id),
        seconds=HTML_SECONDS,
    )


def kept_latest_questionnaire():
    """selectors.latest_questionnaire(), kept until a question or a version changes
    (questionnaire_changed). No query when kept."""
    return versioned(QUESTIONNAIRE, ["latest-questionnaire"], latest_questionnaire, seconds=HTML_SECONDS)


def kept_round(*, round_id: int, find):
    """`find()`'s round (with its campaign) or None, kept until a plan write (plans_changed: a
    campaign created, saved or deleted, a round's dates: services.round_update_dates and the admin)
    or a new version of the questionnaire (which moves unanswered rounds to it)."""
    return versioned_many([PLANS, QUESTIONNAIRE], ["round", round_id], find, seconds=HTML_SECONDS)


def kept_question(*, question_id: int, find):
    """`find()`'s question (with its area and questionnaire) or None, kept until a question or a
    version changes (questionnaire_changed: the services and the admin call it)."""
    return versioned(QUESTIONNAIRE, ["question", question_id], find, seconds=HTML_SECONDS)


def cached_questions_body(*, questionnaire, frozen: bool, build) -> str:
    """The questions page's body for `questionnaire` (rendered from `build()`'s context), kept until
    a question or a version changes, per language."""
    return versioned(
        QUESTIONNAIRE,
        ["questions-body", questionnaire.pk, frozen, get_language() or ""],
        lambda: render_to_string("selfscan/_questions_body.html", build()),
        seconds=HTML_SECONDS,
    )


def cached_attitude_statements() -> dict:
    """selectors.latest_attitude_statements, kept until a question or a version changes
    (questionnaire_changed). No query when kept, one otherwise."""
    return versioned(QUESTIONNAIRE, ["attitude-statements"], latest_attitude_statements, seconds=HTML_SECONDS)


def cached_questionnaire_texts(*, questionnaire_id: int) -> dict:
    """What a questionnaire asks, for reading answers without joining it: {"areas": {area id:
    (position, name)}, "questions": {question id: (area position, position, area name, text,
    options)}} (options: the list of answer texts, value n is options[n - 1]). Kept until a question
    or a version changes (questionnaire_changed). No query when kept, two otherwise."""

    def build():
        areas, questions = {}, {}
        rows = Question.objects.filter(area__questionnaire_id=questionnaire_id).values_list(
            "pk", "area_id", "area__position", "area__name", "position", "text", "options"
        )
        for pk, area_id, area_position, area_name, position, text, options in rows:
            areas[area_id] = (area_position, area_name)
            questions[pk] = (area_position, position, area_name, text, options)
        for area_id, position, name in Area.objects.filter(questionnaire_id=questionnaire_id).values_list(
            "pk", "position", "name"
        ):
            areas[area_id] = (position, name)
        return {"areas": areas, "questions": questions}

    return versioned(QUESTIONNAIRE, ["questionnaire-texts", questionnaire_id], build, seconds=HTML_SECONDS)


def round_labels(*, round_ids) -> dict:
    """{round id: (its campaign's kick-off date, number, campaign name, questionnaire id)} for
    `round_ids`: what a person's own rows need to say which round they belong to. All rounds are
    kept until any plan write (campaigns.caching.plans_changed: a campaign's name and dates, a new
    campaign); a round not yet in the kept map (created since) is read at once. No query when kept."""

    def read(ids=None):
        rounds = Round.objects.all() if ids is None else Round.objects.filter(pk__in=ids)
        rows = rounds.values_list("pk", "campaign__kick_off_date", "number", "campaign__name", "questionnaire_id")
        return {pk: (kick_off, number, name, questionnaire) for pk, kick_off, number, name, questionnaire in rows}

    labels = versioned(PLANS, ["round-labels"], read, seconds=HTML_SECONDS)
    missing = set(round_ids) - set(labels)
    return {**labels, **read(missing)} if missing else labels


def cached_personas_by_slug() -> dict:
    """Every persona by slug (Persona.objects.in_bulk), kept until a persona's texts change
    (personas.caching.personas_changed). No query when kept, one otherwise."""
    return versioned(
        PERSONAS, ["personas-by-slug"], lambda: Persona.objects.in_bulk(field_name="slug"), seconds=HTML_SECONDS
    )


def cached_classification_rounds(*, municipalities, today) -> list:
    """selectors.classification_rounds, kept until a counted write in one of `municipalities` or an
    organisation change: new rounds and round dates count (services.rounds_create_for_campaign,
    round_update_dates). No query when kept, one otherwise."""
    ids = sorted(municipality.pk for municipality in municipalities)
    return cached_participation(
        "selfscan:classification-rounds",
        municipality_ids=ids,
        parts=[",".join(map(str, ids)), today],
        build=lambda: classification_rounds(municipalities=municipalities, today=today),
    )
