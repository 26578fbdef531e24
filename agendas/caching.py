"""Cached parts of the agenda suggestion, invalidated on write.

The team's participation figures (members, active on the learning platform, who did the zelfscan)
are kept under the participation version of the team's municipality (bumped by every logged
activity, submitted scan and round date change: organisations.caching.participation_changed) and
the organisation's version (people joining, leaving or moving teams: organisation_changed), with
the team, campaign, day and language in the key (organisations.caching.cached_participation). The
discussion question is kept under the personas' version (personas.caching: every edit of a
persona's or an audience's texts).
"""

from django.utils.translation import get_language

from common.cache import changed, prefetched_namespace, versioned, versioned_many
from common.paging import page_key
from organisations.caching import NAMESPACE as ORGANISATION
from organisations.caching import cached_participation
from personas.caching import NAMESPACE as PERSONAS

FIGURES_SECONDS = 10 * 60
QUESTION_SECONDS = 30 * 60
MEETING_SECONDS = 10 * 60
# Bumped by every write of a meeting (agendas.services, the demo seed): what is kept of one meeting.
MEETINGS = prefetched_namespace("meetings")


def meetings_changed() -> None:
    """Invalidate every kept meeting (call it inside the transaction that writes one)."""
    changed(MEETINGS)


def kept_led_meeting(*, meeting_id: int, user_id: int, find):
    """`find()`'s answer for the meeting `meeting_id` as `user_id` may open it (the meeting or None),
    kept until a meeting is written (meetings_changed) or the organisation changes (who leads which
    team: organisations/invalidation.py)."""
    return versioned_many([MEETINGS, ORGANISATION], ["led-meeting", meeting_id, user_id], find, seconds=MEETING_SECONDS)


def cached_team_figures(*, team, campaign, today, build):
    """`build()`'s team participation figures, kept until something they count changes."""
    parts = [team.pk, campaign.pk if campaign else "", today.isoformat(), get_language() or ""]
    return cached_participation(
        "agendas:team_participation",
        municipality_ids=[team.municipality_id],
        parts=parts,
        build=build,
        seconds=FIGURES_SECONDS,
    )


def cached_question(*, month, build) -> str:
    """`build()`'s discussion question of `month`, kept until a persona or audience text changes."""
    return versioned(
        PERSONAS, ["agenda_question", month.isoformat(), get_language() or ""], build, seconds=QUESTION_SECONDS
    )


def cached_team_log(*, team, today, page_number, build):
    """`build()`'s team log (the months' overview and a page of meetings), kept until a meeting of
    the team's municipality, its campaign or the organisation changes (cached_participation)."""
    return cached_participation(
        "agendas:team_log",
        municipality_ids=[team.municipality_id],
        parts=[team.pk, today.isoformat(), page_key(page_number)],
        build=build,
        seconds=FIGURES_SECONDS,
    )
