"""Every page of the app, for each role that sees it, has no WCAG 2.1 A/AA violation and valid HTML.

axe-core runs in the page as the user sees it (after the scripts, with menus opened where
they hold content); the Nu HTML Checker reads the HTML the server sent. Pages are visited on
the CentreCall demo register, as `make run` leaves it.
"""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from register.choices import TreatmentRole
from register.models import Treatment
from tests.browser.audit import Audit
from tests.conftest import make_user
from tests.register.samples.cnil_template import CnilWorkbook, filled_fiche

PASSWORD = "demo-browser-pass-42"
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def demo():
    call_command("load_demo", password=PASSWORD, verbosity=0)


@pytest.fixture
def audit(page, tmp_path):
    return Audit(page, tmp_path / "pages")


def visit(page, live_server, path):
    return page.goto(f"{live_server.url}{path}")


def a_fiche():
    return Treatment.objects.order_by("reference").first()


def test_anonymous_pages(demo, live_server, page, audit):
    visit(page, live_server, "/connexion/")
    audit.check("login")
    page.get_by_label("Nom d’utilisateur").fill("dpo")
    page.get_by_label("Mot de passe").fill("not-the-password")
    page.get_by_role("button", name="Se connecter").click()
    audit.check("login-refused")
    visit(page, live_server, "/page-qui-n-existe-pas/")
    audit.check("not-found", expected_status=404)
    visit(page, live_server, "/connexion/")
    page.context.clear_cookies()  # the form's CSRF token no longer matches any cookie
    page.get_by_label("Nom d’utilisateur").fill("dpo")
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    audit.check("csrf-refused", expected_status=403)
    audit.assert_clean()


def test_dpo_pages(demo, live_server, page, log_in, audit, artifacts):
    log_in("dpo", PASSWORD)
    fiche = a_fiche()
    today = timezone.localdate().isoformat()
    audit.check("dashboard")
    page.screenshot(path=artifacts / "a11y-dashboard.png", full_page=True)
    visit(page, live_server, "/registre/")
    audit.check("list")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # the skip link, then the brand: the focus ring must show on the blue bar
    page.screenshot(path=artifacts / "a11y-list.png")
    page.get_by_role("button", name="Autres registres").click()
    audit.check("list-export-menu")
    visit(page, live_server, "/registre/?q=march&role=processor&sort=-name")
    audit.check("list-filtered-sorted")
    next_year = (timezone.localdate() + datetime.timedelta(days=366)).isoformat()
    visit(page, live_server, f"/registre/?date={next_year}")  # refused: the register has no future
    audit.check("list-refused-filter", expected_status=400)
    visit(page, live_server, f"/registre/?date={today}")
    audit.check("list-past-date")
    visit(page, live_server, f"/registre/{fiche.reference}/")
    audit.check("fiche")
    page.screenshot(path=artifacts / "a11y-fiche.png", full_page=True)
    visit(page, live_server, f"/registre/{fiche.reference}/?date={today}")
    audit.check("fiche-past-date")
    visit(page, live_server, f"/registre/{fiche.reference}/historique/")
    audit.check("history")

    visit(page, live_server, "/registre/nouveau/")
    audit.check("create")
    page.get_by_role("button", name="Créer la fiche").click()
    audit.check("create-refused", expected_status=400)

    visit(page, live_server, f"/registre/{fiche.reference}/modifier/")
    audit.check("edit")
    rows = page.locator("#donnees [data-row]")
    page.locator("#donnees [data-add-row]").click()
    rows.first.locator("[data-remove-row]").click()
    audit_dom_only(audit, "edit-rows-added-and-removed")
    page.locator("[name=name]").fill("Nom changé pendant qu'un autre enregistrait")
    Treatment.objects.filter(pk=fiche.pk).update(version=fiche.version + 1)  # another DPO saved meanwhile
    page.get_by_role("button", name="Enregistrer").click()
    audit.check("edit-conflict", expected_status=409)

    visit(page, live_server, "/registre/import/")
    audit.check("import-form")
    preview = page.get_by_role("button", name="Voir l'aperçu")
    not_a_spreadsheet = artifacts / "a11y-not-a-spreadsheet.ods"
    not_a_spreadsheet.write_bytes(b"plain text, not an ODS file")
    page.set_input_files("input[type=file]", str(not_a_spreadsheet))
    preview.click()
    audit.check("import-refused", expected_status=400)
    page.set_input_files("input[type=file]", cnil_file(artifacts / "a11y-import.ods", legal_basis="Obligation légale"))
    page.select_option("[name=default_role]", value=TreatmentRole.CONTROLLER)
    preview.click()
    audit.check("import-preview")

    visit(page, live_server, "/admin/")
    audit.check("admin-index")
    visit(page, live_server, "/admin/register/treatment/")
    audit.check("admin-changelist")
    visit(page, live_server, f"/admin/register/treatment/{fiche.pk}/change/")
    audit.check("admin-change")
    visit(page, live_server, "/registre/ZZZ-404/")
    audit.check("fiche-not-found", expected_status=404)
    audit.assert_clean()


