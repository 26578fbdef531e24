"""Writes of learning activity (plan §2, goal 2): logged by the employee, imported from the
platform's export, or received as xAPI statements. Each validates before it writes and raises
ValidationError (self-logging, with a message per field) or XapiError (the API); nothing is written then."""

import datetime
import secrets
import uuid
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from organisations.caching import participation_changed
from organisations.models import Municipality, User

from .date_rule import LearningDateRule
from .models import LearningActivity, XapiClient, XapiStatement, secret_digest
from .platform_import import ParsedPlatformExport
from .xapi import ParsedStatement, XapiError

BATCH_SIZE = 1000
LOOKUP_CHUNK = 500
IMPORT_FIELDS = ("employee_id", "date", "month", "title", "minutes")
# The code of the ValidationError for an activity logged twice (the view links to the overview).
DUPLICATE_MESSAGE = _lazy("Deze activiteit staat al in je overzicht.")


def _check_self_logged(activity: LearningActivity, *, today: datetime.date) -> None:
    """Refuse a day the date rule refuses (date_rule: not in the future, within the employee's
    campaign), an exact duplicate of an activity already logged, and the model's own checks
    (full_clean: minutes 1 to MAX_MINUTES among them)."""
    errors = {}
    employee = activity.employee
    if activity.date:
        problem = LearningDateRule.for_employee(employee, today=today).problem(activity.date, employee.municipality_id)
        if problem is not None:
            errors["date"] = problem.to_employee()
    if activity.minutes is None:
        errors["minutes"] = _("Vul in hoeveel minuten je ermee bezig was.")
    try:
        activity.full_clean(exclude=["employee"])
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, messages)
    if errors:
        raise ValidationError(errors)
    # The same activity twice is a second click or the browser's Back and resend, not a second
    # time learning: refuse it, with where to find the first.
    duplicate = LearningActivity.objects.filter(
        employee=employee,
        source=LearningActivity.Source.SELF,
        date=activity.date,
        kind=activity.kind,
        title=activity.title,
        minutes=activity.minutes,
    ).exclude(pk=activity.pk)
    if duplicate.exists():
        raise ValidationError(DUPLICATE_MESSAGE, code="duplicate")


def activity_log(
    *, employee: User, date: datetime.date, kind: str, title: str, minutes: int, today: datetime.date | None = None
) -> LearningActivity:
    """The employee logs something they did to learn (plan §2, goal 2): `date`, `kind`
    (LearningActivity.Kind), `title`, `minutes` (1 to MAX_MINUTES). `today` defaults to today.

    Returns the saved LearningActivity. Raises ValidationError (by field) for a day the learning date
    rule refuses (date_rule), an unknown kind, an empty title or minutes out of range, and
    ValidationError(code="duplicate") for an exact copy of an activity already logged.
    """
    activity = LearningActivity(
        employee=employee,
        date=date,
        kind=kind,
        title=" ".join((title or "").split()),
        minutes=minutes,
        source=LearningActivity.Source.SELF,
    )
    _check_self_logged(activity, today=today or timezone.localdate())
    activity.save()
    participation_changed(municipality_ids=[employee.municipality_id])
    return activity


def activity_update(
    *,
    activity: LearningActivity,
    date: datetime.date,
    kind: str,
    title: str,
    minutes: int,
    today: datetime.date | None = None,
) -> LearningActivity:
    """Change a self-logged activity (the same rules as activity_log). Raises ValidationError for an
    activity from the platform (those follow the platform) or for values activity_log refuses."""
    if not activity.is_editable:
        raise ValidationError(_("Deze activiteit komt van het leerplatform en kan hier niet worden gewijzigd."))
    activity.date, activity.kind, activity.minutes = date, kind, minutes
    activity.title = " ".join((title or "").split())
    _check_self_logged(activity, today=today or timezone.localdate())
    activity.save(update_fields=["date", "month", "kind", "title", "minutes", "updated_at"])
    participation_changed(municipality_ids=[activity.employee.municipality_id])
    return activity


def activity_delete(*, activity: LearningActivity) -> None:
    """Delete a self-logged activity. Raises ValidationError for one from the platform."""
    if not activity.is_editable:
        raise ValidationError(_("Deze activiteit komt van het leerplatform en kan hier niet worden verwijderd."))
    activity.delete()
    participation_changed(municipality_ids=[activity.employee.municipality_id])


