"""The fiche page at /registre/<reference>/: CNIL layout, completeness, review, past versions."""

import re
from datetime import datetime, timedelta
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from register.choices import ContactRole, DpiaStatus, LegalBasis, TreatmentRole
from register.exports.pdf import build_register_pdf
from register.generator import generate_register
from register.models import (
    Contact,
    Country,
    DataCategory,
    DataCategoryLine,
    SubPurpose,
    Transfer,
    TransferSafeguard,
    Treatment,
)
from register.scopes import RegisterScope
from tests.conftest import make_organisation, make_treatment
from tests.pdfs import pdf_text, squash

pytestmark = pytest.mark.django_db


def section(html, anchor):
    """The text of one fiche section, tags stripped."""
    block = re.search(rf'<section class="fiche-section[^"]*" id="{anchor}">(.*?)</section>', html, re.S).group(1)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", block)).split())


@pytest.fixture
def osiris_study(db):
    osiris = make_organisation(
        "Osiris",
        address="48, avenue de la République",
        postcode="75011",
        city="Paris",
        phone="01 23 45 67 89",
        email="contact@osiris.example",
    )
    Contact.objects.create(organisation=osiris, role=ContactRole.DPO, name="Antoine Roux", company="DPO Conseil")
    treatment = make_treatment(
        controller=osiris,
        name="Études de marché",
        reference="T-010",
        role=TreatmentRole.PROCESSOR,
        software="ComPlus",
        main_purpose="Mesurer les attentes du marché",
        legal_basis=LegalBasis.LEGITIMATE_INTERESTS,
        legal_basis_detail="Intérêt d'Osiris à connaître son marché",
        dpia_status=DpiaStatus.NOT_REQUIRED,
    )
    treatment.processors.add(make_organisation("Atlas Saisie"))
    DataCategoryLine.objects.create(
        treatment=treatment,
        category=DataCategory.objects.get(code="health"),
        description="Allergies déclarées",
        retention_value=1,
        retention_unit="years",
        art9_exception="a",
    )
    Transfer.objects.create(
        treatment=treatment,
        recipient="Hébergeur",
        country=Country.objects.get(code="US"),
        safeguard=TransferSafeguard.objects.get(code="scc"),
    )
    return treatment


def test_fiche_is_laid_out_like_the_cnil_fiche(manager_client, osiris_study):
    html = manager_client.get(osiris_study.get_absolute_url()).content.decode()
    description = section(html, "description")
    assert "Études de marché" in description and "T-010" in description and "ComPlus" in description
    assert timezone.localdate().strftime("%d/%m/%Y") in description
    actors = section(html, "acteurs")
    assert "Responsable du traitement Osiris 48, avenue de la République 75011 Paris" in actors
    assert "Délégué à la protection des données Antoine Roux DPO Conseil" in actors
    assert "Sous-traitant ultérieur (art. 28(2)) Atlas Saisie" in actors  # a processor fiche: a sub-processor
    purposes = section(html, "finalites")
    assert "Mesurer les attentes du marché" in purposes and "Sous-finalité" in purposes
    assert "Intérêt légitime (art. 6(1)(f)) — Intérêt d'Osiris à connaître son marché" in purposes
    data = section(html, "donnees")
    assert "Nom, prénom" in data and "6 mois à compter de la collecte" in data
    assert "Allergies" not in data
    assert "Prospects" in section(html, "personnes")
    assert "Service interne" in section(html, "destinataires")
    transfers = section(html, "transferts")
    assert "Hébergeur" in transfers and "États-Unis" in transfers and "46(2)(c)" in transfers
    assert "Comptes nominatifs" in section(html, "securite")
    assert "Non requise" in section(html, "aipd")


def test_sensitive_data_is_listed_apart_with_its_art_9_exception(manager_client, osiris_study):
    html = manager_client.get(osiris_study.get_absolute_url()).content.decode()
    sensitive = section(html, "donnees-sensibles")
    assert "Allergies déclarées" in sensitive
    assert "1 an à compter de la collecte" in sensitive
    assert "a) Consentement explicite (art. 9(2)(a))" in sensitive


