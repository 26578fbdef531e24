"""Certificate verification codes: random, unguessable, easy to type over."""

import re
import secrets

# Crockford's base32: no I, L, O or U, so a code read aloud or typed over cannot be misread.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 16  # 80 random bits
_MISREAD = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_code() -> str:
    """A fresh verification code: CODE_LENGTH characters of CODE_ALPHABET from `secrets` (80 bits),
    so codes cannot be guessed or enumerated."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise(text: str) -> str:
    """A code as typed ('7kq2-9xmd …', O for 0) in its stored form; '' for anything that cannot be one."""
    code = re.sub(r"[\s\-.]", "", str(text or "")).upper().translate(_MISREAD)
    if len(code) != CODE_LENGTH or any(character not in CODE_ALPHABET for character in code):
        return ""
    return code