def activity_record(
    *,
    employee: User,
    reference: str,
    date: datetime.date,
    kind: str,
    title: str,
    minutes: int,
    today: datetime.date | None = None,
) -> LearningActivity:
    """Learning that the programme registered for the employee (plan §5.1): a session with their
    digicoach (kind "coaching") or attendance at an inspiration session (kind "inspiration_session").

    `reference` names what it records (at most 100 characters, e.g. "coaching-12"); recording the
    same reference again updates that activity instead of adding one, so a retried or corrected
    registration counts once. `date` follows the learning date rule (date_rule: not after `today`,
    default today, and within the employee's campaign); `minutes` 1 to MAX_MINUTES. The activity is
    read-only for the employee (source SUPPORT).

    Returns the saved LearningActivity. Raises ValidationError (by field) for a day the rule
    refuses, an unknown kind, an empty title or minutes out of range.
    """
    activity = LearningActivity.objects.filter(
        source=LearningActivity.Source.SUPPORT, external_id=reference
    ).first() or LearningActivity(source=LearningActivity.Source.SUPPORT, external_id=reference)
    activity.employee = employee
    activity.date, activity.kind, activity.minutes = date, kind, minutes
    activity.title = " ".join((title or "").split())[: LearningActivity._meta.get_field("title").max_length]
    errors = {}
    if date:
        rule = LearningDateRule.for_employee(employee, today=today)
        problem = rule.problem(date, employee.municipality_id)
        if problem is not None:
            errors["date"] = capfirst(problem.to_recorder())
    if minutes is None:
        errors["minutes"] = _("Vul in hoeveel minuten het duurde.")
    if not reference:
        errors["external_id"] = _("Zonder verwijzing kan deze activiteit niet worden vastgelegd.")
    try:
        activity.full_clean(validate_unique=False)
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, messages)
    if errors:
        raise ValidationError(errors)
    activity.save()
    participation_changed(municipality_ids=[employee.municipality_id])
    return activity


def activity_withdraw(*, reference: str) -> int:
    """Remove the learning activity `activity_record` stored under `reference` (a session that was
    deleted, attendance that was taken back). Returns how many were removed (0 or 1)."""
    activities = LearningActivity.objects.filter(source=LearningActivity.Source.SUPPORT, external_id=reference)
    municipalities = list(activities.values_list("employee__municipality_id", flat=True))
    deleted, _per_model = activities.delete()
    participation_changed(municipality_ids=municipalities)
    return deleted


@dataclass(frozen=True)
class PlatformImportSummary:
    """Counts of an import of the platform's export: rows created, updated and unchanged."""

    created: int
    updated: int
    unchanged: int


def _existing_by_external_id(source, external_ids) -> dict[str, LearningActivity]:
    found, external_ids = {}, list(external_ids)
    for start in range(0, len(external_ids), LOOKUP_CHUNK):
        chunk = external_ids[start : start + LOOKUP_CHUNK]
        # The exclude repeats the unique index's condition, so the database may use that (partial) index.
        rows = LearningActivity.objects.filter(source=source, external_id__in=chunk).exclude(external_id="")
        for activity in rows.order_by().only("pk", "external_id", *IMPORT_FIELDS):
            found[activity.external_id] = activity
    return found