def test_fiche_without_sensitive_data_says_so(manager_client, treatment):
    html = manager_client.get(treatment.get_absolute_url()).content.decode()
    assert section(html, "donnees-sensibles").endswith("Aucune donnée sensible.")


def test_completeness_names_what_is_missing(manager_client):
    bare = make_treatment(lines=False, legal_basis=LegalBasis.LEGITIMATE_INTERESTS)
    html = manager_client.get(bare.get_absolute_url()).content.decode()
    missing = re.search(r'<ul class="small mb-0 missing-items">(.*?)</ul>', html, re.S).group(1)
    for item in (
        "intérêt légitime poursuivi (art. 6(1)(f))",
        "catégories de données (art. 30(1)(c))",
        "catégories de personnes concernées (art. 30(1)(c))",
        "destinataires (art. 30(1)(d))",
        "mesures de sécurité (art. 30(1)(g))",
        "évaluation du besoin d&#x27;AIPD (art. 35)",
    ):
        assert item in missing
    assert f"{bare.completeness} %" in html and bare.completeness == 25


def test_complete_fiche_says_nothing_is_missing(manager_client, osiris_study):
    html = manager_client.get(osiris_study.get_absolute_url()).content.decode()
    assert "100 %" in html
    assert "Tous les éléments de l'article 30(2) sont renseignés." in html


def test_review_overdue_is_flagged(manager_client):
    late = make_treatment(next_review_date=timezone.localdate() - timedelta(days=1), lines=False)
    on_time = make_treatment(next_review_date=timezone.localdate() + timedelta(days=30), lines=False)
    late_html = manager_client.get(late.get_absolute_url()).content.decode()
    assert "Revue en retard" in late_html
    assert (timezone.localdate() - timedelta(days=1)).strftime("%d/%m/%Y") in late_html
    assert "Revue en retard" not in manager_client.get(on_time.get_absolute_url()).content.decode()


@pytest.mark.parametrize("who", ["manager_client", "auditor_client"])
def test_readers_get_no_editing_control_on_the_fiche(request, who, osiris_study):
    html = request.getfixturevalue(who).get(osiris_study.get_absolute_url()).content.decode()
    actions = re.findall(r'<form[^>]*method="post" action="([^"]*)"', html)
    assert actions == [reverse("logout"), reverse("set_language")]  # log out and the language only
    assert "Modifier" not in html
    assert f'href="{reverse("register:history", args=[osiris_study.reference])}"' in html


