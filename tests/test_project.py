"""Project-level guarantees: migrations complete, production settings secure."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
def test_models_have_all_their_migrations():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def _manage(*args, env):
    base = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env={**base, **env}, capture_output=True, text=True
    )


def test_deploy_check_passes_with_only_secret_key_and_allowed_hosts():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={
            "DJANGO_SECRET_KEY": "kq3-9x!vT_zP7m@Lw2#rN8yB5cH1uJ6fD4gS0aE+oQi%Xe&Zt-w8Vb2Lr",
            "DJANGO_ALLOWED_HOSTS": "registre.centrecall.example",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_settings_refuse_to_start_without_a_secret_key_in_production():
    result = _manage("check", env={"DJANGO_ALLOWED_HOSTS": "x"})
    assert result.returncode != 0 and "DJANGO_SECRET_KEY" in result.stderr
