"""Authentication by e-mail address, loading the person with their role flags in one query."""

from django.contrib.auth.backends import ModelBackend

from .caching import kept_session_user
from .models import Team, User


def _session_user_sql() -> str:
    """The user with the flags `roles.roles_of` needs, as plain SQL built once from the models' tables.

    This runs on every request; the ORM spent more time compiling the two EXISTS subqueries than the
    database spent answering them, so it is written out once here.
    """
    users = User._meta.db_table
    leaders = Team.leaders.through._meta.db_table
    advisors = User.advised_municipalities.through._meta.db_table
    return (
        f'SELECT u.*, EXISTS (SELECT 1 FROM "{leaders}" t WHERE t.user_id = u.id) AS leads_a_team, '  # noqa: S608  # nosec B608
        f'EXISTS (SELECT 1 FROM "{advisors}" a WHERE a.user_id = u.id) AS advises_a_municipality '
        f'FROM "{users}" u WHERE u.id = %s'
    )


class EmailBackend(ModelBackend):
    """Django's ModelBackend, but the user of a session comes with its role flags (leads a team,
    advises a municipality) in one query, and from the cache while their row is unchanged
    (caching.kept_session_user), so a page costs no query for the person."""

    sql = None

    def get_user(self, user_id):
        if EmailBackend.sql is None:
            EmailBackend.sql = _session_user_sql()
        try:
            pk = int(user_id)
        except (TypeError, ValueError):
            return None
        # Kept in the cache until the person's row changes (caching.kept_session_user): no query.
        user = kept_session_user(pk, lambda: next(iter(User.objects.raw(self.sql, [pk])), None))
        return user if user is not None and self.user_can_authenticate(user) else None
