from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext_lazy as _


class PersonaQuerySet(models.QuerySet):
    def core(self):
        """The plan's four personas, without the cross-cutting busy prioritiser."""
        return self.exclude(slug=Persona.Identity.BUSY_PRIORITISER)


class Persona(models.Model):
    """One of the plan's four personas, or the cross-cutting busy prioritiser found inside all four."""

    class Identity(models.TextChoices):
        """The personas of plan section 3.2, by the slug they ship with; code finds a persona by these."""

        ENTHUSIAST = "digitale-enthousiasteling", _("Digitale enthousiasteling")
        PROFESSIONAL = "digivaardige-professional", _("Digivaardige professional")
        HESITANT = "aarzelende-technologiegebruiker", _("Aarzelende technologiegebruiker")
        ANALOGUE = "analoge-idealist", _("Analoge idealist")
        BUSY_PRIORITISER = "drukke-prioriteitensteller", _("Drukke prioriteitensteller")

    # The texts an advisor edits on the persona page, in form order.
    TEXT_FIELDS = ("essence", "description", "analysis_note", "employee_name", "employee_profile")

    slug = models.SlugField(_("korte naam"), max_length=60, unique=True)
    name = models.CharField(_("naam"), max_length=100)
    is_cross_cutting = models.BooleanField(
        _("terugkerende groep"), default=False, help_text=_("Komt voor binnen alle vier de persona's.")
    )
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    essence = models.CharField(_("in één zin"), max_length=300)
    description = models.TextField(_("beschrijving (intern)"))
    analysis_note = models.TextField(_("toelichting bij de analyse (intern)"), blank=True)
    employee_name = models.CharField(
        _("profielnaam voor de medewerker"),
        max_length=60,
        help_text=_(
            "Positief en kort, zoals 'Verkenner': deze naam ziet de medewerker op de uitslag, nooit de interne naam."
        ),
    )
    employee_profile = models.TextField(
        _("profiel voor de medewerker"),
        help_text=_("Positief, kort en concreet: dit ziet de medewerker zelf op de uitslag van de zelfscan."),
    )
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = PersonaQuerySet.as_manager()

    class Meta:
        ordering = ["position"]
        verbose_name = _("persona")
        verbose_name_plural = _("persona's")

    def __str__(self):
        return self.name

    @property
    def is_busy_prioritiser(self) -> bool:
        return self.slug == self.Identity.BUSY_PRIORITISER


class ComBStatement(models.Model):
    class Kind(models.TextChoices):
        MOTIVES = "motives", _("Motieven")
        RESISTANCE = "resistance", _("Weerstanden")
        KNOWLEDGE = "knowledge", _("Wat weten ze")
        SKILLS = "skills", _("Wat kunnen ze")
        NEEDS = "needs", _("Benodigdheden")

    # The three COM-B components of plan section 3.2, each with its sub-headings.
    COMPONENTS = [
        (_("Motivatie"), [Kind.MOTIVES, Kind.RESISTANCE]),
        (_("Capaciteit"), [Kind.KNOWLEDGE, Kind.SKILLS]),
        (_("Gelegenheid"), [Kind.NEEDS]),
    ]

    persona = models.ForeignKey(Persona, on_delete=models.CASCADE, related_name="statements")
    kind = models.CharField(_("onderdeel"), max_length=20, choices=Kind.choices)
    text = models.CharField(_("tekst"), max_length=500)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["persona", "kind", "position", "pk"]
        verbose_name = _("COM-B-uitspraak")
        verbose_name_plural = _("COM-B-uitspraken")

    def __str__(self):
        return self.text


class Audience(models.Model):
    """A target group of plan section 4: Allen, a persona, or Teamleiders/-managers."""

    slug = models.SlugField(_("korte naam"), max_length=60, unique=True)
    name = models.CharField(_("naam"), max_length=100)
    persona = models.OneToOneField(
        Persona, on_delete=models.CASCADE, null=True, blank=True, related_name="audience", verbose_name=_("persona")
    )
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    # The audiences that are not a persona (plan section 4); the others share their persona's slug.
    ALL = "allen"
    TEAM_LEADERS = "teamleiders"

    class Meta:
        ordering = ["position"]
        verbose_name = _("doelgroep")
        verbose_name_plural = _("doelgroepen")

    def __str__(self):
        return self.name


class AudienceText(models.Model):
    """An ordered line of text for an audience (subclasses add the audience): a point or a message."""

    text = models.CharField(_("tekst"), max_length=500)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        abstract = True
        ordering = ["audience", "position", "pk"]

    def __str__(self):
        return self.text


class AttentionPoint(AudienceText):
    audience = models.ForeignKey(Audience, on_delete=models.CASCADE, related_name="attention_points")

    class Meta(AudienceText.Meta):
        verbose_name = _("aandachtspunt")
        verbose_name_plural = _("aandachtspunten")


class Message(AudienceText):
    audience = models.ForeignKey(Audience, on_delete=models.CASCADE, related_name="messages")

    class Meta(AudienceText.Meta):
        verbose_name = _("communicatieboodschap")
        verbose_name_plural = _("communicatieboodschappen")


class EditRecord(models.Model):
    """Who changed which persona or audience texts, and when."""

    persona = models.ForeignKey(Persona, on_delete=models.CASCADE, null=True, blank=True, related_name="edits")
    audience = models.ForeignKey(Audience, on_delete=models.CASCADE, null=True, blank=True, related_name="edits")
    summary = models.CharField(_("wijziging"), max_length=300)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    changed_at = models.DateTimeField(_("tijdstip"), auto_now_add=True)

    class Meta:
        ordering = ["-changed_at", "-pk"]
        verbose_name = _("wijziging")
        verbose_name_plural = _("wijzigingen")

    def __str__(self):
        return self.changed_labels

    @property
    def changed_labels(self) -> str:
        """What changed, as the editor's labels ('kern, profiel voor medewerkers'): the summary keeps
        the fields' code names, which stay the same when a label is reworded or translated."""
        names = {
            "statements": _("COM-B-uitspraken"),
            "attention_points": _("aandachtspunten"),
            "messages": _("boodschappen"),
        }
        labels = []
        for code in (part.strip() for part in self.summary.split(",")):
            if code in names:
                labels.append(str(names[code]))
                continue
            try:
                labels.append(str(Persona._meta.get_field(code).verbose_name))
            except FieldDoesNotExist:  # a code from an older version: shown as it was stored
                labels.append(code)
        return ", ".join(labels)
