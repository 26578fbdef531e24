"""Counts of small groups stay hidden, also when they could be worked out by subtraction.

Figures derived from people's answers are only shown for groups of at least `minimum` people
(settings.PRIVACY_MIN_GROUP_SIZE, 5). Hiding each small count is not enough: when the total is
shown and only one group is hidden, total minus the shown groups gives it away; when two hidden
groups are together smaller than the minimum, their sum is a small group too. So the shown groups
of one partition must leave a hidden remainder of either nobody or at least `minimum` people.
"""


def hide_small_groups(counts: dict, *, minimum: int) -> dict:
    """{group: count, or None where hidden} for a partition of one population.

    `counts` maps each group to its number of people; every person is in exactly one group, so the
    total is sum(counts). When the total is below `minimum`, every count is hidden. Otherwise every
    count below `minimum` is hidden, and while the hidden counts add up to fewer than `minimum` the
    smallest shown count is hidden too (so total minus the shown counts never reveals a small
    group). Ties are broken by the order of `counts`.
    """
    total = sum(counts.values())
    if total < minimum:
        return dict.fromkeys(counts)
    hidden = {group for group, count in counts.items() if count < minimum}
    while hidden and len(hidden) < len(counts) and sum(counts[group] for group in hidden) < minimum:
        shown = [group for group in counts if group not in hidden]
        hidden.add(min(shown, key=lambda group: counts[group]))
    return {group: None if group in hidden else count for group, count in counts.items()}


def figure_shown(*, from_scan_scores: bool, respondents: int, minimum: int) -> bool:
    """Whether one group's figure may be shown at all: the one rule of the team dashboard and the
    agenda suggestion (README "Privacy", DESIGN.md: a team leader sees their own team's aggregates).

    Counts of who took part (did a round of the zelfscan, was active on the learning platform) are
    nobody's answers or scores: they are shown whatever the size of the group (a campaign may even
    show team leaders *who* has not done the scan). Figures from scan scores (profiles, levels,
    improvement, time saved) only for at least `minimum` respondents. Groups shown side by side
    also pass through hide_small_groups.
    """
    return respondents >= minimum if from_scan_scores else True
