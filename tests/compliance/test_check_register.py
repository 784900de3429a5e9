"""`check_register`: the findings for a scheduled job, as text or JSON, with an exit status
that says whether one of them is blocking."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from register.choices import LegalBasis, TreatmentRole
from register.models import Treatment
from tests.conftest import make_organisation, make_treatment

pytestmark = pytest.mark.django_db


def run(*args):
    """(exit status, stdout) of the command."""
    out = StringIO()
    try:
        call_command("check_register", *args, stdout=out)
    except SystemExit as exit:
        return exit.code, out.getvalue()
    return 0, out.getvalue()


def unstated_interest(**fields):
    treatment = make_treatment(legal_basis=LegalBasis.LEGITIMATE_INTERESTS, dpia_status="not_required", **fields)
    Treatment.objects.filter(pk=treatment.pk).update(legal_basis_detail="")
    return treatment


def test_json_lists_each_finding_with_its_rule_reference_subject_message_and_fix():
    fiche = unstated_interest(name="Prospection")
    status, out = run("--format", "json")
    findings = json.loads(out)
    assert status == 1
    [blocking] = [finding for finding in findings if finding["severity"] == "blocking"]
    assert blocking == {
        "severity": "blocking",
        "rule": "legitimate_interest_is_stated",
        "kind": "fiche",
        "reference": fiche.reference,
        "subject": f"{fiche.reference} — Prospection",
        "message": "L'intérêt légitime poursuivi n'est pas précisé.",
        "article": "art. 6(1)(f), art. 13(1)(d)",
        "fix": "Décrivez l'intérêt poursuivi dans « Justification de la base légale ».",
        "url": f"/registre/{fiche.reference}/modifier/#id_legal_basis_detail",
    }


def test_exit_status_is_0_without_a_blocking_finding():
    make_treatment(dpia_status="not_required", next_review_date="2020-01-01")  # a warning only
    status, out = run("--format", "json")
    assert status == 0
    assert [finding["rule"] for finding in json.loads(out)] == ["review_is_not_overdue"]


def test_an_empty_register_prints_an_empty_list_and_exits_0():
    assert run("--format", "json") == (0, "[]\n")


def test_client_keeps_what_is_done_for_that_client():
    osiris = make_organisation("Osiris")
    for_osiris = make_treatment(
        role=TreatmentRole.PROCESSOR, controller=osiris, dpia_status="not_required", next_review_date="2020-01-01"
    )
    unstated_interest()  # ours: blocking, left out
    status, out = run("--format", "json", "--client", "Osiris")
    assert status == 0
    references = {finding["reference"] for finding in json.loads(out)}
    assert references == {for_osiris.reference}
    assert run("--format", "json", "--client", str(osiris.pk)) == (status, out)


def test_an_unknown_client_is_a_clear_error():
    with pytest.raises(CommandError, match="Organisation inconnue : « Nulle part »."):
        call_command("check_register", "--client", "Nulle part", stdout=StringIO())


def test_text_names_severity_subject_message_fix_counts_and_score():
    fiche = unstated_interest(name="Prospection")
    status, out = run()
    assert status == 1
    assert f"[Bloquant] {fiche.reference} — Prospection : L'intérêt légitime poursuivi n'est pas précisé." in out
    assert "    → Décrivez l'intérêt poursuivi dans « Justification de la base légale »." in out
    assert "Bloquant : 1" in out
    assert "Score du registre : " in out and "Score d'une fiche = moyenne" in out
