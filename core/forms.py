def add_service_errors(form, error):
    """Show a service's ValidationError on the form, on the field it names where the form has it."""
    for field, errors in error.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)
