"""One normalisation for a person's e-mail address, wherever the portal keys on it.

Login, the lockout after failed logins, the password reset, the HR import and creating accounts
all use `normalise_email`: surrounding white space removed, lower case. An address differs from
another only if it differs after this.
"""

import unicodedata


def normalise_email(value) -> str:
    """'  Digicoach@Digivaardig.TEST ' -> 'digicoach@digivaardig.test' ('' for None)."""
    return unicodedata.normalize("NFKC", str(value or "")).strip().lower()


def lockout_username(request, credentials=None) -> str:
    """The identity django-axes counts failed logins against (AXES_USERNAME_CALLABLE)."""
    if credentials and credentials.get("username") is not None:
        return normalise_email(credentials["username"])
    return normalise_email(getattr(request, "POST", {}).get("username"))


def name_key(value) -> str:
    """How names of municipalities and teams are compared: case and spacing do not count
    ('  burger  Zaken' and 'Burger Zaken' are the same team)."""
    return " ".join(unicodedata.normalize("NFKC", str(value or "")).split()).casefold()