@transaction.atomic
def platform_export_import(*, parsed: ParsedPlatformExport) -> PlatformImportSummary:
    """Store the rows of a checked platform export (platform_import.platform_export_parse), keyed on
    the platform's activity id: new ids are added, changed rows updated, the rest left alone, so a
    second import of the same file changes nothing. All or nothing (one transaction).

    Raises ValueError for a file with errors (it must never get here).
    """
    if not parsed.is_valid:
        raise ValueError("Refusing to import a platform export with errors")
    source = LearningActivity.Source.PLATFORM_EXPORT
    existing = _existing_by_external_id(source, (row.activity_id for row in parsed.rows))
    to_create, to_update, unchanged = [], [], 0
    for row in parsed.rows:
        values = {
            "employee_id": row.employee_id,
            "date": row.date,
            "month": LearningActivity.month_of(row.date),
            "title": row.title,
            "minutes": row.minutes,
        }
        activity = existing.get(row.activity_id)
        if activity is None:
            to_create.append(
                LearningActivity(
                    source=source, external_id=row.activity_id, kind=LearningActivity.Kind.E_LEARNING, **values
                )
            )
        elif any(getattr(activity, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(activity, name, value)
            to_update.append(activity)
        else:
            unchanged += 1
    LearningActivity.objects.bulk_create(to_create, batch_size=BATCH_SIZE)
    LearningActivity.objects.bulk_update(to_update, IMPORT_FIELDS, batch_size=BATCH_SIZE)
    # An import touches people everywhere: every municipality's figures are recounted.
    participation_changed(municipality_ids=Municipality.objects.values_list("pk", flat=True))
    return PlatformImportSummary(created=len(to_create), updated=len(to_update), unchanged=unchanged)


def _new_secret() -> str:
    return secrets.token_urlsafe(32)


def xapi_client_create(*, name: str) -> tuple[XapiClient, str]:
    """A new platform that may push xAPI statements: (the XapiClient with its key, the secret).

    The secret is returned this once and stored only as a digest. Raises ValidationError for an
    empty or existing name.
    """
    secret = _new_secret()
    client = XapiClient(
        name=(name or "").strip(), key=f"dv-{secrets.token_urlsafe(18)}", secret_hash=secret_digest(secret)
    )
    client.full_clean()
    client.save()
    return client, secret


def xapi_client_update(*, client: XapiClient, name: str, is_active: bool) -> XapiClient:
    """Rename a platform or switch it off (inactive: its requests get 401). Raises ValidationError
    for an empty or existing name."""
    client.name, client.is_active = (name or "").strip(), is_active
    client.full_clean()
    client.save(update_fields=["name", "is_active"])
    return client


def xapi_client_new_secret(*, client: XapiClient) -> str:
    """Replace the platform's secret (the old one stops working at once); returns the new secret,
    shown once."""
    secret = _new_secret()
    client.secret_hash = secret_digest(secret)
    client.save(update_fields=["secret_hash"])
    return secret


def xapi_client_authenticate(*, key: str, secret: str) -> XapiClient | None:
    """The active platform with this key and secret, or None."""
    client = XapiClient.objects.filter(key=key, is_active=True).first()
    return client if client is not None and client.secret_matches(secret) else None


def _chunks(values, size=LOOKUP_CHUNK):
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _employees_for(statements: list[ParsedStatement]) -> dict:
    """Actor -> employee id (None for an unknown actor of a voiding statement: platforms void as an
    administrator); XapiError(400) naming the first other statement with an unknown actor."""
    emails = {s.actor.value.lower() for s in statements if s.actor.kind == "mbox"}
    names = {s.actor.value for s in statements if s.actor.kind == "account"}
    by_email, by_number = {}, {}
    for chunk in _chunks(emails | {name.lower() for name in names}):
        rows = User.objects.filter(email__in=chunk).values_list("email", "pk")
        by_email.update((email.lower(), pk) for email, pk in rows)
    numbers = [name for name in names if name.lower() not in by_email]
    for chunk in _chunks(numbers):
        by_number.update(User.objects.filter(employee_number__in=chunk).values_list("employee_number", "pk"))
    found = {}
    for statement in statements:
        actor = statement.actor
        employee_id = by_email.get(actor.value.lower())
        if employee_id is None and actor.kind == "account":
            employee_id = by_number.get(actor.value)
        if employee_id is None and not statement.voids:
            raise XapiError(
                400,
                _(
                    "statement %(number)s: onbekende actor (%(actor)s): "
                    "geen medewerker met dit e-mailadres of personeelsnummer."
                )
                % {"number": statement.position, "actor": actor},
            )
        found[actor] = employee_id
    return found


def _check_dates(statements: list[ParsedStatement], employees: dict, now: datetime.datetime) -> None:
    """XapiError(400) naming the first statement that records learning on a day the learning date
    rule refuses (date_rule: in the future, outside the employee's campaign): the whole batch is
    refused, as the specification asks for an invalid statement."""
    learning = [s for s in statements if s.kind and employees.get(s.actor) is not None]
    if not learning:
        return
    municipalities = {}
    for chunk in _chunks({employees[s.actor] for s in learning}):
        municipalities.update(User.objects.filter(pk__in=chunk).values_list("pk", "municipality_id"))
    rule = LearningDateRule.for_municipalities(set(municipalities.values()), today=timezone.localdate(now))
    for statement in learning:
        day = timezone.localtime(statement.timestamp or now).date()
        problem = rule.problem(day, municipalities.get(employees[statement.actor]))
        if problem is not None:
            raise XapiError(
                400,
                _("statement %(number)s: timestamp: %(problem)s")
                % {"number": statement.position, "problem": problem.to_recorder()},
            )


def _same(existing: XapiStatement, statement: ParsedStatement) -> bool:
    """Whether a resent statement matches the stored one (xapi.py: what counts in the comparison)."""
    if existing.fingerprint != statement.fingerprint:
        return False
    if existing.timestamp_given and statement.timestamp is not None:
        return existing.timestamp == statement.timestamp
    return True


def _store(client: XapiClient, statements: list[ParsedStatement]) -> list[uuid.UUID]:
    ids = [statement.statement_id for statement in statements]
    existing = {}
    for chunk in _chunks(ids):
        existing.update((s.statement_id, s) for s in XapiStatement.objects.filter(statement_id__in=chunk))
    new = []
    for statement in statements:
        stored = existing.get(statement.statement_id)
        if stored is None:
            new.append(statement)
        elif not _same(stored, statement):
            raise XapiError(
                409,
                _("statement %(number)s: id %(id)s is al ontvangen met een andere inhoud.")
                % {"number": statement.position, "id": statement.statement_id},
            )
    if not new:
        return ids
    employees = _employees_for(new)
    now = timezone.now()
    _check_dates(new, employees, now)
    voiding = {s.voids for s in new if s.voids}
    targets = {}
    for chunk in _chunks(voiding):
        targets.update((s.statement_id, s) for s in XapiStatement.objects.filter(statement_id__in=chunk))
    for statement in new:
        target = targets.get(statement.voids) if statement.voids else None
        if target is not None and target.client_id != client.pk:
            raise XapiError(
                403,
                _("statement %(number)s: alleen het platform dat een statement stuurde kan het ongeldig maken.")
                % {"number": statement.position},
            )
    # Voided: new statements named by a voiding statement (received earlier or in this batch),
    # unless they void something themselves (a voiding statement cannot be voided).
    new_ids = {s.statement_id for s in new}
    voided_ids = {s.voids for s in new if s.voids in new_ids}
    for chunk in _chunks(new_ids):
        voided_ids.update(XapiStatement.objects.filter(voids__in=chunk).values_list("voids", flat=True))
    voided_ids -= {s.statement_id for s in new if s.voids}
    rows, activities = [], []
    for statement in new:
        employee_id = employees.get(statement.actor)
        moment = statement.timestamp or now
        is_voided = statement.statement_id in voided_ids
        rows.append(
            XapiStatement(
                statement_id=statement.statement_id,
                client=client,
                employee_id=employee_id,
                verb=statement.verb,
                timestamp=moment,
                timestamp_given=statement.timestamp is not None,
                fingerprint=statement.fingerprint,
                voids=statement.voids,
                voided=is_voided,
            )
        )
        if statement.kind and not is_voided:
            day = timezone.localtime(moment).date()
            activities.append(
                LearningActivity(
                    employee_id=employee_id,
                    date=day,
                    month=LearningActivity.month_of(day),
                    kind=statement.kind,
                    title=statement.title,
                    # Under half a minute is no known duration (an activity's minutes are 1 or more).
                    minutes=statement.minutes or None,
                    source=LearningActivity.Source.XAPI,
                    external_id=str(statement.statement_id),
                )
            )
    XapiStatement.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    LearningActivity.objects.bulk_create(activities, batch_size=BATCH_SIZE)
    earlier = [s.voids for s in new if s.voids and s.voids not in new_ids]
    for chunk in _chunks(earlier):
        # Only statements that do not void something themselves can be voided.
        XapiStatement.objects.filter(statement_id__in=chunk, voids__isnull=True).update(voided=True)
        LearningActivity.objects.filter(
            Q(source=LearningActivity.Source.XAPI), external_id__in=[str(target) for target in chunk]
        ).delete()
    _recount(employees.values(), everywhere=bool(earlier))
    return ids


def _recount(employee_ids, *, everywhere: bool) -> None:
    # The dashboards' figures of the municipalities of these people are counted again; of every
    # municipality when earlier statements were voided (whose people this batch does not name).
    if everywhere:
        participation_changed(municipality_ids=Municipality.objects.values_list("pk", flat=True))
        return
    municipalities = set()
    for chunk in _chunks({pk for pk in employee_ids if pk is not None}):
        municipalities.update(User.objects.filter(pk__in=chunk).values_list("municipality_id", flat=True).distinct())
    participation_changed(municipality_ids=municipalities)


def xapi_statements_store(*, client: XapiClient, statements: list[ParsedStatement]) -> list[uuid.UUID]:
    """Store checked statements (xapi.parse_statements) from `client` and the learning activity they
    record; returns their ids in order. A statement id is stored once: the same id with the same
    content again is no error, with other content it is (XapiError 409). An unknown actor is
    XapiError(400), voiding another platform's statement XapiError(403). All or nothing: on any
    error nothing of the request is stored.
    """
    for attempt in range(2):
        try:
            with transaction.atomic():
                return _store(client, statements)
        except IntegrityError:
            # A simultaneous request stored one of these ids first: look again, now it is there.
            if attempt:
                raise XapiError(409, _("Een statement met een van deze ids werd tegelijk ontvangen.")) from None
    raise AssertionError("unreachable")
