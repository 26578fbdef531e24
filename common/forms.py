"""Form helpers shared by every app."""

from django.core.exceptions import ValidationError


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
