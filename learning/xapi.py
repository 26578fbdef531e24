"""xAPI 1.0.3 statements: checking them and reading the learning activity in them, without the database.

The portal is a small Learning Record Store for one purpose: knowing in which months an employee
learned on the platform. It accepts statements (POST, PUT) and keeps each id once; it does not
offer them back (no GET). What it reads from a statement:

- actor: an Agent by `mbox` (mailto:e-mail) or `account` (its `name` is the e-mail address or the
  employee number); groups, openid and mbox_sha1sum are refused as unknown actors;
- verb: mapped to a kind of learning activity by VERB_KINDS (one table); other verbs are stored and
  count for nothing; `voided` voids an earlier statement of the same platform;
- object: the activity's title from definition.name (Dutch first), else its id;
- timestamp (default: the moment of receipt) and result.duration (ISO 8601, at most a day).

Comparing a resent statement (same id) follows the specification's immutability exceptions: the
id, authority, stored, version, attachments, the verb's display, the activity's definition and the
serialisation of the timestamp do not count; everything else does.
"""

import datetime
import hashlib
import json
import re
import uuid
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext as _

from common.dates import MAX_YEAR, MIN_YEAR

from .models import LearningActivity

Kind = LearningActivity.Kind

VERSION = "1.0.3"
SUPPORTED_VERSION = re.compile(r"^1\.0(\.\d+)?$")
VOIDED = "http://adlnet.gov/expapi/verbs/voided"

# What a verb records: the kind of learning activity, or None (stored, counts as no activity).
# Verbs that are not listed count as no activity either. Plan goal 2 is "use the platform to
# improve your digital skills", so finishing, trying or taking part counts; registering does not.
VERB_KINDS = {
    "http://adlnet.gov/expapi/verbs/completed": Kind.E_LEARNING,
    "http://adlnet.gov/expapi/verbs/passed": Kind.E_LEARNING,
    "http://adlnet.gov/expapi/verbs/failed": Kind.E_LEARNING,
    "http://adlnet.gov/expapi/verbs/attempted": Kind.E_LEARNING,
    "http://adlnet.gov/expapi/verbs/progressed": Kind.E_LEARNING,
    "http://adlnet.gov/expapi/verbs/answered": Kind.E_LEARNING,
    "http://adlnet.gov/expapi/verbs/mastered": Kind.E_LEARNING,
    "http://adlnet.gov/expapi/verbs/experienced": Kind.TIP,
    "http://activitystrea.ms/schema/1.0/watch": Kind.TIP,
    "http://adlnet.gov/expapi/verbs/attended": Kind.INSPIRATION_SESSION,
    "http://adlnet.gov/expapi/verbs/registered": None,
    "http://adlnet.gov/expapi/verbs/launched": None,
    "http://adlnet.gov/expapi/verbs/initialized": None,
    "http://adlnet.gov/expapi/verbs/terminated": None,
    "http://adlnet.gov/expapi/verbs/suspended": None,
    "http://adlnet.gov/expapi/verbs/resumed": None,
    "http://adlnet.gov/expapi/verbs/exited": None,
    "http://adlnet.gov/expapi/verbs/interacted": None,
    "http://adlnet.gov/expapi/verbs/commented": None,
    "http://adlnet.gov/expapi/verbs/asked": None,
    "http://adlnet.gov/expapi/verbs/shared": None,
    "http://adlnet.gov/expapi/verbs/imported": None,
    "http://adlnet.gov/expapi/verbs/preferred": None,
    VOIDED: None,
}
# Language tags tried in this order for an activity's title.
TITLE_LANGUAGES = ("nl-NL", "nl", "nl-BE", "en-US", "en-GB", "en")

