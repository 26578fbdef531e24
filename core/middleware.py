import time

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import render

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
