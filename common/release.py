"""Which release of the code is running: a digest of what the portal renders from.

Part of every cache key (settings.CACHES' KEY_PREFIX). Markup, forms and texts are kept in the cache
by what they show (common/fragments.py, form_layout.py, the reminder variants), not by the code that
rendered them: without the release in the key, a deployment that changed a template, a form field
or a translation would serve the earlier release's markup until it expired. Every process of a
release (web and Celery, on any machine) computes the same digest from the same files, so they share
one cache, and a new release starts with an empty one (every kept value is built again on first
use). A deployment may name its release instead (RELEASE, for example the commit).
"""

import hashlib
from pathlib import Path

# What a rendered page or e-mail is made from. Tests, benchmarks, static files (whose names carry
# their own digest) and the demo's data are not.
SOURCE_SUFFIXES = {".py", ".html", ".txt", ".mo"}
SKIPPED_FOLDERS = {".venv", "venv", "var", "static", "tests", "bench", "node_modules", "test-results", "__pycache__"}


def code_digest(base_dir: Path) -> str:
    """A 12-character hex digest of the contents (not the dates) of the portal's source files under
    `base_dir`, by relative path. Reads every file once (about 1.6 MB, a few milliseconds)."""
    digest = hashlib.sha256()
    for path in sorted(_source_files(base_dir)):
        digest.update(str(path.relative_to(base_dir)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def _source_files(base_dir: Path):
    for path in base_dir.iterdir():
        if path.name.startswith(".") or path.name in SKIPPED_FOLDERS:
            continue
        if path.is_dir():
            yield from _source_files(path)
        elif path.suffix in SOURCE_SUFFIXES:
            yield path


def database_identity(database: dict) -> str:
    """An 8-character hex digest of where a Django DATABASES entry points (engine, host, port, name;
    never the password): the same for every process of one installation."""
    where = "|".join(str(database.get(part, "")) for part in ("ENGINE", "HOST", "PORT", "NAME"))
    return hashlib.sha256(where.encode()).hexdigest()[:8]
