"""Access to learning activity: a person reaches only their own entries; the import is the programme lead's."""

from django.http import Http404

from organisations.access import require_role
from organisations.roles import Role

from .models import LearningActivity


def get_own_activity(user, activity_id) -> LearningActivity:
    """The activity if `user` logged it themselves (platform records are not edited here); 404 for
    anyone else's or a platform record, so no one learns whether another person's entry exists."""
    try:
        return LearningActivity.objects.get(pk=activity_id, employee=user, source=LearningActivity.Source.SELF)
    except (LearningActivity.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def require_import_access(user) -> None:
    """Raises PermissionDenied (403) unless `user` is the programme lead."""
    require_role(user, Role.PROGRAMME_LEAD)
