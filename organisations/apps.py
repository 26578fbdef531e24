from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def register_dutch_collation(sender, connection, **kwargs):
    """SQLite has no Dutch collation: give every new connection the one names.compare_dutch defines."""
    if connection.vendor == "sqlite":
        from .names import DUTCH, compare_dutch

        connection.connection.create_collation(DUTCH, compare_dutch)


class OrganisationsConfig(AppConfig):
    name = "organisations"
    verbose_name = _("Organisatie")

    def ready(self):
        from django.db.backends.signals import connection_created

        connection_created.connect(register_dutch_collation, dispatch_uid="organisations.dutch_collation")

        from .invalidation import connect

        connect()
