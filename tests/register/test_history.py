"""The history of a fiche at /registre/<reference>/historique/: who changed what, when."""

import re
from datetime import date
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from register.choices import LegalBasis, TreatmentStatus
from register.history.timeline import TIMELINE_PAGE_SIZE
from register.models import (
    DataCategory,
    DataCategoryLine,
    Recipient,
    RecipientCategory,
    SecurityMeasure,
    SecurityMeasureCategory,
    SubPurpose,
)
from tests.conftest import make_organisation, make_treatment

pytestmark = pytest.mark.django_db


def history_url(treatment):
    return reverse("register:history", args=[treatment.reference])


def entries(response):
    """Each timeline entry as one line of text, newest first."""
    html = response.content.decode()
    found = re.findall(r'<li class="timeline-entry[^"]*">(.*?)</li>', html, re.S)
    return [" ".join(unescape(re.sub(r"<[^>]+>", " ", entry)).split()) for entry in found]


def save_as(instance, user, **changes):
    for name, value in changes.items():
        setattr(instance, name, value)
    instance._history_user = user
    instance.save()


def test_field_changes_show_labels_and_old_and_new_values(manager_client, dpo_user):
    dpo_user.first_name, dpo_user.last_name = "Sophie", "Lambert"
    dpo_user.save()
    fiche = make_treatment(name="Paie", status=TreatmentStatus.DRAFT, legal_basis=LegalBasis.CONTRACT, lines=False)
    save_as(
        fiche,
        dpo_user,
        status=TreatmentStatus.IN_FORCE,
        legal_basis=LegalBasis.LEGAL_OBLIGATION,
        next_review_date=date(2025, 3, 31),
        controller=make_organisation("CentreCall"),
    )
    response = manager_client.get(history_url(fiche))
    assert response.status_code == 200
    newest = entries(response)[0]
    assert newest.startswith("Fiche modifiée")
    assert "Statut Brouillon → En vigueur" in newest
    assert "Base légale (art. 6(1)) Contrat (art. 6(1)(b)) → Obligation légale (art. 6(1)(c))" in newest
    assert "Prochaine revue — → 31/03/2025" in newest
    assert "Responsable de traitement Organisation" in newest and "→ CentreCall" in newest
    assert "Dernière mise à jour" not in newest  # bookkeeping fields stay out
    html = response.content.decode()
    assert "Sophie Lambert" in html
    assert entries(response)[-1] == "Fiche créée"


def test_lines_added_changed_and_removed_are_shown_with_their_text(manager_client, dpo_user):
    fiche = make_treatment(name="Études", lines=True)
    data_line = fiche.data_lines.get()
    save_as(data_line, dpo_user, retention_value=12)
    SubPurpose.objects.create(treatment=fiche, description="Produire une synthèse")
    fiche.security_measures.first().delete()
    lines = entries(manager_client.get(history_url(fiche)))
    assert lines[0] == "Ligne supprimée · mesure de sécurité Contrôle d'accès des utilisateurs : Comptes nominatifs"
    assert lines[1] == "Ligne ajoutée · sous-finalité Produire une synthèse"
    assert lines[2].startswith("Ligne modifiée · catégorie de données traitée")
    assert "Nom, prénom" in lines[2] and "Durée de conservation 6 → 12" in lines[2]


def test_changes_of_processors_name_the_organisations(manager_client):
    fiche = make_treatment(lines=False)
    fiche.processors.add(make_organisation("Atlas Saisie"))
    fiche.processors.add(make_organisation("Bureau Veritas"))
    lines = entries(manager_client.get(history_url(fiche)))
    assert "Sous-traitants Atlas Saisie → Atlas Saisie, Bureau Veritas" in lines[0]
    assert "Sous-traitants — → Atlas Saisie" in lines[1]


def test_a_save_without_change_says_so(manager_client, dpo_user):
    fiche = make_treatment(lines=False)
    save_as(fiche, dpo_user)
    assert entries(manager_client.get(history_url(fiche)))[0] == (
        "Fiche modifiée enregistrée sans changement des champs de la fiche"
    )


def test_history_links_to_the_fiche_as_it_was_that_day(manager_client):
    fiche = make_treatment(lines=False)
    html = manager_client.get(history_url(fiche)).content.decode()
    day = timezone.localdate(fiche.history.first().history_date)
    assert f'href="{fiche.get_absolute_url()}?date={day.isoformat()}"' in html


def test_history_is_paginated(manager_client, dpo_user):
    fiche = make_treatment(lines=False)
    for number in range(TIMELINE_PAGE_SIZE + 4):
        save_as(fiche, dpo_user, name=f"Nom {number}")
    first = manager_client.get(history_url(fiche))
    assert len(entries(first)) == TIMELINE_PAGE_SIZE
    assert f"{TIMELINE_PAGE_SIZE + 5} modifications enregistrées" in first.content.decode()
    second = entries(manager_client.get(history_url(fiche), {"page": 2}))
    assert len(second) == 5 and second[-1] == "Fiche créée"


def test_unknown_fiche_has_no_history(manager_client):
    assert manager_client.get(reverse("register:history", args=["T-999"])).status_code == 404


@pytest.mark.parametrize("rounds", [3, 30])
def test_history_page_runs_the_same_queries_for_few_or_many_changes(
    manager_client, dpo_user, django_assert_num_queries, rounds
):
    """Each round changes the fiche and three of its lines; a page holds every kind."""
    fiche = make_treatment(lines=False)
    lines = [
        DataCategoryLine.objects.create(
            treatment=fiche, category=DataCategory.objects.get(code="identity"), description="Nom", retention_value=1
        ),
        Recipient.objects.create(
            treatment=fiche, category=RecipientCategory.objects.get(code="internal_service"), name="Service"
        ),
        SecurityMeasure.objects.create(
            treatment=fiche, category=SecurityMeasureCategory.objects.get(code="backups"), description="Mesure"
        ),
    ]
    for number in range(rounds):
        save_as(fiche, dpo_user, name=f"Nom {number}")
        for line in lines:
            if isinstance(line, DataCategoryLine):
                save_as(line, dpo_user, retention_value=number + 1)
            elif isinstance(line, Recipient):
                save_as(line, dpo_user, name=f"Service {number}")
            elif isinstance(line, SecurityMeasure):
                save_as(line, dpo_user, description=f"Mesure {number}")
    # session, user, 2 × permissions, fiche, count, page of the UNION,
    # then records and predecessors for each of the 4 kinds shown, and 2 × organisations
    with django_assert_num_queries(17):
        response = manager_client.get(history_url(fiche))
    assert len(entries(response)) == min(TIMELINE_PAGE_SIZE, 1 + 3 + 4 * rounds)
