"""Reads of the organisation: municipalities, teams and people (never scan data)."""

from dataclasses import dataclass

from django.core.paginator import Page
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from common.paging import KnownCountPaginator, page_key

from .caching import cached_counts
from .models import Municipality, Team, User


def _count_of(queryset):
    # A correlated subquery per figure: joining teams and employees together would multiply the rows.
    return Coalesce(Subquery(queryset.values("municipality").annotate(n=Count("pk")).values("n")[:1]), 0)


def municipality_list_with_counts(*, municipality_ids) -> list[Municipality]:
    """The municipalities of `municipality_ids` (ids) by name, each with `team_count` and active
    `employee_count`. Kept while the organisation is unchanged (caching.py): no query when kept."""
    ids = sorted(municipality_ids)

    def build():
        return list(
            Municipality.objects.filter(pk__in=ids)
            .annotate(
                team_count=_count_of(Team.objects.filter(municipality=OuterRef("pk"))),
                employee_count=_count_of(User.objects.filter(municipality=OuterRef("pk"), is_active=True)),
            )
            .order_by("name")
        )

    return cached_counts("municipalities", ids, build)


def all_municipalities() -> list[Municipality]:
    """Every municipality, by name; kept until the organisation changes (organisation_changed: the
    admin and the import). No query when kept, one otherwise."""
    return cached_counts("all-municipalities", [], lambda: list(Municipality.objects.order_by("name")))


def team_list_for_municipality(*, municipality: Municipality) -> list[Team]:
    """The municipality's teams by name, with `member_count` (active) and their leaders loaded (cached)."""

    def build():
        return list(
            Team.objects.filter(municipality=municipality)
            .annotate(member_count=Count("members", filter=Q(members__is_active=True)))
            .prefetch_related("leaders")
            .order_by("name")
        )

    return cached_counts("teams", [municipality.pk], build)


def team_members(*, team: Team):
    """The team's active members by surname (a lazy queryset of User, for a paginator)."""
    return team.members.filter(is_active=True).order_by(*User._meta.ordering)


@dataclass(frozen=True)
class TeamPage:
    """A page of the team's members (`page`, a Page of User with its paginator) and its `leaders`."""

    page: Page
    leaders: list


def team_page(*, team: Team, page_number, per_page: int) -> TeamPage:
    """Page `page_number` (as typed: Paginator.get_page's rules) of the team's active members and the
    team's leaders, kept in the cache while the organisation is unchanged (caching.py). Three
    queries when not cached, none when cached."""

    def build():
        count = team.members.filter(is_active=True).count()
        page = KnownCountPaginator(team_members(team=team), per_page, count=count).get_page(page_number)
        return count, page.number, list(page.object_list), list(team.leaders.all())

    count, number, members, leaders = cached_counts("team-page", [team.pk, per_page, page_key(page_number)], build)
    return TeamPage(page=Page(members, number, KnownCountPaginator([], per_page, count=count)), leaders=leaders)


def employee_search(*, query: str = "", municipality_id=None):
    """Active employees whose name or e-mail contains `query` (or whose employee number is it),
    optionally of one municipality; by surname, with municipality and team loaded."""
    employees = User.objects.filter(is_active=True).select_related("municipality", "team")
    if query:
        employees = employees.filter(
            Q(first_name__icontains=query)
            | Q(last_name__icontains=query)
            | Q(email__icontains=query)
            | Q(employee_number__iexact=query)
        )
    if municipality_id:
        employees = employees.filter(municipality_id=municipality_id)
    return employees.order_by(*User._meta.ordering)


def employee_search_count(*, query: str = "", municipality_id=None) -> int:
    """How many employees employee_search finds, from the cache while the organisation is unchanged."""
    return cached_counts(
        "employee-search",
        [municipality_id or "", query.casefold()],
        lambda: employee_search(query=query, municipality_id=municipality_id).count(),
    )


def led_teams(*, user: User) -> list[Team]:
    """The teams `user` leads, by name, with municipality and active `member_count`; kept in the
    cache while the organisation is unchanged (caching.py). One query when not cached."""

    def build():
        return list(
            Team.objects.filter(leaders=user)
            .select_related("municipality")
            .annotate(member_count=Count("members", filter=Q(members__is_active=True)))
            .order_by("name")
        )

    return cached_counts("led-teams", [user.pk], build)


# How alike two team names must be (difflib's ratio) to ask whether a new one is a typo.
LOOKALIKE_CUTOFF = 0.75


def lookalike_new_teams(*, rows) -> list:
    """The teams an import of `rows` (employee_import.EmployeeRow) would create whose name looks like
    an existing team of the same municipality, or like another new one in the file ('Burger zaken'
    beside 'Burgerzaken', 'Financien' beside 'Financiën'): [services.NewTeam with `similar`]. Names
    equal apart from case and spacing are the same team already (identity.name_key). Two queries."""
    import difflib

    from .identity import name_key
    from .services import NewTeam

    municipality_ids = {row.municipality.pk for row in rows}
    existing = {}
    for municipality_id, name in Team.objects.filter(municipality_id__in=municipality_ids).values_list(
        "municipality_id", "name"
    ):
        existing.setdefault(municipality_id, {})[name_key(name)] = name
    new = {}
    for row in rows:
        key = name_key(row.team_name)
        if key not in existing.get(row.municipality.pk, {}):
            new.setdefault(row.municipality.pk, {}).setdefault(key, row)
    found = []
    for municipality_id, teams in new.items():
        known = existing.get(municipality_id, {})
        for key, row in teams.items():
            others = [*known.values(), *(r.team_name for k, r in teams.items() if k != key)]
            similar = difflib.get_close_matches(row.team_name, others, n=3, cutoff=LOOKALIKE_CUTOFF)
            similar += [name for name in others if name not in similar and _folded(name) == _folded(row.team_name)]
            if similar:
                found.append(NewTeam(municipality=row.municipality.name, name=row.team_name, similar=similar))
    return sorted(found, key=lambda team: (team.municipality, team.name))


def _folded(name: str) -> str:
    # Without accents, spaces and hyphens: 'Financien' and 'Financiën', 'Burger zaken' and 'Burgerzaken'.
    import unicodedata

    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "".join(character for character in plain.casefold() if character.isalnum())


@dataclass(frozen=True)
class Placement:
    """Where a person works, by name: `municipality` and `team` ("" when none)."""

    municipality: str
    team: str


def placement_of(*, user: User) -> Placement:
    """The names of the person's municipality and team (Placement), kept in the cache while the
    organisation is unchanged (an import or an admin edit renames or moves: caching.py). No query
    when kept, two otherwise; the session's person comes without them (backends.EmailBackend)."""

    def build():
        municipality = Municipality.objects.filter(pk=user.municipality_id).values_list("name", flat=True).first()
        team = Team.objects.filter(pk=user.team_id).values_list("name", flat=True).first()
        return Placement(municipality=municipality or "", team=team or "")

    return cached_counts("placement", [user.municipality_id, user.team_id], build)
