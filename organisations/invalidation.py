"""What keeps the cached logged-in person true: every save or delete of a person invalidates their
kept row (caching.person_changed); a save of anything others see (a name, a team, a role: every
field but OWN_FIELDS), a delete and every change of the teams people lead or the municipalities
they advise invalidate the organisation's version, under which that row, the names on other
people's kept pages and the kept access answers are kept too.

Signals, not services, on purpose: a person's row is written in places the portal does not own
(Django's password change and reset, the login's last_login, the admin), and a kept row that missed
one of them would keep a changed password's old sessions alive. Bulk writes that bypass save()
(the import, queryset updates) call organisation_changed, which the kept row also depends on.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from .caching import organisation_changed, person_changed
from .models import Team, User

# What only the person's own pages show: a save of nothing else (the login's last_login, a
# password set by the demo seed, the preferences form) leaves what others see alone.
OWN_FIELDS = frozenset({"last_login", "password", "language", "receives_reminders", "receives_agenda_reminders"})


def _person_saved(sender, instance, update_fields=None, **kwargs):
    person_changed(user_ids=[instance.pk])
    if update_fields is None or not set(update_fields) <= OWN_FIELDS:
        # A name, e-mail, team, municipality, role flag or the active flag: others' kept pages show
        # them (names in lists, a digicoach's buddies) and kept access answers depend on the roles.
        organisation_changed()


def _person_deleted(sender, instance, **kwargs):
    person_changed(user_ids=[instance.pk])
    # What was theirs goes with them (scans, activity, cards, certificates): everything kept under
    # the organisation's version is read again, as after an import.
    organisation_changed()


def _people_linked(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    # Who leads and who advises is in the kept person (their role flags) and in kept scopes and
    # counts (a person's visible municipalities, a team dashboard's access): all are kept under the
    # organisation's version. Rare writes: the admin and the import.
    organisation_changed()


def connect() -> None:
    """Connect the receivers (OrganisationsConfig.ready)."""
    post_save.connect(_person_saved, sender=User, dispatch_uid="organisations.person_saved")
    post_delete.connect(_person_deleted, sender=User, dispatch_uid="organisations.person_deleted")
    for through in (Team.leaders.through, User.advised_municipalities.through):
        m2m_changed.connect(
            _people_linked, sender=through, dispatch_uid=f"organisations.people_linked.{through.__name__}"
        )