STATEMENT_KEYS = {
    "id",
    "actor",
    "verb",
    "object",
    "result",
    "context",
    "timestamp",
    "stored",
    "authority",
    "version",
    "attachments",
}
AGENT_KEYS = {"objectType", "name", "mbox", "mbox_sha1sum", "openid", "account"}
IDENTIFIERS = ("mbox", "mbox_sha1sum", "openid", "account")
RESULT_KEYS = {"score", "success", "completion", "response", "duration", "extensions"}
IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]+$")
UUID_FORM = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
NUMBER = r"(\d+(?:[.,]\d+)?)"
DURATION = re.compile(
    rf"^P(?!$)(?:{NUMBER}Y)?(?:{NUMBER}M)?(?:{NUMBER}W)?(?:{NUMBER}D)?"
    rf"(?:T(?=\d)(?:{NUMBER}H)?(?:{NUMBER}M)?(?:{NUMBER}S)?)?$"
)
# Seconds per unit of a duration: years and months only to see that they are longer than a day.
DURATION_SECONDS = (365 * 86400, 30 * 86400, 7 * 86400, 86400, 3600, 60, 1)
MAX_VERB_LENGTH = 500
MAX_TITLE_LENGTH = LearningActivity._meta.get_field("title").max_length


class XapiError(Exception):
    """A request the endpoint refuses: `status` (400, 403, 409, 413) and a reason for the platform."""

    def __init__(self, status: int, reason: str):
        super().__init__(reason)
        self.status = status
        self.reason = reason


@dataclass(frozen=True)
class Actor:
    """Whom a statement is about: ("mbox", e-mail) or ("account", name); the name of an account is
    matched to an e-mail address or an employee number."""

    kind: str
    value: str

    def __str__(self):
        return f"mailto:{self.value}" if self.kind == "mbox" else f"account {self.value}"


@dataclass(frozen=True)
class ParsedStatement:
    """A checked statement and what the portal takes from it.

    timestamp: aware datetime, or None when the platform gave none. kind: a LearningActivity.Kind,
    or None when the verb records no learning activity. minutes: from result.duration, or None.
    voids: the id of the statement a voiding statement voids.
    """

    position: int
    statement_id: uuid.UUID
    id_given: bool
    actor: Actor
    verb: str
    timestamp: datetime.datetime | None
    fingerprint: str
    kind: str | None
    title: str
    minutes: int | None
    voids: uuid.UUID | None


def _refuse(position, message):
    prefix = _("statement %(number)s: ") % {"number": position} if position else ""
    raise XapiError(400, prefix + message)


def _reject_constant(name):
    raise ValueError(name)


def parse_body(raw: bytes) -> tuple[list, bool]:
    """The statements in a request body: (list of JSON objects, whether the body was a list).
    Raises XapiError(400) for anything but a JSON object or a list of them."""
    try:
        data = json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise XapiError(400, _("De inhoud is geen geldige JSON (UTF-8).")) from None
    if isinstance(data, dict):
        return [data], False
    if isinstance(data, list) and all(isinstance(item, dict) for item in data):
        return data, True
    raise XapiError(400, _("Verwacht één statement (een JSON-object) of een lijst van statements."))


def parse_uuid(value, position=None, what="id") -> uuid.UUID:
    """A UUID in standard string form (RFC 4122 variant), else XapiError(400)."""
    if not isinstance(value, str) or not UUID_FORM.match(value):
        _refuse(position, _("%(what)s is geen UUID in standaardvorm.") % {"what": what})
    parsed = uuid.UUID(value)
    if parsed.variant != uuid.RFC_4122:
        _refuse(position, _("%(what)s is geen UUID volgens RFC 4122.") % {"what": what})
    return parsed


def _iri(value, position, what):
    if not isinstance(value, str) or not IRI.match(value):
        _refuse(position, _("%(what)s moet een IRI zijn, zoals https://…") % {"what": what})
    return value


def _language_map(value, position, what):
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        _refuse(position, _('%(what)s moet een taalkaart zijn, zoals {"nl-NL": "…"}.') % {"what": what})
    return value


