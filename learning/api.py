"""The xAPI statements resource for the learning platform: POST and PUT /api/xapi/statements.

HTTP Basic auth with a platform's key and secret (XapiClient), the X-Experience-API-Version header
(1.0.x), a JSON body of at most XAPI_MAX_BODY_BYTES. The answers follow xAPI 1.0.3: POST gives the
list of statement ids, PUT 204; refusals give a JSON {"error": reason}. The platform's credentials
open this endpoint only: they are no session and no login anywhere else.
"""

import base64
import binascii
import json

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from .services import xapi_client_authenticate, xapi_statements_store
from .xapi import SUPPORTED_VERSION, VERSION, XapiError, parse_body, parse_statements, parse_uuid

ALLOWED_METHODS = ("POST", "PUT")


def _with_headers(response):
    response["X-Experience-API-Version"] = VERSION
    response["X-Experience-API-Consistent-Through"] = timezone.now().isoformat()
    response["Cache-Control"] = "no-store"
    return response


def _error(status, reason, **headers):
    response = JsonResponse({"error": reason}, status=status, json_dumps_params={"ensure_ascii": False})
    for name, value in headers.items():
        response[name] = value
    return _with_headers(response)


def _client(request):
    header = request.META.get("HTTP_AUTHORIZATION", "")
    scheme, _space, encoded = header.partition(" ")
    if scheme.lower() != "basic" or not encoded:
        return None
    try:
        key, _colon, secret = base64.b64decode(encoded.strip(), validate=True).decode("utf-8").partition(":")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    if not key or not secret:
        return None
    return xapi_client_authenticate(key=key, secret=secret)


def _body(request) -> bytes:
    limit = settings.XAPI_MAX_BODY_BYTES
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        raise XapiError(400, _("Content-Length is geen getal.")) from None
    too_large = _("Het verzoek is groter dan %(limit)s bytes; stuur minder statements per keer.") % {"limit": limit}
    if declared > limit:
        raise XapiError(413, too_large)
    raw = request.read(limit + 1)
    if len(raw) > limit:
        raise XapiError(413, too_large)
    return raw


@csrf_exempt
def statements(request):
    if request.method not in ALLOWED_METHODS:
        reason = _("Alleen POST en PUT: statements worden hier ontvangen, niet opgevraagd.")
        return _error(405, reason, Allow=", ".join(ALLOWED_METHODS))
    client = _client(request)
    if client is None:
        reason = _("Geef de sleutel en het geheim van het platform mee (HTTP Basic).")
        return _error(401, reason, **{"WWW-Authenticate": 'Basic realm="Digivaardig xAPI"'})
    try:
        version = request.META.get("HTTP_X_EXPERIENCE_API_VERSION", "").strip()
        if not SUPPORTED_VERSION.match(version):
            raise XapiError(400, _("De header X-Experience-API-Version ontbreekt of is geen 1.0.x."))
        raw = _body(request)
        if request.content_type != "application/json":
            raise XapiError(400, _("Stuur de statements als application/json."))
        items, is_list = parse_body(raw)
        if request.method == "PUT":
            statement_id = parse_uuid(request.GET.get("statementId"), what="statementId")
            if is_list:
                raise XapiError(400, _("PUT neemt één statement; stuur een lijst met POST."))
            given = items[0].get("id")
            if given is not None and (not isinstance(given, str) or given.lower() != str(statement_id)):
                raise XapiError(400, _("Het id in het statement is niet gelijk aan statementId."))
            items[0] = {**items[0], "id": str(statement_id)}
        elif "statementId" in request.GET:
            raise XapiError(400, _("statementId hoort bij PUT, niet bij POST."))
        ids = xapi_statements_store(client=client, statements=parse_statements(items))
    except XapiError as error:
        return _error(error.status, error.reason)
    if request.method == "PUT":
        return _with_headers(HttpResponse(status=204))
    body = json.dumps([str(statement_id) for statement_id in ids])
    return _with_headers(HttpResponse(body, content_type="application/json"))
