"""Form helpers shared by every app: service errors on forms, date and money fields."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .money import format_amount, parse_euro


def add_service_errors(form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form, on the field it names where the form has it
    (else as a form-wide error), so a refused write reads like any other form error."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for field, errors in error.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def as_context(result) -> dict:
    """A selector's dataclass as a template context: its fields by name (shallow, no copies)."""
    return {name: getattr(result, name) for name in result.__dataclass_fields__}


class IsoDateInput(forms.DateInput):
    """A browser date picker; its value must be ISO (2026-12-17), or the browser shows it empty."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class MoneyField(forms.DecimalField):
    """An amount in euros typed the Dutch way (common.money.parse_euro); shown back as '1.250,50'."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}))
        kwargs.setdefault("help_text", _("Bijvoorbeeld 250 of 1.250,50"))
        super().__init__(**kwargs)
        self.localize = False

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal):
            return value
        return parse_euro(value)

    def prepare_value(self, value):
        if isinstance(value, (Decimal, int, float)):
            return format_amount(value)
        return value

    def widget_attrs(self, widget):
        # Not DecimalField's number input attributes: a text box accepts '1.250,50'.
        return {}
