from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Campaign(models.Model):
    """One year of the programme; zelfscan rounds and the content plan hang on it."""

    name = models.CharField(_("naam"), max_length=100, unique=True)
    municipalities = models.ManyToManyField(
        "organisations.Municipality", related_name="campaigns", verbose_name=_("deelnemende gemeenten")
    )
    kick_off_date = models.DateField(_("datum kick-off"))
    end_date = models.DateField(_("einddatum"))

    class Meta:
        ordering = ["-kick_off_date"]
        verbose_name = _("campagne")
        verbose_name_plural = _("campagnes")

    def __str__(self):
        return self.name

    def clean(self):
        if self.kick_off_date and self.end_date and self.end_date <= self.kick_off_date:
            raise ValidationError({"end_date": _("De einddatum moet na de kick-off liggen.")})
