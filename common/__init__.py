"""Helpers without domain logic (dates, forms): the lowest layer, imported by every app, importing none."""
