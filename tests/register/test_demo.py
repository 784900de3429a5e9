import re

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from register.models import Contact, DataCategoryLine, Organisation, Site, Treatment

pytestmark = pytest.mark.django_db


def _counts():
    return {
        model.__name__: model.objects.count()
        for model in (Organisation, Contact, Site, Treatment, DataCategoryLine, User)
    }


def test_load_demo_twice_gives_the_same_counts():
    call_command("load_demo", password="demo-pass-123")
    first = _counts()
    call_command("load_demo", password="demo-pass-123")
    assert _counts() == first
    assert 5 <= first["Treatment"] <= 8
    assert first["Site"] == 5


def test_demo_holds_the_osiris_market_study_as_processor_fiche():
    call_command("load_demo", password="demo-pass-123")
    study = Treatment.objects.get(controller__name="Osiris", role="processor", name__contains="Études de marché")
    descriptions = " ".join(study.data_lines.values_list("description", flat=True))
    for word in ("Nom", "prénom", "adresse", "courriel", "smartphone", "réseaux sociaux", "fréquence", "publicité"):
        assert word in descriptions
    assert Treatment.objects.filter(controller__kind="self", role="controller").count() >= 3
    assert Treatment.objects.filter(name__contains="Enregistrement des appels").exists()


def test_demo_users_have_one_role_each_and_the_given_password():
    call_command("load_demo", password="demo-pass-123")
    for username, group in (("dpo", "DPO"), ("manager", "Manager"), ("auditor", "Auditor")):
        user = User.objects.get(username=username)
        assert list(user.groups.values_list("name", flat=True)) == [group]
        assert user.check_password("demo-pass-123")


def test_load_demo_refuses_to_run_without_a_password(monkeypatch):
    from django.core.management.base import CommandError

    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    with pytest.raises(CommandError, match="mot de passe"):
        call_command("load_demo")


def test_load_demo_refuses_a_password_the_validators_refuse_and_writes_nothing():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError) as refusal:
        call_command("load_demo", password="a")
    message = str(refusal.value)
    assert message.startswith("Mot de passe des comptes de démo refusé : ")
    assert "au minimum 8 caractères" in message and "trop courant" in message
    assert Treatment.objects.count() == 0 and User.objects.count() == 0


def test_load_demo_refuses_a_password_too_close_to_the_accounts_names():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="trop semblable"):
        call_command("load_demo", password="centrecall-demo")
    assert User.objects.count() == 0


def test_the_makefile_demo_password_passes_the_validators():
    from django.conf import settings

    from register.demo import demo_password_problems

    makefile = (settings.BASE_DIR / "Makefile").read_text()
    password = re.search(r"^DEMO_PASSWORD \?= (\S+)$", makefile, re.MULTILINE).group(1)
    assert demo_password_problems(password) == []
