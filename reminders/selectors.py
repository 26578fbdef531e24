"""Reads of the reminders: how they went, per kind and period, and what a reminder looks like."""

from dataclasses import dataclass

from django.db.models import Count, Q

from organisations.models import User

from .models import Kind, ReminderLog, Status


@dataclass(frozen=True)
class PeriodStatus:
    """Counts of one kind and period, and the most frequent failure reason (if any)."""

    kind: str
    kind_label: str
    period: str
    sent: int
    failed: int
    pending: int
    reasons: list


@dataclass(frozen=True)
class OptOuts:
    """Who switched off a monthly reminder: counts and percentages of the people who could."""

    learning: int
    learning_of: int
    agenda: int
    agenda_of: int

    @property
    def learning_percent(self) -> int:
        return round(100 * self.learning / self.learning_of) if self.learning_of else 0

    @property
    def agenda_percent(self) -> int:
        return round(100 * self.agenda / self.agenda_of) if self.agenda_of else 0


def reminder_status(*, municipalities) -> list[PeriodStatus]:
    """Sent, failed and pending reminders per kind and period, newest period first, counting only
    recipients of `municipalities` (a queryset): one query for the counts, one for the reasons."""
    logs = ReminderLog.objects.filter(recipient__municipality__in=municipalities)
    rows = (
        logs.values("kind", "period")
        .annotate(
            sent=Count("pk", filter=Q(status=Status.SENT)),
            failed=Count("pk", filter=Q(status=Status.FAILED)),
            pending=Count("pk", filter=Q(status=Status.CLAIMED)),
        )
        .order_by("-period", "kind")
    )
    reasons = {}
    failures = (
        logs.filter(status=Status.FAILED).values("kind", "period", "error").annotate(n=Count("pk")).order_by("-n")
    )
    for failure in failures:
        reasons.setdefault((failure["kind"], failure["period"]), []).append((failure["error"], failure["n"]))
    labels = dict(Kind.choices)
    return [
        PeriodStatus(
            kind=row["kind"],
            kind_label=labels.get(row["kind"], row["kind"]),
            period=row["period"],
            sent=row["sent"],
            failed=row["failed"],
            pending=row["pending"],
            reasons=reasons.get((row["kind"], row["period"]), [])[:3],
        )
        for row in rows
    ]


def opt_outs(*, municipalities) -> OptOuts:
    """How many employees (and team leaders) of `municipalities` switched a monthly reminder off."""
    people = User.objects.filter(is_active=True, municipality__in=municipalities)
    leaders = people.filter(led_teams__isnull=False).distinct()
    counts = people.aggregate(total=Count("pk"), off=Count("pk", filter=Q(receives_reminders=False)))
    leader_counts = User.objects.filter(pk__in=leaders.values("pk")).aggregate(
        total=Count("pk"), off=Count("pk", filter=Q(receives_agenda_reminders=False))
    )
    return OptOuts(
        learning=counts["off"],
        learning_of=counts["total"],
        agenda=leader_counts["off"],
        agenda_of=leader_counts["total"],
    )
