"""Nothing a person typed is lost to a session that expired.

A form sent after the session ran out (idle or absolute timeout) reaches the view as a logged-out
request, which is sent to the login page. `PreservePostMiddleware` keeps what was posted (never
passwords or tokens) in the new session, for that page and that person only, and says so. After
logging in the person comes back to the page, where `submitted_data(request)` gives the view the
kept data once, as if it had just been posted: the form shows again filled in, to check and save.
Uploaded files cannot be kept; the message says to choose the file again.
"""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.contrib import messages
from django.http import QueryDict
from django.shortcuts import resolve_url
from django.utils.translation import gettext as _

from .submissions import FIELD_NAME, token_user_id

SESSION_KEY = "preserved_post"
TIMED_OUT_USER_KEY = "timed_out_user"
NEVER_KEPT = ("csrfmiddlewaretoken", FIELD_NAME)
# Why a form was kept, when not for an expired session: its page had expired (keep_for_resend).
STALE_PAGE = "stale_page"


def _keepable(name: str) -> bool:
    return name not in NEVER_KEPT and "password" not in name


def _same_site_referer(request) -> str | None:
    """The path (and query) of the page the form was sent from, when that page is on this site."""
    referer = urlsplit(request.META.get("HTTP_REFERER", ""))
    if not referer.path or (referer.netloc and referer.netloc != request.get_host()):
        return None
    return referer.path + (f"?{referer.query}" if referer.query else "")


def _with_next(location: str, target: str) -> str:
    parts = urlsplit(location)
    query = QueryDict(parts.query, mutable=True)
    query["next"] = target
    return urlunsplit(parts._replace(query=query.urlencode(safe="/")))


def _keep(request, *, origin: str, owner: int, reason: str = "") -> bool:
    """Keep what `owner` posted for the page the form is on (`origin`, where its view reads it back
    with submitted_data); False when it is a button to click again, not a form: nothing typed, and
    sent elsewhere than the page it is on (an unticked checkbox sends no field, but a form with
    only that posts to its own page)."""
    typed = {name: request.POST.getlist(name) for name in request.POST if _keepable(name)}
    if not typed and urlsplit(origin).path != request.path:
        return False
    request.session[SESSION_KEY] = {"path": urlsplit(origin).path, "user": owner, "data": typed, "reason": reason}
    return True


class PreservePostMiddleware:
    """Keeps a form posted after the session expired (see the module docstring). After
    AuthenticationMiddleware and the session timeout middleware, which records who timed out.

    After logging in again the person returns to the page the form was on (the Referer on this
    site), not to the address it was sent to: a button's action (start, duplicate, cancel) answers
    only POST, and opening it would end on "method not allowed". A normal logout is no timeout.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        login_path = resolve_url(settings.LOGIN_URL)
        if not (
            request.method == "POST"
            and not request.user.is_authenticated
            and response.status_code == 302
            and response.get("Location", "").startswith(login_path)
            and request.path not in (login_path, resolve_url("logout"))
            and hasattr(request, "session")
        ):
            return response
        # Whose form it was: the form's own token says, else the idle timeout recorded it.
        owner = token_user_id(request) or request.session.get(TIMED_OUT_USER_KEY)
        if owner is None:
            return response  # nobody was logged in: an old page, not a session that ran out
        origin = _same_site_referer(request) or request.get_full_path()
        response["Location"] = _with_next(response["Location"], origin)
        if not _keep(request, origin=origin, owner=owner):
            messages.warning(
                request,
                _(
                    "Je was te lang niet actief en bent uitgelogd. Log opnieuw in en klik daarna nog een keer "
                    "op de knop."
                ),
            )
            return response
        if request.FILES:
            messages.warning(
                request,
                _(
                    "Je was te lang niet actief en bent uitgelogd. Log opnieuw in. Je ingevulde gegevens "
                    "zijn bewaard; kies het bestand daarna opnieuw."
                ),
            )
        else:
            messages.warning(
                request,
                _(
                    "Je was te lang niet actief en bent uitgelogd. Log opnieuw in: wat je had ingevuld is "
                    "bewaard en staat daarna weer voor je klaar."
                ),
            )
        return response


def keep_for_resend(request) -> str | None:
    """A form that reached the server with a CSRF token that no longer matches (a tab from before
    the person last logged in, a page from the back button): nothing of it is saved, but what this
    person typed is kept for the page the form is on, as for an expired session, and that page's
    path is returned to send them back to. None (nothing kept) unless the form's own one-time token
    says it was rendered for the person now logged in: a form posted from another site is never
    put in front of anyone."""
    if request.method != "POST" or not request.user.is_authenticated or not hasattr(request, "session"):
        return None
    if token_user_id(request) != request.user.pk:
        return None
    sent_from = request.META.get("HTTP_ORIGIN")
    if sent_from and urlsplit(sent_from).netloc != request.get_host():
        return None  # a browser says the form was on another site
    origin = _same_site_referer(request)
    if origin is None:
        return None
    if _keep(request, origin=origin, owner=request.user.pk, reason=STALE_PAGE):
        messages.warning(request, _("De pagina was verlopen, dus er is niets opgeslagen."))
    else:
        messages.warning(request, _("De pagina was verlopen, dus er is niets gedaan. Klik nog een keer op de knop."))
    return origin


def submitted_data(request):
    """What the form of this page should be bound to: request.POST on a POST; on the first visit after
    logging in again, the data this person posted here when the session had expired (a QueryDict,
    once); else None. Use it instead of `request.POST or None`."""
    if request.method == "POST":
        return request.POST
    session = getattr(request, "session", None)
    kept = session.get(SESSION_KEY) if session is not None else None
    if not kept or kept.get("path") != request.path:
        return None
    del session[SESSION_KEY]
    if kept.get("user") is None or kept["user"] != request.user.pk:
        return None  # unknown, or someone else logged in on this browser: not theirs to see
    data = QueryDict(mutable=True)
    for name, values in kept["data"].items():
        data.setlist(name, values)
    if kept.get("reason") == STALE_PAGE:
        messages.info(request, _("Wat je had ingevuld, staat weer klaar. Controleer het en verstuur het opnieuw."))
    else:
        messages.info(
            request, _("Wat je had ingevuld voordat je werd uitgelogd, staat weer klaar. Controleer het en sla op.")
        )
    return data


def is_restored(request, data) -> bool:
    """True when `data` came from submitted_data's kept copy (a GET), not from a POST."""
    return data is not None and request.method != "POST"
