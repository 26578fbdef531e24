"""What every app's access helpers share."""

from django.http import Http404


def found_or_404(found):
    """`found` (what an access helper's lookup or kept read answered), or Http404 when it is None:
    the one answer for an object that does not exist and one the person may not reach alike."""
    if found is None:
        raise Http404
    return found
