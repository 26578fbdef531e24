"""One-time form tokens: a form that creates or changes something counts once per rendering.

Every POST form carries `{% form_token %}`: a signed, random nonce bound to the person. The view is
wrapped in `@once_per_form`. The first successful submission (the view answers with a redirect) is
recorded together with the view's own writes, in one transaction; a second submission of the same
rendered form (a double click, a slow network, the back button) writes nothing and is sent to where
the first one went. A submission with errors (the form is shown again) does not use up the token.
"""

import functools
import secrets

from django.contrib import messages
from django.core import signing
from django.db import IntegrityError, transaction
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from .models import FormSubmission

FIELD_NAME = "form_token"
SALT = "digivaardig.form-token"
RESULT_URL_MAX = FormSubmission._meta.get_field("result_url").max_length


def new_token(user) -> str:
    """A fresh token for a form rendered for `user` (anonymous: None)."""
    return signing.dumps([getattr(user, "pk", None), secrets.token_urlsafe(24)], salt=SALT, compress=False)


def token_user_id(request):
    """The id of the person the posted form was rendered for (None when unknown or forged)."""
    try:
        user_id, _nonce_value = signing.loads(request.POST.get(FIELD_NAME, ""), salt=SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return user_id if isinstance(user_id, int) else None


def _nonce(request):
    """The nonce of the posted token, or None when it is missing, forged or someone else's."""
    try:
        user_id, nonce = signing.loads(request.POST.get(FIELD_NAME, ""), salt=SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return nonce if user_id == getattr(request.user, "pk", None) and isinstance(nonce, str) else None


def _already_submitted(request, nonce):
    previous = FormSubmission.objects.filter(nonce=nonce).first()
    if previous is None:
        return None
    messages.info(request, _("Dit formulier was al verstuurd; het is niet nog een keer opgeslagen."))
    return HttpResponseRedirect(previous.result_url or request.path)


def once_per_form(view):
    """Make a view's POST count once per rendered form (see the module docstring). GET is untouched."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "POST":
            return view(request, *args, **kwargs)
        nonce = _nonce(request)
        if nonce is None:
            body = render_to_string("form_token_missing.html", request=request)
            return HttpResponseBadRequest(body)
        earlier = _already_submitted(request, nonce)
        if earlier is not None:
            return earlier
        try:
            with transaction.atomic():
                # The claim comes first: a second request with this nonce waits here until the first
                # commits, then fails on the unique constraint and writes nothing.
                claim = FormSubmission.objects.create(nonce=nonce, user_id=getattr(request.user, "pk", None))
                response = view(request, *args, **kwargs)
                if 300 <= response.status_code < 400:
                    claim.result_url = response.get("Location", "")[:RESULT_URL_MAX]
                    claim.save(update_fields=["result_url"])
                else:
                    # Shown again with errors: what the view kept (a half-filled scan page) stays,
                    # and the same rendered form may be sent again once it is corrected.
                    claim.delete()
        except IntegrityError:
            earlier = _already_submitted(request, nonce)
            if earlier is None:
                raise
            return earlier
        return response

    wrapper.once_per_form = True
    return wrapper