def cnil_file(path, **options):
    workbook = CnilWorkbook()
    filled_fiche(workbook, "Paie", reference="PAIE-01", name="Gestion de la paie", purpose="Payer", **options)
    path.write_bytes(workbook.to_bytes())
    return str(path)


def audit_dom_only(audit, name):
    """The edit form after the script changed it: the served HTML is the edit page's, already kept."""
    audit.check(name)
    audit.documents.pop(name).unlink()


def test_superuser_pages(demo, live_server, page, log_in, audit):
    make_user("root", is_staff=True, is_superuser=True)
    log_in("root")
    fiche = a_fiche()
    visit(page, live_server, f"/registre/{fiche.reference}/supprimer/")
    audit.check("delete-confirmation")
    visit(page, live_server, f"/admin/register/treatment/{fiche.pk}/change/")
    audit.check("admin-change")
    visit(page, live_server, "/admin/register/organisation/add/")
    audit.check("admin-add")
    audit.assert_clean()


def test_manager_pages(demo, live_server, page, log_in, audit):
    log_in("manager", PASSWORD)
    fiche = a_fiche()
    audit.check("dashboard")
    visit(page, live_server, "/registre/")
    audit.check("list")
    visit(page, live_server, f"/registre/{fiche.reference}/")
    audit.check("fiche")
    visit(page, live_server, f"/registre/{fiche.reference}/historique/")
    audit.check("history")
    visit(page, live_server, f"/registre/{fiche.reference}/modifier/")
    audit.check("edit-forbidden", expected_status=403)
    visit(page, live_server, f"/registre/{fiche.reference}/")
    page.get_by_role("button", name="EN").click()
    audit.check("fiche-in-english")
    assert page.evaluate("document.documentElement.lang") == "en"
    visit(page, live_server, "/registre/")
    audit.check("list-in-english")
    visit(page, live_server, "/conformite/")
    audit.check("dashboard-in-english")
    audit.assert_clean()


def test_auditor_pages(demo, live_server, page, log_in, audit):
    log_in("auditor", PASSWORD)
    fiche = a_fiche()
    audit.check("dashboard")
    visit(page, live_server, "/registre/")
    audit.check("list")
    visit(page, live_server, "/registre/?date=2000-01-01")
    audit.check("list-before-the-register-existed")
    visit(page, live_server, f"/registre/{fiche.reference}/?date=2000-01-01")
    audit.check("fiche-not-yet-created", expected_status=404)
    visit(page, live_server, f"/registre/{fiche.reference}/")
    audit.check("fiche")
    visit(page, live_server, "/admin/")
    audit.check("admin-index")
    visit(page, live_server, "/admin/register/treatment/")
    audit.check("admin-changelist")
    visit(page, live_server, f"/admin/register/treatment/{fiche.pk}/change/")
    audit.check("admin-view")
    audit.assert_clean()


def test_compliance_pages(demo, live_server, page, log_in, audit):
    """DPIA screening and risk pages (compliance), on the demo's ComPlus fiche, screened and assessed."""
    log_in("dpo", PASSWORD)
    visit(page, live_server, "/registre/T-007/")
    audit.check("fiche-with-dpia-panel")
    visit(page, live_server, "/conformite/fiches/T-007/aipd/")
    audit.check("screening")
    visit(page, live_server, "/conformite/fiches/T-007/aipd/nouveau/")
    audit.check("screening-form")
    page.get_by_label("5. Données traitées à grande échelle").check()
    page.get_by_role("button", name="Enregistrer le criblage").click()
    audit.check("screening-refused", expected_status=400)  # one criterion: a justification is asked
    visit(page, live_server, "/conformite/fiches/T-007/risques/")
    audit.check("risks")
    visit(page, live_server, "/conformite/fiches/T-007/risques/modifier/")
    audit.check("risks-form")
    visit(page, live_server, "/conformite/risques/")
    audit.check("register-risks")
    audit.assert_clean()


def test_awareness_pages(demo, live_server, page, log_in, audit):
    """The notice of art. 13 (both variants, with its « À compléter » list and links), the call
    recording announcement on the demo's recording fiche and on one without recordings."""
    log_in("dpo", PASSWORD)
    visit(page, live_server, "/conformite/fiches/T-002/notice/")
    audit.check("notice-web")
    page.get_by_role("link", name="Questionnaire").click()
    audit.check("notice-questionnaire")
    visit(page, live_server, "/conformite/fiches/T-002/annonce-enregistrement/")
    audit.check("call-announcement")
    visit(page, live_server, "/conformite/fiches/T-003/annonce-enregistrement/")
    audit.check("call-announcement-not-applicable")
    audit.assert_clean()