def _actor(value, position) -> tuple[Actor, dict]:
    if not isinstance(value, dict):
        _refuse(position, _("actor ontbreekt of is geen object."))
    if value.get("objectType", "Agent") != "Agent":
        _refuse(position, _("onbekende actor: alleen een persoon (Agent) kan leren, geen groep."))
    unknown = set(value) - AGENT_KEYS
    if unknown:
        _refuse(position, _("actor heeft onbekende velden: %(fields)s.") % {"fields": ", ".join(sorted(unknown))})
    present = [name for name in IDENTIFIERS if name in value]
    if len(present) != 1:
        _refuse(position, _("actor moet precies één kenmerk hebben (mbox of account)."))
    if "name" in value and not isinstance(value["name"], str):
        _refuse(position, _("actor.name moet tekst zijn."))
    normalised = dict(value)
    normalised.pop("objectType", None)
    if "mbox" in value:
        mbox = value["mbox"]
        if not isinstance(mbox, str) or not mbox.lower().startswith("mailto:"):
            _refuse(position, _("actor.mbox moet de vorm mailto:naam@gemeente.nl hebben."))
        email = mbox[len("mailto:") :].strip().lower()
        try:
            validate_email(email)
        except ValidationError:
            _refuse(position, _("actor.mbox bevat geen geldig e-mailadres."))
        normalised["mbox"] = f"mailto:{email}"
        return Actor("mbox", email), normalised
    if "account" in value:
        account = value["account"]
        if not isinstance(account, dict) or set(account) - {"homePage", "name"}:
            _refuse(position, _("actor.account moet een object met homePage en name zijn."))
        _iri(account.get("homePage"), position, "actor.account.homePage")
        name = account.get("name")
        if not isinstance(name, str) or not name.strip():
            _refuse(position, _("actor.account.name ontbreekt."))
        return Actor("account", name.strip()), normalised
    _refuse(position, _("onbekende actor: gebruik mbox of account, niet %(kind)s.") % {"kind": present[0]})


def _verb(value, position) -> str:
    if not isinstance(value, dict) or set(value) - {"id", "display"}:
        _refuse(position, _("verb moet een object met id (en display) zijn."))
    verb = _iri(value.get("id"), position, "verb.id")
    if len(verb) > MAX_VERB_LENGTH:
        _refuse(position, _("verb.id is te lang."))
    _language_map(value.get("display"), position, "verb.display")
    return verb


def _object(value, position) -> tuple[dict, str, dict]:
    """(the object for the fingerprint, its objectType, its activity definition or {})."""
    if not isinstance(value, dict):
        _refuse(position, _("object ontbreekt of is geen object."))
    object_type = value.get("objectType", "Activity")
    if object_type == "Activity":
        _iri(value.get("id"), position, "object.id")
        definition = value.get("definition", {})
        if not isinstance(definition, dict):
            _refuse(position, _("object.definition moet een object zijn."))
        _language_map(definition.get("name"), position, "object.definition.name")
        # The activity's definition is not part of the statement itself (immutability exceptions).
        return {"objectType": "Activity", "id": value["id"]}, object_type, definition
    if object_type == "StatementRef":
        parse_uuid(value.get("id"), position, "object.id")
        return {"objectType": "StatementRef", "id": value["id"].lower()}, object_type, {}
    if object_type in ("Agent", "Group", "SubStatement"):
        return value, object_type, {}
    _refuse(position, _("object.objectType '%(type)s' bestaat niet in xAPI.") % {"type": object_type})


def parse_duration(value) -> int:
    """Seconds in an ISO 8601 duration such as PT45M or PT1H30M00S; XapiError(400) when malformed."""
    match = DURATION.match(value) if isinstance(value, str) else None
    if not match:
        raise XapiError(400, _("result.duration '%(value)s' is geen ISO 8601-duur zoals PT45M.") % {"value": value})
    total = 0.0
    for number, seconds in zip(match.groups(), DURATION_SECONDS, strict=True):
        if number:
            total += float(number.replace(",", ".")) * seconds
    return round(total)


def _minutes(result, position) -> int | None:
    if result is None:
        return None
    if not isinstance(result, dict) or set(result) - RESULT_KEYS:
        _refuse(position, _("result heeft onbekende velden."))
    for flag in ("success", "completion"):
        if flag in result and not isinstance(result[flag], bool):
            _refuse(position, _("result.%(flag)s moet true of false zijn.") % {"flag": flag})
    if "duration" not in result:
        return None
    try:
        seconds = parse_duration(result["duration"])
    except XapiError as error:
        _refuse(position, error.reason)
    if seconds > LearningActivity.MAX_MINUTES * 60:
        _refuse(position, _("result.duration is langer dan een dag (24 uur)."))
    return round(seconds / 60)


