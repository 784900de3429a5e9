"""Call recordings: an explicit property of a data line, proposed from its text, decided by the DPO."""

import io
import zipfile

import pytest

from register import compliance
from register.compliance import Severity
from register.exports.ods import build_register_ods
from register.imports.plan import plan_import
from register.models import DataCategory, DataCategoryLine, suggests_call_recording
from register.queries import treatments_with_lines
from register.scopes import RegisterScope
from tests.conftest import make_treatment, page_html
from tests.register.fiche_form import FormData
from tests.register.samples.cnil_template import CnilWorkbook, filled_fiche
from tests.register.samples.odf_cells import read_sheets, row_labelled

pytestmark = pytest.mark.django_db


def _line(treatment, description, **fields):
    return DataCategoryLine.objects.create(
        treatment=treatment,
        category=DataCategory.objects.get(code="personal_life"),
        description=description,
        retention_value=1,
        retention_unit="years",
        **fields,
    )


def _rewritten(content, old, new):
    """The ODS `content` with `old` replaced by `new` in its content.xml, as a DPO editing a cell."""
    source, buffer = zipfile.ZipFile(io.BytesIO(content)), io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for info in source.infolist():
            data = source.read(info.filename)
            archive.writestr(info, data.replace(old.encode(), new.encode()) if info.filename == "content.xml" else data)
    return buffer.getvalue()


def _findings(treatment):
    return compliance.findings_for(treatments_with_lines().get(pk=treatment.pk))


@pytest.mark.parametrize(
    ("description", "suggested"),
    [
        ("Enregistrement vocal de la conversation téléphonique", True),
        ("Enregistrements des appels échantillonnés", True),
        ("fichier audio de la conversation téléphonique", True),
        ("Appels enregistrés pour la formation", True),
        ("date d'enregistrement du client", False),
        ("Numéro appelé, date, heure et durée de l'appel", False),
        ("Enregistrement de la commande", False),
    ],
)
def test_the_proposal_reads_the_description(description, suggested):
    assert suggests_call_recording(description) is suggested


def test_a_customer_registration_date_kept_a_year_is_not_a_call_recording():
    treatment = make_treatment()
    _line(treatment, "date d'enregistrement du client")
    assert _findings(treatment) == []


def test_an_audio_file_of_the_call_is_proposed_then_held_to_six_months_once_confirmed():
    treatment = make_treatment(recording_information=True, recording_objection=True)
    line = _line(treatment, "fichier audio de la conversation téléphonique")
    [proposal] = _findings(treatment)
    assert proposal.severity == Severity.ADVICE
    assert proposal.message.startswith("Ligne « fichier audio de la conversation téléphonique » : elle ressemble")
    assert proposal.url.endswith("#id_data_lines-1-is_call_recording")

    line.is_call_recording = True
    line.save()
    [finding] = _findings(treatment)
    assert finding.severity == Severity.BLOCKING
    assert finding.message.startswith("Ligne « fichier audio de la conversation téléphonique » : enregistrements")
    assert "6 mois au plus" in finding.message


def test_the_edit_form_hints_at_a_recording_and_leaves_the_decision_to_the_dpo(dpo_client):
    treatment = make_treatment(lines=False)
    _line(treatment, "Enregistrement vocal des appels")
    url = f"/registre/{treatment.reference}/modifier/"
    response = dpo_client.get(url)
    hint = "La description évoque des enregistrements d'appels : cochez la case"
    assert hint in page_html(response)
    assert "data-call-recording-hint>" in response.content.decode()  # shown on the saved line's row

    data = FormData.from_response(response)
    dpo_client.post(url, data.post_data())
    assert not DataCategoryLine.objects.get().is_call_recording  # never ticked behind the DPO's back

    data = FormData.from_response(dpo_client.get(url))
    data.fill_row("data_lines", 0, is_call_recording="on", retention_value=6, retention_unit="months")
    assert dpo_client.post(url, data.post_data()).status_code == 302
    assert DataCategoryLine.objects.get().is_call_recording


def test_the_import_proposes_the_flag_from_the_text_of_a_cnil_file_and_says_so_in_the_preview():
    workbook = CnilWorkbook()
    sheet = filled_fiche(workbook, "Appels", reference="APP-01", name="Écoute des appels", purpose="Former")
    life = "Vie personnelle (habitudes de vie, situation familiale, etc.)"
    sheet.fill(life, "Enregistrements des appels entrants", None, None, "6 mois")
    plan = plan_import(workbook.to_bytes())
    [fiche] = plan.fiches
    assert [line.is_call_recording for line in fiche.lines["data_lines"]] == [False, True]
    assert any("proposée comme enregistrement d'appels" in str(issue) for issue in plan.warnings)


def test_the_export_carries_the_dpos_answer_and_the_import_takes_it_over_the_text():
    treatment = make_treatment(lines=False)
    _line(treatment, "Fichiers audio des conversations", is_call_recording=True)
    _line(treatment, "Enregistrements des appels : date et durée seulement")  # the DPO said no
    content = build_register_ods(RegisterScope(status="all"))[2]
    fiche_rows = next(rows for name, rows in read_sheets(content).items() if name.startswith("T-001"))
    header = row_labelled(fiche_rows, "Catégories de données personnelles concernées")
    assert "Enregistrement d'appels" in [cell.text for cell in header]
    [fiche] = plan_import(content).fiches
    assert [line.is_call_recording for line in fiche.lines["data_lines"]] == [True, False]


def test_an_answer_other_than_yes_or_no_is_refused_naming_its_cell():
    treatment = make_treatment(lines=False)
    _line(treatment, "Fichiers audio des conversations", is_call_recording=True)
    content = build_register_ods(RegisterScope(status="all"))[2]
    plan = plan_import(_rewritten(content, "<text:p>Oui</text:p>", "<text:p>Peut-être</text:p>"))
    assert any("« Peut-être » : répondez Oui ou Non" in str(issue) for issue in plan.errors)
