"""Rendered markup kept in the cache, keyed on what it shows ({% memo_fragment %}).

A page whose data comes from the cache (the employee's start page, for example) still spent most of
its server time rendering that data into HTML (issue 16). A fragment is kept under a digest of its
inputs (pickled: the page's data as its selectors return them), its place in the templates and the
active language. New data is a new digest, so nothing needs invalidating; an entry the data has
left behind simply ages out (FRAGMENT_SECONDS, and Redis's LRU before that).

A form inside a kept fragment still gets fresh tokens: the fragment is rendered with placeholders
for the CSRF token and the one-time form token (common/submissions.py) and every page fills them in.
The placeholders are derived from SECRET_KEY, so no typed text can contain them.
"""

import hashlib
import pickle
import zlib

from django.utils.crypto import salted_hmac
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from .cache import kept_content
from .submissions import new_token

FRAGMENT_SECONDS = 60 * 60
# A context variable: set while a kept fragment is rendered, so {% form_token %} writes a placeholder.
MARKING = "_memo_fragment_marking"


def _marker(purpose: str) -> str:
    return f"memo{salted_hmac('common.fragments', purpose).hexdigest()[:32]}"


CSRF_MARKER = _marker("csrf")
FORM_TOKEN_MARKER = _marker("form-token")


def render_kept(where: str, inputs: list, context, render) -> str:
    """The markup `render()` gives for `inputs` at `where` (template:line), from the cache when it
    was rendered before for the same inputs and language, with this page's tokens filled in. Inputs
    that cannot be pickled (a mistake in the template) are rendered every time."""
    try:
        # The placeholders are in the key: markup kept under another SECRET_KEY (a rotated key, a
        # shared cache) has placeholders this process would not fill.
        keyed = (where, get_language(), CSRF_MARKER, inputs)
        digest = hashlib.sha256(pickle.dumps(keyed, protocol=5)).hexdigest()
    except (pickle.PicklingError, TypeError, AttributeError):
        return render()
    key = f"fragment:{digest}"

    def rendered():
        with context.push({"csrf_token": CSRF_MARKER, MARKING: True}):
            return zlib.compress(render().encode(), 1)

    markup = zlib.decompress(kept_content(key, rendered, seconds=FRAGMENT_SECONDS)).decode()
    return mark_safe(_filled(markup, context))  # noqa: S308  # nosec B308, B703  (rendered and escaped by the template engine)


def _filled(markup: str, context) -> str:
    """`markup` with this page's CSRF token and a fresh one-time form token for every form."""
    if CSRF_MARKER in markup:
        markup = markup.replace(CSRF_MARKER, str(context.get("csrf_token", "")))
    if FORM_TOKEN_MARKER in markup:
        user = context["request"].user
        pieces = markup.split(FORM_TOKEN_MARKER)
        markup = pieces[0] + "".join(new_token(user) + piece for piece in pieces[1:])
    return markup