def _timestamp(value, position) -> datetime.datetime | None:
    if value is None:
        return None
    if not isinstance(value, str) or "T" not in value.upper():
        _refuse(position, _("timestamp moet een ISO 8601-tijdstip zijn, zoals 2026-03-14T10:00:00Z."))
    try:
        moment = datetime.datetime.fromisoformat(value.strip().replace("z", "Z"))
    except ValueError:
        _refuse(position, _("timestamp '%(value)s' is geen geldig ISO 8601-tijdstip.") % {"value": value[:40]})
    if not MIN_YEAR <= moment.year <= MAX_YEAR:
        years = {"first": MIN_YEAR, "last": MAX_YEAR}
        _refuse(position, _("timestamp ligt buiten de jaren %(first)s–%(last)s.") % years)
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=datetime.UTC)
    return moment


def _title(definition, object_id) -> str:
    names = definition.get("name") or {}
    title = next((names[tag] for tag in TITLE_LANGUAGES if names.get(tag)), None)
    title = title or next((text for text in names.values() if text), None) or object_id or ""
    return " ".join(str(title).split())[:MAX_TITLE_LENGTH]


def parse_statement(data: dict, position: int | None = None) -> ParsedStatement:
    """Check one statement and read it (module docstring). `position`: its number in a batch (from 1),
    used in the reason. Raises XapiError(400) with the reason."""
    unknown = set(data) - STATEMENT_KEYS
    if unknown:
        _refuse(position, _("onbekende velden: %(fields)s.") % {"fields": ", ".join(sorted(unknown))})
    if "attachments" in data:
        _refuse(position, _("bijlagen (attachments) worden niet ondersteund."))
    if "version" in data and not (isinstance(data["version"], str) and SUPPORTED_VERSION.match(data["version"])):
        _refuse(position, _("version moet 1.0.x zijn."))
    id_given = "id" in data
    statement_id = parse_uuid(data["id"], position) if id_given else uuid.uuid4()
    actor, actor_json = _actor(data.get("actor"), position)
    verb = _verb(data.get("verb"), position)
    object_json, object_type, definition = _object(data.get("object"), position)
    minutes = _minutes(data.get("result"), position)
    if "context" in data and not isinstance(data["context"], dict):
        _refuse(position, _("context moet een object zijn."))
    if "authority" in data and not isinstance(data["authority"], dict):
        _refuse(position, _("authority moet een object zijn."))
    timestamp = _timestamp(data.get("timestamp"), position)
    voids = None
    if verb == VOIDED:
        if object_type != "StatementRef":
            _refuse(position, _("een voided-statement moet naar een statement verwijzen (StatementRef)."))
        voids = uuid.UUID(object_json["id"])
    canonical = {
        "actor": actor_json,
        "verb": verb,
        "object": object_json,
        "result": data.get("result"),
        "context": data.get("context"),
    }
    encoded = json.dumps(canonical, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    kind = VERB_KINDS.get(verb) if object_type == "Activity" else None
    return ParsedStatement(
        position=position or 1,
        statement_id=statement_id,
        id_given=id_given,
        actor=actor,
        verb=verb,
        timestamp=timestamp,
        fingerprint=hashlib.sha256(encoded.encode()).hexdigest(),
        kind=kind,
        title=_title(definition, object_json.get("id")),
        minutes=minutes,
        voids=voids,
    )


def parse_statements(items: list) -> list[ParsedStatement]:
    """Every statement of a batch, checked, numbered from 1; XapiError(400) on the first bad one or
    when two statements share an id (the whole batch is refused, as the specification asks)."""
    parsed = [parse_statement(item, position) for position, item in enumerate(items, start=1)]
    seen = {}
    for statement in parsed:
        if statement.id_given and statement.statement_id in seen:
            raise XapiError(
                400,
                _("statement %(number)s heeft hetzelfde id als statement %(other)s.")
                % {"number": statement.position, "other": seen[statement.statement_id]},
            )
        seen[statement.statement_id] = statement.position
    return parsed
