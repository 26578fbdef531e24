"""The campaign budget (plan §7: one joint € 20.000 for the three municipalities) against the plan.

Everyone reads the same campaign total: budget, committed (planned costs of every municipality)
and what is still free, or, when more is planned than the budget, by how much (never a negative
"remaining"). When the programme lead splits the budget, each municipality also reads its own
share beside it. Cancelled items count for nothing.
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from .models import BudgetShare, ContentItem

ZERO = Decimal("0")
WITHOUT_PHASE = _("Zonder fase")
CENT = Decimal("0.01")


@dataclass(frozen=True)
class BudgetRow:
    """Planned and actual costs of one group (a municipality, phase or category), in euros."""

    label: str
    planned: Decimal
    actual: Decimal


@dataclass(frozen=True)
class ShareRow:
    """One municipality's part: its share of the budget (None without a split) and its costs, in euros."""

    municipality_id: int
    municipality: str
    share: Decimal | None
    planned: Decimal
    actual: Decimal

    @property
    def remaining(self) -> Decimal | None:
        """What is still free of the share (never negative; see over_by), None without a split."""
        return None if self.share is None else max(self.share - self.planned, ZERO)

    @property
    def over_by(self) -> Decimal | None:
        """How much more is planned than the share (0 when within it), None without a split."""
        return None if self.share is None else max(self.planned - self.share, ZERO)

    @property
    def over_planned(self) -> bool:
        return self.share is not None and self.planned > self.share

    @property
    def over_actual(self) -> bool:
        return self.share is not None and self.actual > self.share


@dataclass(frozen=True)
class BudgetSummary:
    """The campaign total (every municipality) and the shares and breakdowns of the scope, in euros."""

    budget: Decimal
    planned: Decimal
    actual: Decimal
    shares: list[ShareRow]
    by_phase: list[BudgetRow]
    by_category: list[BudgetRow]
    has_split: bool

    @property
    def remaining(self) -> Decimal:
        """What is still free to plan: never negative; when more is planned, see over_by."""
        return max(self.budget - self.planned, ZERO)

    @property
    def over_by(self) -> Decimal:
        """How much more is planned than the budget (0 when the plan fits)."""
        return max(self.planned - self.budget, ZERO)

    @property
    def over_planned(self) -> bool:
        return self.planned > self.budget

    @property
    def over_actual(self) -> bool:
        return self.actual > self.budget

    @property
    def by_municipality(self) -> list[BudgetRow]:
        return [BudgetRow(label=row.municipality, planned=row.planned, actual=row.actual) for row in self.shares]


def budget_summary(*, campaign, municipalities) -> BudgetSummary:
    """The campaign's budget read the same way by everyone (module docstring).

    `municipalities`: the municipalities (objects or ids) whose shares and breakdowns by phase and
    category are shown; the campaign total always counts every municipality. Two queries.
    """
    scope = {getattr(m, "pk", m) for m in municipalities}
    rows = (
        ContentItem.objects.filter(campaign=campaign)
        .exclude(status=ContentItem.Status.CANCELLED)
        .values_list("municipality_id", "municipality__name", "phase__position", "phase__name", "category")
        .annotate(planned=Sum("planned_cost"), actual=Sum("actual_cost"))
        .order_by()
    )
    shares = {share.municipality_id: share.amount for share in BudgetShare.objects.filter(campaign=campaign)}
    categories = dict(ContentItem.Category.choices)
    per_municipality = {}
    by_phase = defaultdict(lambda: [ZERO, ZERO])
    by_category = defaultdict(lambda: [ZERO, ZERO])
    planned_total = actual_total = ZERO
    for municipality_id, name, phase_position, phase, category, planned, actual in rows:
        planned, actual = planned or ZERO, actual or ZERO
        planned_total, actual_total = planned_total + planned, actual_total + actual
        if municipality_id not in scope:
            continue
        sums = per_municipality.setdefault(municipality_id, [name, ZERO, ZERO])
        sums[1] += planned
        sums[2] += actual
        for group in (
            by_phase[(phase_position if phase_position is not None else 999, phase or str(WITHOUT_PHASE))],
            by_category[categories.get(category, category)],
        ):
            group[0] += planned
            group[1] += actual
    names = dict(campaign.municipalities.filter(pk__in=scope).values_list("pk", "name"))
    share_rows = [
        ShareRow(
            municipality_id=pk,
            municipality=name,
            share=shares.get(pk),
            planned=per_municipality.get(pk, [name, ZERO, ZERO])[1],
            actual=per_municipality.get(pk, [name, ZERO, ZERO])[2],
        )
        for pk, name in sorted(names.items(), key=lambda pair: pair[1])
    ]
    return BudgetSummary(
        budget=campaign.budget,
        planned=planned_total,
        actual=actual_total,
        shares=share_rows,
        by_phase=[BudgetRow(label=key[1], planned=p, actual=a) for key, (p, a) in sorted(by_phase.items())],
        by_category=[BudgetRow(label=key, planned=p, actual=a) for key, (p, a) in sorted(by_category.items())],
        has_split=bool(shares),
    )


def amounts_from_percentages(*, budget: Decimal, percentages: dict) -> dict:
    """Municipality id -> amount for percentages that add up to 100; rounded to cents, the last
    municipality gets what rounding left over, so the amounts add up to the budget exactly."""
    amounts, given = {}, ZERO
    ordered = list(percentages.items())
    for index, (key, percent) in enumerate(ordered):
        if index == len(ordered) - 1:
            amounts[key] = budget - given
        else:
            amounts[key] = (budget * percent / 100).quantize(CENT, rounding=ROUND_HALF_UP)
            given += amounts[key]
    return amounts
