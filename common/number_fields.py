"""A number field's limits in one place: the model's validators.

A form field made from a PositiveSmallIntegerField gets a minimum of 0 from Django, while the
model's MinValueValidator says 1 (or 15): the browser then allows 0, -5 is refused with "at least
0" and 0 with "at least 1". `limit_numbers` gives every whole-number field of a form the bounds of
its model field (the tightest of the validators and the field's own type), as the HTML min and max
and as one message per field that names both bounds.
"""

from django import forms
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

POSITIVE_FIELDS = (models.PositiveIntegerField, models.PositiveSmallIntegerField, models.PositiveBigIntegerField)


def model_bounds(model_field) -> tuple[int | None, int | None]:
    """(minimum, maximum) of a model's number field: its Min/MaxValueValidators, and 0 for a
    positive integer field. None where there is no bound."""
    minimum = 0 if isinstance(model_field, POSITIVE_FIELDS) else None
    maximum = None
    for validator in model_field.validators:
        if isinstance(validator, MinValueValidator) and not callable(validator.limit_value):
            minimum = validator.limit_value if minimum is None else max(minimum, validator.limit_value)
        elif isinstance(validator, MaxValueValidator) and not callable(validator.limit_value):
            maximum = validator.limit_value if maximum is None else min(maximum, validator.limit_value)
    return minimum, maximum


def range_message(minimum, maximum) -> str:
    if minimum is not None and maximum is not None:
        return _("Vul een heel getal in van %(min)s tot en met %(max)s.") % {"min": minimum, "max": maximum}
    if minimum is not None:
        return _("Vul een heel getal in van minstens %(min)s.") % {"min": minimum}
    return _("Vul een heel getal in van hooguit %(max)s.") % {"max": maximum}


@deconstructible
class RangeValidator:
    """Both bounds in one check with one message (instead of Django's two validators and two texts)."""

    def __init__(self, minimum, maximum):
        self.minimum, self.maximum = minimum, maximum

    def __call__(self, value):
        if value is None:
            return
        if (self.minimum is not None and value < self.minimum) or (self.maximum is not None and value > self.maximum):
            raise ValidationError(range_message(self.minimum, self.maximum), code="range")

    def __eq__(self, other):
        return isinstance(other, RangeValidator) and (self.minimum, self.maximum) == (other.minimum, other.maximum)


def set_bounds(field: forms.IntegerField, minimum, maximum) -> None:
    """Give a form's whole-number field these bounds: HTML min/max, one validator, one message."""
    field.min_value, field.max_value = minimum, maximum
    field.validators = [
        validator
        for validator in field.validators
        if not isinstance(validator, (MinValueValidator, MaxValueValidator, RangeValidator))
    ]
    field.validators.append(RangeValidator(minimum, maximum))
    field.error_messages["invalid"] = range_message(minimum, maximum)
    for name, bound in (("min", minimum), ("max", maximum)):
        if bound is None:
            field.widget.attrs.pop(name, None)
        else:
            field.widget.attrs[name] = bound


def limit_numbers(form: forms.BaseForm, model, names: dict | None = None) -> None:
    """Every whole-number field of `form` that is a field of `model` (or named in `names`, form
    field -> model field) takes its bounds from that model field (module docstring)."""
    names = names or {}
    opts = model._meta
    for name, field in form.fields.items():
        if not isinstance(field, forms.IntegerField) or isinstance(field, forms.DecimalField):
            continue
        model_name = names.get(name, name)
        try:
            model_field = opts.get_field(model_name)
        except FieldDoesNotExist:  # a form-only field keeps its own bounds
            continue
        set_bounds(field, *model_bounds(model_field))
