import time

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import render
from django.utils import translation

from common.preserve import TIMED_OUT_USER_KEY

IDLE_KEY = "last_activity"


class SessionTimeoutMiddleware:
    """Ends a session after SESSION_IDLE_TIMEOUT_MINUTES without a request.

    The absolute limit is the session cookie age (SESSION_COOKIE_AGE), which Django enforces.
    Placed after SessionMiddleware; looks at the session only, so it costs no query.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and session.get("_auth_user_id"):
            now = int(time.time())
            last = session.get(IDLE_KEY)
            if last is not None and now - last > settings.SESSION_IDLE_TIMEOUT_MINUTES * 60:
                user_id = int(session["_auth_user_id"])
                logout(request)
                # Whose form may be kept if this request posts one (common.preserve).
                request.session[TIMED_OUT_USER_KEY] = user_id
            else:
                # Write at most once a minute, so not every request rewrites the session row.
                if last is None or now - last >= 60:
                    session[IDLE_KEY] = now
        return self.get_response(request)


def language_of(request) -> str:
    """The interface language for this request: the logged-in person's preference (User.language),
    else Dutch (LANGUAGE_CODE). Never the browser's Accept-Language, so a page is the same for
    everyone with the same preference. Anonymous requests are answered without loading a user."""
    session = getattr(request, "session", None)
    if session is not None and session.get("_auth_user_id"):
        language = getattr(request.user, "language", "") or ""
        if language in dict(settings.LANGUAGES):
            return language
    return settings.LANGUAGE_CODE


def _streamed_in(language, content):
    with translation.override(language):
        yield from content


class UserLanguageMiddleware:
    """Activates the person's language (`language_of`) for the request; placed after
    AuthenticationMiddleware. The response says which language it is in (Content-Language): the
    language active when the view is done, so saving a new preference answers in the new one. The
    thread's previous language is restored afterwards (in-process tasks, tests)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = language_of(request)
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = self.get_response(request)
            answered_in = translation.get_language() or language
        if response.streaming:
            # Streamed content is produced after this middleware returns: in the same language.
            response.streaming_content = _streamed_in(answered_in, response.streaming_content)
        response.headers.setdefault("Content-Language", answered_in)
        return response


class MethodNotAllowedPageMiddleware:
    """A portal page instead of the browser's blank "HTTP ERROR 405" when an address that only takes
    a form (a button's action) is opened directly: a bookmark, a link, the back button."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 405 and not response.content and request.method in ("GET", "HEAD"):
            page = render(request, "405.html", status=405)
            page["Allow"] = response.get("Allow", "")
            return page
        return response
