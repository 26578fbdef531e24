"""Access to learning activity: a person reaches only their own entries; the import is the programme lead's."""

from common.access import found_or_404
from organisations.access import require_role
from organisations.caching import cached_participation
from organisations.roles import Role

from .models import LearningActivity


def get_own_activity(user, activity_id: int, *, kept: bool = False) -> LearningActivity:
    """The activity if `user` logged it themselves (platform records are not edited here); 404 for
    anyone else's or a platform record, so no one learns whether another person's entry exists.
    `kept`: for a page that only shows it (a GET), the answer (404 included) from the cache, kept
    until an activity of the person's municipality or the organisation changes (every write of an
    activity is one: organisations.caching.participation_changed)."""

    def find():
        own = LearningActivity.objects.filter(pk=activity_id, employee=user, source=LearningActivity.Source.SELF)
        return own.first()

    if not kept:
        return found_or_404(find())
    return found_or_404(
        cached_participation(
            "learning:own-activity", municipality_ids=[user.municipality_id], parts=[activity_id, user.pk], build=find
        )
    )


def require_import_access(user) -> None:
    """Raises PermissionDenied (403) unless `user` is the programme lead."""
    require_role(user, Role.PROGRAMME_LEAD)
