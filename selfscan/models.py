from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from common.dates import validate_plausible_day


class Level(models.TextChoices):
    START = "start", _("Start")
    BASIS = "basis", _("Basis")
    GEVORDERD = "gevorderd", _("Gevorderd")
    EXPERT = "expert", _("Expert")


class Questionnaire(models.Model):
    """A version of the zelfscan. Once a round has a response on it, it is frozen: edits make a new version."""

    version = models.PositiveIntegerField(_("versie"), unique=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["-version"]
        verbose_name = _("vragenlijst")
        verbose_name_plural = _("vragenlijsten")

    def __str__(self):
        return _("Zelfscan versie %(version)s") % {"version": self.version}


class Area(models.Model):
    """One page of the scan: a competence area (DigComp-aligned), or the attitude and time questions."""

    class Kind(models.TextChoices):
        COMPETENCE = "competence", _("Competentie")
        ATTITUDE = "attitude", _("Houding en tijd")

    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="areas")
    code = models.SlugField(_("code"), max_length=50)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, default=Kind.COMPETENCE)
    name = models.CharField(_("naam"), max_length=120)
    digcomp = models.CharField(_("DigComp-gebied"), max_length=120, blank=True)
    intro = models.TextField(_("inleiding"), blank=True)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    advice_start = models.TextField(_("advies bij niveau Start"), blank=True)
    advice_basis = models.TextField(_("advies bij niveau Basis"), blank=True)
    advice_gevorderd = models.TextField(_("advies bij niveau Gevorderd"), blank=True)
    advice_expert = models.TextField(_("advies bij niveau Expert"), blank=True)

    class Meta:
        ordering = ["questionnaire", "position"]
        verbose_name = _("onderdeel")
        verbose_name_plural = _("onderdelen")
        constraints = [models.UniqueConstraint(fields=["questionnaire", "code"], name="area_code_unique_per_version")]

    def __str__(self):
        return self.name

    def advice_for(self, level):
        return getattr(self, f"advice_{level}", "")


class Question(models.Model):
    class Kind(models.TextChoices):
        CAN_DO = "can_do", _("Kan-ik-uitspraak (4 punten)")
        KNOWLEDGE = "knowledge", _("Kennisvraag (één goed antwoord)")
        ATTITUDE = "attitude", _("Houding (eens/oneens)")
        TIME_PRESSURE = "time_pressure", _("Tijdsdruk (eens/oneens)")
        TIME_SAVED = "time_saved", _("Tijdwinst (alleen ronde 2)")

    class Dimension(models.TextChoices):
        NONE = "", _("geen")
        INTEREST = "interest", _("interesse")
        CONFIDENCE = "confidence", _("vertrouwen")
        RESISTANCE = "resistance", _("weerstand")
        PIONEERING = "pioneering", _("voorlopen")
        WAITING = "waiting", _("afwachten")
        AVOIDANCE = "avoidance", _("afstand houden")

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    dimension = models.CharField(_("houding"), max_length=20, choices=Dimension.choices, blank=True, default="")
    text = models.CharField(_("vraag"), max_length=400)
    options = models.JSONField(_("antwoordopties"), default=list, blank=True)
    correct_option = models.PositiveSmallIntegerField(_("goede antwoord (nummer, vanaf 1)"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["area", "position", "pk"]
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")

    def __str__(self):
        return self.text

    @property
    def is_round_two_only(self):
        return self.kind == self.Kind.TIME_SAVED


class Round(models.Model):
    class Number(models.IntegerChoices):
        BASELINE = 1, _("Ronde 1 (nulmeting)")
        FINAL = 2, _("Ronde 2 (eindmeting)")

    campaign = models.ForeignKey("campaigns.Campaign", on_delete=models.CASCADE, related_name="scan_rounds")
    number = models.PositiveSmallIntegerField(_("ronde"), choices=Number.choices)
    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.PROTECT, related_name="rounds")
    opens_on = models.DateField(_("open vanaf"), validators=[validate_plausible_day])
    due_on = models.DateField(_("graag af vóór"), validators=[validate_plausible_day])
    closes_on = models.DateField(_("sluit op"), validators=[validate_plausible_day])

    class Meta:
        ordering = ["campaign", "number"]
        verbose_name = _("ronde")
        verbose_name_plural = _("rondes")
        constraints = [models.UniqueConstraint(fields=["campaign", "number"], name="one_round_number_per_campaign")]

    def __str__(self):
        return f"{self.campaign} – {self.get_number_display()}"

    def clean(self):
        if self.opens_on and self.due_on and self.closes_on and not self.opens_on <= self.due_on <= self.closes_on:
            raise ValidationError(_("De data moeten in deze volgorde liggen: open vanaf, graag af vóór, sluit op."))
        campaign = self.campaign if self.campaign_id else None
        if campaign is None or not campaign.has_plausible_dates():
            return
        first, last = campaign.period
        period = {"first": date_format(first, "j F Y"), "last": date_format(last, "j F Y")}
        message = _("Een ronde ligt binnen de campagne (%(first)s – %(last)s).") % period
        errors = {
            name: message
            for name in ("opens_on", "due_on", "closes_on")
            if getattr(self, name) and not first <= getattr(self, name) <= last
        }
        if errors:
            raise ValidationError(errors)

    def is_open_on(self, day):
        return self.opens_on <= day <= self.closes_on


class Response(models.Model):
    """One employee's scan in one round: a draft while they go, final once submitted. Theirs alone."""

    round = models.ForeignKey(Round, on_delete=models.PROTECT, related_name="responses")
    employee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="scan_responses")
    started_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    last_step = models.PositiveSmallIntegerField(default=1)
    submitted_at = models.DateTimeField(null=True, blank=True)
    overall_score = models.FloatField(null=True, blank=True)
    overall_level = models.CharField(max_length=20, choices=Level.choices, blank=True)
    persona = models.ForeignKey("personas.Persona", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    is_busy = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("ingevulde zelfscan")
        verbose_name_plural = _("ingevulde zelfscans")
        constraints = [models.UniqueConstraint(fields=["round", "employee"], name="one_response_per_round")]

    def __str__(self):
        return f"{self.round} #{self.pk}"

    @property
    def is_submitted(self):
        return self.submitted_at is not None


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    value = models.PositiveSmallIntegerField(help_text="1 = the first option")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["response", "question"], name="one_answer_per_question")]

    def __str__(self):
        return f"{self.question_id}: {self.value}"


class AreaResult(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="area_results")
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    score = models.FloatField()
    level = models.CharField(max_length=20, choices=Level.choices)
    # Round 2 only: this score minus the same person's round 1 score of the same area (by code), when
    # the area was in both versions. Kept at submission, so figures of improvement are a plain average.
    change = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["area__position"]
        constraints = [models.UniqueConstraint(fields=["response", "area"], name="one_result_per_area")]

    def __str__(self):
        return f"{self.area_id}: {self.level}"
