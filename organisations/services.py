import difflib
from dataclasses import dataclass, field

from django.db import transaction

from .caching import organisation_changed, participation_changed
from .employee_import import LOOKUP_CHUNK, ParsedImport
from .identity import name_key, normalise_email
from .models import Team, User

IMPORT_BATCH_SIZE = 500
UPDATABLE_FIELDS = ("first_name", "last_name", "municipality_id", "team_id", "employee_number")


@dataclass
class NewTeam:
    """A team an import created, and the existing teams of its municipality with a similar name."""

    municipality: str
    name: str
    similar: list = field(default_factory=list)

    def __str__(self):
        return f"{self.name} ({self.municipality})"


@dataclass
class ImportSummary:
    """What an import did: counts of people, and every new team by name (so a typo shows at once)."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    new_teams: list = field(default_factory=list)
    leaders_added: int = 0

    @property
    def teams_created(self) -> int:
        return len(self.new_teams)


def _existing_users_by_email(emails):
    users = {}
    emails = list(emails)
    for start in range(0, len(emails), LOOKUP_CHUNK):
        chunk = emails[start : start + LOOKUP_CHUNK]
        for user in User.objects.filter(email__in=chunk):
            users[normalise_email(user.email)] = user
    return users


def _teams_for_rows(rows, summary):
    """(municipality id, team name key) -> Team for every row, creating the missing teams once each
    with the first spelling in the file; the summary lists them with similar existing names."""
    municipality_ids = {row.municipality.pk for row in rows}

    def index():
        return {
            (team.municipality_id, name_key(team.name)): team
            for team in Team.objects.filter(municipality_id__in=municipality_ids)
        }

    teams = index()
    missing = {}
    for row in rows:
        key = (row.municipality.pk, name_key(row.team_name))
        if key not in teams:
            missing.setdefault(key, row)
    if missing:
        new_teams = [Team(municipality_id=mid, name=row.team_name) for (mid, _key), row in sorted(missing.items())]
        for team in new_teams:
            team.full_clean(validate_unique=False)
        Team.objects.bulk_create(new_teams, batch_size=IMPORT_BATCH_SIZE)
        for (municipality_id, _key), row in sorted(missing.items(), key=lambda pair: pair[1].line):
            existing = [team.name for (mid, _k), team in teams.items() if mid == municipality_id]
            similar = difflib.get_close_matches(row.team_name, existing, n=3, cutoff=0.75)
            summary.new_teams.append(NewTeam(municipality=row.municipality.name, name=row.team_name, similar=similar))
        teams = index()
    return teams


@transaction.atomic
def employees_import(*, parsed: ParsedImport) -> ImportSummary:
    """Upsert employees by e-mail from a validated file; a second run of the same file changes nothing.

    `parsed` comes from employee_import.employee_import_parse and must be valid (ValueError
    otherwise). Returns an ImportSummary with counts. All or nothing: one transaction.

    Rows marked as team leader become a leader of their team; leadership is never removed by an
    import, because one file can name only one team per person.
    """
    if not parsed.is_valid:
        raise ValueError("Refusing to import a file with errors")
    summary = ImportSummary()
    rows = parsed.rows
    teams = _teams_for_rows(rows, summary)
    existing = _existing_users_by_email(row.email for row in rows)

    to_create, to_update = [], []
    for row in rows:
        values = {
            "first_name": row.first_name,
            "last_name": row.last_name,
            "municipality_id": row.municipality.pk,
            "team_id": teams[(row.municipality.pk, name_key(row.team_name))].pk,
        }
        user = existing.get(row.email)
        if user is None:
            user = User(email=row.email, employee_number=row.employee_number, **values)
            user.set_unusable_password()
            to_create.append(user)
            continue
        if row.employee_number:
            values["employee_number"] = row.employee_number
        if any(getattr(user, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(user, name, value)
            to_update.append(user)
        else:
            summary.unchanged += 1

    User.objects.bulk_create(to_create, batch_size=IMPORT_BATCH_SIZE)
    User.objects.bulk_update(to_update, UPDATABLE_FIELDS, batch_size=IMPORT_BATCH_SIZE)
    summary.created, summary.updated = len(to_create), len(to_update)

    leader_rows = [row for row in rows if row.is_team_leader]
    if leader_rows:
        users = _existing_users_by_email(row.email for row in leader_rows)
        through = Team.leaders.through
        wanted = {
            (teams[(row.municipality.pk, name_key(row.team_name))].pk, users[row.email].pk) for row in leader_rows
        }
        present = set(
            through.objects.filter(team_id__in={team_id for team_id, _ in wanted}).values_list("team_id", "user_id")
        )
        new_links = [through(team_id=team_id, user_id=user_id) for team_id, user_id in sorted(wanted - present)]
        through.objects.bulk_create(new_links, batch_size=IMPORT_BATCH_SIZE)
        summary.leaders_added = len(new_links)
    organisation_changed()
    return summary


def summary_for_session(summary: ImportSummary) -> dict:
    """The summary as plain data (the session stores JSON): counts and new teams with similar names."""
    return {
        "created": summary.created,
        "updated": summary.updated,
        "unchanged": summary.unchanged,
        "leaders_added": summary.leaders_added,
        "new_teams": [
            {"municipality": team.municipality, "name": team.name, "similar": team.similar}
            for team in summary.new_teams
        ],
    }


def user_update_preferences(
    *, user: User, language: str, receives_reminders: bool, receives_agenda_reminders: bool | None = None
) -> User:
    """Set the person's interface language (User.Language) and which monthly reminders they get
    (the agenda reminder only for team leaders: None leaves it as it is). Raises ValidationError for
    an unknown language; then nothing is saved."""
    wanted = {"language": language, "receives_reminders": receives_reminders}
    if receives_agenda_reminders is not None:
        wanted["receives_agenda_reminders"] = receives_agenda_reminders
    stored = User.objects.filter(pk=user.pk).values(*wanted).get()
    for name, value in wanted.items():
        setattr(user, name, value)
    user.full_clean(exclude=["password"])
    changed = [name for name, value in wanted.items() if stored[name] != value]
    if changed:
        user.save(update_fields=changed)
    if set(changed) - {"language"}:
        # The dashboard's opt-out rates and the reminders page count these: recount. A save that
        # changes nothing (or only the language) leaves every cached figure of the municipality be.
        participation_changed(municipality_ids=[user.municipality_id])
    return user


def login_lockout_lift(*, user) -> int:
    """Lift the lockout after too many failed logins (django-axes) for `user`'s e-mail address, from
    every address: a person who just set a new password through the e-mailed link proved they own
    the account. Returns the number of failed attempts forgotten."""
    from axes.utils import reset

    return reset(username=normalise_email(user.email))