def test_fiche_as_of_a_date_shows_what_it_said_then(manager_client):
    fiche = make_treatment(name="Ancien nom", lines=False)
    SubPurpose.objects.create(treatment=fiche, description="Ancienne sous-finalité")
    then = timezone.make_aware(datetime(2024, 1, 10, 9))
    Treatment.history.filter(id=fiche.pk).update(history_date=then)
    SubPurpose.history.filter(treatment_id=fiche.pk).update(history_date=then)
    fiche.name = "Nouveau nom"
    fiche.save()
    fiche.sub_purposes.all().delete()
    SubPurpose.objects.create(treatment=fiche, description="Nouvelle sous-finalité")

    response = manager_client.get(fiche.get_absolute_url(), {"date": "2024-02-01"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Fiche telle qu'elle était le 01/02/2024" in html
    assert "Ancien nom" in html and "Ancienne sous-finalité" in html
    assert "Nouveau nom" not in html and "Nouvelle sous-finalité" not in html
    current = manager_client.get(fiche.get_absolute_url()).content.decode()
    assert "Nouvelle sous-finalité" in current and "Ancienne sous-finalité" not in current


def test_fiche_as_of_a_date_still_shows_lines_and_controller_deleted_since(manager_client):
    # Live lines protect their catalog row and controller, but past lines do not.
    former_controller = make_organisation("Ancien client")
    category = DataCategory.objects.create(code="retired", label="Catégorie retirée", position=99)
    fiche = make_treatment(controller=former_controller, name="Paie", lines=False)
    DataCategoryLine.objects.create(treatment=fiche, category=category, description="Données retirées")
    then = timezone.make_aware(datetime(2024, 1, 10, 9))
    Treatment.history.filter(id=fiche.pk).update(history_date=then)
    DataCategoryLine.history.filter(treatment_id=fiche.pk).update(history_date=then)
    fiche.data_lines.all().delete()
    fiche.controller = make_organisation("Nouveau client")
    fiche.save()
    category.delete()
    former_controller.delete()

    response = manager_client.get(fiche.get_absolute_url(), {"date": "2024-02-01"})
    assert response.status_code == 200
    assert "Données retirées" in section(response.content.decode(), "donnees")
    assert "élément supprimé" in unescape(response.content.decode())
    assert manager_client.get(reverse("register:list"), {"date": "2024-02-01"}).status_code == 200
    for export_format in ("pdf", "ods"):
        export = manager_client.get(reverse("register:export", args=[export_format]), {"date": "2024-02-01"})
        assert export.status_code == 200


def test_fiche_as_of_a_date_before_it_existed_is_not_found(manager_client, treatment):
    response = manager_client.get(treatment.get_absolute_url(), {"date": "2020-01-01"})
    assert response.status_code == 404
    assert f"La fiche {treatment.reference} n'existait pas dans le registre le 01/01/2020." in response.content.decode()


def test_fiche_with_an_ambiguous_date_is_refused(manager_client, treatment):
    response = manager_client.get(treatment.get_absolute_url(), {"date": "01/02/2024"})
    assert response.status_code == 400
    assert "« 01/02/2024 » n&#x27;est pas une date au format AAAA-MM-JJ" in response.content.decode()


# --- bounded queries -----------------------------------------------------------------


@pytest.mark.parametrize("lines_per_kind", [2, 40])
def test_fiche_page_runs_the_same_queries_for_2_or_40_lines(manager_client, django_assert_num_queries, lines_per_kind):
    fiche = generate_register(3, lines_per_kind=lines_per_kind)[1]
    # session, user, 2 × permissions, fiche, then one query per prefetched relation (each line
    # table with its catalog rows joined); this processor fiche adds the register keeper and its contacts;
    # the DPIA screenings (compliance, prefetched with the lines); the panels other apps add to the page
    # (register/fiche_panels.py): the processes' operations and collection forms, the compliance's
    # feared events, the fiche's art. 28 contracts and data-subject requests (the « Sensibilisation » panel reads the
    # prefetched lines: no query)
    assert fiche.is_processor_fiche
    with django_assert_num_queries(23):
        response = manager_client.get(fiche.get_absolute_url())
    assert response.content.decode().count("Sous-finalité ") == lines_per_kind


@pytest.mark.parametrize("lines_per_kind", [2, 40])
def test_fiche_as_of_a_date_runs_the_same_queries_for_2_or_40_lines(
    manager_client, django_assert_num_queries, lines_per_kind
):
    fiche = generate_register(3, lines_per_kind=lines_per_kind)[1]
    # as of a day, the processes' operations are not kept as of a date and the « Sensibilisation »
    # panel reads the rebuilt lines: no query from them; the DPIA screenings of the rebuilt fiche
    # are read for its compliance findings
    with django_assert_num_queries(24):
        response = manager_client.get(fiche.get_absolute_url(), {"date": "2024-06-30"})
    assert response.content.decode().count("Sous-finalité ") == lines_per_kind


def test_the_page_and_the_pdf_lay_the_fiche_out_alike(manager_client, osiris_study):
    html = manager_client.get(osiris_study.get_absolute_url()).content.decode()
    headings = [
        " ".join(unescape(re.sub(r"<[^>]+>", " ", heading)).split())
        for heading in re.findall(r'<h2 class="h5 fiche-heading">(.*?)</h2>', html, re.S)
    ]
    assert headings[:2] == ["Description du traitement", "Acteurs art. 30(2)(a)"]
    assert len(headings) == 10
    text = pdf_text(build_register_pdf(RegisterScope(reference=osiris_study.reference))[2])
    squashed = squash(text)
    positions = [squashed.find(squash(heading)) for heading in headings]
    assert -1 not in positions and positions == sorted(positions), list(zip(headings, positions, strict=True))
    for row in ("Rôle de l'organisme Sous-traitant", "Sous-traitant ultérieur (art. 28(2)) Atlas Saisie"):
        assert row in section(html, "description") + section(html, "acteurs") and row in text
