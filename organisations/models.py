from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from .identity import normalise_email
from .names import PERSON_ORDER, dutch_name_order, surname_sort_expression


class Municipality(models.Model):
    name = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(_("korte naam"), max_length=100, unique=True)
    learning_platform_url = models.URLField(_("adres leerplatform"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)


class Team(models.Model):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="teams", verbose_name=_("gemeente")
    )
    name = models.CharField(_("naam"), max_length=150)
    leaders = models.ManyToManyField(
        "organisations.User", related_name="led_teams", blank=True, verbose_name=_("teamleiders")
    )

    class Meta:
        ordering = ["municipality__name", "name"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="team_name_unique_per_municipality")
        ]

    def __str__(self):
        return f"{self.name} ({self.municipality})"


class UserManager(BaseUserManager):
    use_in_migrations = True

    def with_role_flags(self):
        """Users annotated with `leads_a_team` and `advises_a_municipality` (for roles.roles_of)."""
        return self.annotate(
            leads_a_team=models.Exists(Team.leaders.through.objects.filter(user_id=models.OuterRef("pk"))),
            advises_a_municipality=models.Exists(
                User.advised_municipalities.through.objects.filter(user_id=models.OuterRef("pk"))
            ),
        )

    def get_by_natural_key(self, username):
        # Addresses are stored normalised (identity.py); what someone types is normalised the same way.
        return self.get(email=normalise_email(username))

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("E-mail is required")
        user = self.model(email=normalise_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        extra_fields.setdefault("is_programme_lead", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """An employee of a participating municipality; roles are held alongside, several at once."""

    class Language(models.TextChoices):
        DUTCH = "nl", _("Nederlands")
        ENGLISH = "en", _("Engels")

    email = models.EmailField(_("e-mailadres"), unique=True)
    first_name = models.CharField(_("voornaam"), max_length=100)
    last_name = models.CharField(_("achternaam"), max_length=150)
    # Kept by the database: the surname without tussenvoegsel, so 'de Graaf' sorts under G.
    surname_sort = models.GeneratedField(
        expression=surname_sort_expression("last_name"),
        output_field=models.CharField(max_length=150),
        db_persist=True,
    )
    employee_number = models.CharField(_("personeelsnummer"), max_length=50, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="employees",
        null=True,
        blank=True,
        verbose_name=_("gemeente"),
    )
    team = models.ForeignKey(
        Team, on_delete=models.SET_NULL, related_name="members", null=True, blank=True, verbose_name=_("team")
    )
    language = models.CharField(_("taal"), max_length=2, choices=Language.choices, default=Language.DUTCH)
    receives_reminders = models.BooleanField(
        _("herinneringen ontvangen"),
        default=True,
        help_text=_("Maandelijkse herinneringen voor de zelfscan en het leerplatform."),
    )
    receives_agenda_reminders = models.BooleanField(
        _("agendaherinnering ontvangen"),
        default=True,
        help_text=_("Teamleiders: een herinnering als Digivaardig deze maand nog niet op de agenda stond."),
    )
    is_digicoach = models.BooleanField(_("digicoach"), default=False)
    is_programme_lead = models.BooleanField(_("projectleider"), default=False)
    advised_municipalities = models.ManyToManyField(
        Municipality,
        related_name="advisors",
        blank=True,
        verbose_name=_("communicatieadviseur voor"),
    )
    is_active = models.BooleanField(_("actief"), default=True)
    is_staff = models.BooleanField(_("toegang tot beheer"), default=False)
    date_joined = models.DateTimeField(_("aangemaakt op"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    class Meta:
        ordering = PERSON_ORDER
        verbose_name = _("medewerker")
        verbose_name_plural = _("medewerkers")
        constraints = [
            models.UniqueConstraint(
                "employee_number",
                name="employee_number_unique_when_set",
                condition=~models.Q(employee_number=""),
            ),
            models.UniqueConstraint(Lower("email"), name="email_unique_case_insensitive"),
        ]
        indexes = [
            models.Index(
                *dutch_name_order("surname_sort", "last_name", "first_name"), "id", name="user_dutch_name_order"
            ),
            models.Index(
                fields=["is_programme_lead"], condition=models.Q(is_programme_lead=True), name="user_programme_leads"
            ),
            models.Index(fields=["is_digicoach"], condition=models.Q(is_digicoach=True), name="user_digicoaches"),
        ]

    def __str__(self):
        return self.get_full_name() or self.email

    def clean(self):
        super().clean()
        self.email = normalise_email(self.email)

    def get_full_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    def get_short_name(self):
        return self.first_name
