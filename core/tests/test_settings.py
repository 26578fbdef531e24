import os
import secrets
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=environment, capture_output=True, text=True, timeout=120
    )


def test_deploy_check_passes_with_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="digivaardig.example.nl",
    )
    assert result.returncode == 0, result.stderr


def test_secret_key_is_required_when_debug_is_off():
    result = run_manage("check", DEBUG="0", ALLOWED_HOSTS="digivaardig.example.nl")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_settings_switch_on_https_and_secure_cookies():
    script = (
        "from django.conf import settings as s;"
        "print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0)"
    )
    result = run_manage("shell", "-c", script, DEBUG="0", SECRET_KEY=secrets.token_urlsafe(50))
    assert result.stdout.strip().splitlines()[-1] == "True True True True", result.stderr


def test_file_mail_paths_absolute_and_relative_both_work(tmp_path):
    """Fault report: EMAIL_URL=filemail:///abs/path wrote into a nested relative folder."""
    absolute = tmp_path / "post"
    script = "from django.conf import settings; from django.core.mail import send_mail; "
    script += "send_mail('Onderwerp', 'Tekst', 'a@b.nl', ['c@d.nl']); print(settings.EMAIL_FILE_PATH)"
    result = run_manage("shell", "-c", script, DEBUG="1", EMAIL_URL=f"filemail://{absolute}")
    assert result.stdout.strip().splitlines()[-1] == str(absolute), result.stderr
    assert len(list(absolute.iterdir())) == 1
    result = run_manage("shell", "-c", script, DEBUG="1", EMAIL_URL="filemail://var/mail-test-relative")
    relative = BASE_DIR / "var" / "mail-test-relative"
    try:
        assert result.stdout.strip().splitlines()[-1] == str(relative), result.stderr
        assert len(list(relative.iterdir())) == 1
    finally:
        for message in relative.glob("*"):
            message.unlink()
        relative.rmdir()


def test_the_deploy_check_says_when_several_processes_would_not_share_the_cache():
    production = {"DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "digivaardig.example.nl"}
    local = run_manage("check", "--deploy", REDIS_URL="", **production)
    assert "core.I001" in local.stdout + local.stderr and "REDIS_URL" in local.stdout + local.stderr
    shared = run_manage("check", "--deploy", REDIS_URL="redis://127.0.0.1:6379/13", **production)
    assert "core.I001" not in shared.stdout + shared.stderr
