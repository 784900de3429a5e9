"""`manage.py export_register`: the same extracts from the shell."""

import io
import os

import pytest
from django.core.management import CommandError, call_command

from register.choices import TreatmentRole
from tests.conftest import make_organisation, make_treatment
from tests.pdfs import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def fiches(db):
    osiris = make_organisation("Osiris")
    verdier = make_organisation("Verdier Distribution")
    return {
        "own": make_treatment(name="Gestion du personnel"),
        "osiris": make_treatment(controller=osiris, role=TreatmentRole.PROCESSOR, name="Études de marché Osiris"),
        "verdier": make_treatment(controller=verdier, role=TreatmentRole.PROCESSOR, name="Fidélisation Verdier"),
    }


def export(*args):
    out = io.StringIO()
    call_command("export_register", *args, stdout=out)
    return out.getvalue()


def test_command_writes_the_full_register_as_pdf(tmp_path, fiches):
    target = tmp_path / "registre.pdf"
    message = export("--format", "pdf", "--generated-by", "Sophie Lambert", "-o", str(target))
    assert str(target) in message and "registre complet" in message
    text = pdf_text(target)
    for fiche in fiches.values():
        assert fiche.reference in text and fiche.name in text
    assert "Établi par Sophie Lambert" in text


def test_command_exports_the_processor_register_of_one_client(tmp_path, fiches):
    target = tmp_path / "osiris.pdf"
    export("--format", "pdf", "--role", "processor", "--client", "osiris", "-o", str(target))
    text = pdf_text(target)
    assert "Études de marché Osiris" in text
    assert "Fidélisation Verdier" not in text and "Gestion du personnel" not in text


def test_command_exports_one_fiche(tmp_path, fiches):
    target = tmp_path / "fiche.pdf"
    export("--format", "pdf", "--reference", fiches["verdier"].reference, "-o", str(target))
    text = pdf_text(target)
    assert "Fidélisation Verdier" in text and "Études de marché Osiris" not in text


def test_command_uses_the_system_user_when_no_author_is_given(tmp_path, fiches, monkeypatch):
    monkeypatch.setattr("getpass.getuser", lambda: "jdupont")
    target = tmp_path / "registre.pdf"
    export("--format", "pdf", "-o", str(target))
    assert "Établi par jdupont" in pdf_text(target)


@pytest.mark.parametrize(
    "args, message",
    [
        (["--client", "Nulle Part"], "Organisation inconnue : « Nulle Part »."),
        (["--role", "boss"], "Rôle inconnu : « boss ». Rôles possibles : controller, joint_controller, processor."),
        (["--date", "05/06/2020"], "« 05/06/2020 » n'est pas une date au format AAAA-MM-JJ."),
        (["--reference", "T-999"], "Aucune fiche de référence « T-999 »."),
        (["--format", "docx"], "Format inconnu : « docx »."),
    ],
)
def test_command_refuses_bad_options_in_french_and_writes_nothing(tmp_path, fiches, args, message):
    target = tmp_path / "registre.pdf"
    options = ["--format", "pdf", *args] if "--format" not in args else args
    with pytest.raises(CommandError) as error:
        export(*options, "-o", str(target))
    assert message in str(error.value)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_leaves_the_previous_file_untouched_and_no_half_file(tmp_path, fiches, monkeypatch):
    target = tmp_path / "registre.pdf"
    target.write_bytes(b"ancien extrait")

    def disk_full(source, destination):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(OSError):
        export("--format", "pdf", "-o", str(target))
    assert target.read_bytes() == b"ancien extrait"
    assert [path.name for path in tmp_path.iterdir()] == ["registre.pdf"]
