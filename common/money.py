"""Money the Dutch way: one parser for what people type, one formatter for what they read.

Typed: '250,50', '1.250,50', '€ 1.250', '1250.5', '1.250' and '10,-' all mean what a Dutch reader
means (1.250 is one thousand two hundred and fifty, 10,- is ten euros). Anything ambiguous or
malformed is refused with a message that says what is wrong (more than two decimals, 1,250 for
1.250); an amount is never silently multiplied by 100. Shown: '€ 1.250,50' (Django's number
formatting of the active language, always with two decimals and thousands grouping).
"""

import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+$")  # 1.250 or 12.500.000: dots between groups of three
PLAIN = re.compile(r"^\d+$")
WHOLE_EUROS = re.compile(r",-{1,2}$")
INVALID = _("Vul een bedrag in euro's in, zoals 250 of 1.250,50.")


def parse_euro(text) -> Decimal:
    """The amount `text` means, as a Decimal with at most two decimals. Raises ValidationError."""
    cleaned = str(text).replace("€", "").replace("\u00a0", "").replace(" ", "").strip()
    if cleaned.startswith("-"):
        raise ValidationError(_("Een bedrag kan niet negatief zijn."), code="negative")
    if not cleaned:
        raise ValidationError(INVALID, code="invalid")
    cleaned = WHOLE_EUROS.sub("", cleaned)  # 10,- and 10,-- are ten euros, as on a price tag
    if not cleaned:
        raise ValidationError(INVALID, code="invalid")
    if "," in cleaned:
        whole, _comma, cents = cleaned.rpartition(",")
        if "," in whole:
            raise ValidationError(_("Gebruik één komma, voor de centen, zoals 1.250,50."), code="invalid")
        if re.fullmatch(r"\d{3,}", cents):
            if whole not in ("", "0") and len(cents) == 3 and "." not in whole:
                raise ValidationError(
                    _(
                        "Bedoel je %(amount)s? Schrijf duizendtallen met een punt en centen met een komma, "
                        "zoals 1.250,50."
                    )
                    % {"amount": f"{whole}.{cents}"},
                    code="ambiguous",
                )
            raise ValidationError(
                _("Een bedrag heeft hooguit twee cijfers achter de komma (hele centen), zoals 0,01 of 12,50."),
                code="too_many_decimals",
            )
        if not re.fullmatch(r"\d{1,2}", cents):
            raise ValidationError(INVALID, code="invalid")
    elif cleaned.count(".") == 1 and re.fullmatch(r"\d+\.\d{1,2}", cleaned):
        whole, cents = cleaned.split(".")  # 1250.5: a decimal point, as a spreadsheet writes it
    else:
        whole, cents = cleaned, ""
    if not (PLAIN.match(whole) or GROUPED.match(whole)):
        raise ValidationError(INVALID, code="invalid")
    try:
        return Decimal(whole.replace(".", "") + ("." + cents if cents else "")).quantize(Decimal("0.01"))
    except InvalidOperation:
        raise ValidationError(INVALID, code="invalid") from None


def format_euro(value) -> str:
    """'€ 1.250,50' (in the active language's number format); '' for None."""
    if value is None or value == "":
        return ""
    if not isinstance(value, (Decimal, int, float)):
        return str(value)  # a placeholder such as '–'
    return f"€\u00a0{number_format(Decimal(value), decimal_pos=2, force_grouping=True)}"


def format_amount(value) -> str:
    """The number alone, as the active language writes it, without grouping ('1250,50' in Dutch)."""
    if value is None or value == "":
        return ""
    return number_format(Decimal(value), decimal_pos=2, force_grouping=False)


def excel_amount(value) -> str:
    """An amount as Dutch Excel reads it from a CSV cell, whatever the interface language: '1250,50'."""
    with translation.override("nl"):
        return format_amount(value)
