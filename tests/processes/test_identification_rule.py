"""The proposal rule (processes/identification.py): what the app answers for each field, and
that it never writes over a decision of the DPO."""

from types import SimpleNamespace

import pytest

from processes.identification import apply_proposals, propose
from processes.models import FormField
from register.models import DataCategory
from tests.processes.identification_factories import make_collection_form

IDENTIFIED = SimpleNamespace(respondent_identified=True)
ANONYMOUS = SimpleNamespace(respondent_identified=False)


def _propose(label, example="", form=IDENTIFIED):
    return propose(SimpleNamespace(label=label, example=example), form)


@pytest.mark.parametrize(
    ("label", "example"),
    [
        ("Nom", "DESMARC"),
        ("Prénom", "CORINNE"),
        ("Adresse complète", "2, place de l'Eglise – 37100 Tours"),
        ("Courriel", "desmarc.corinne@orange.fr"),
    ],
)
def test_osiris_identity_fields_are_personal_direct_identity(label, example):
    proposal = _propose(label, example)
    assert (proposal.is_personal, proposal.identification, proposal.category, proposal.is_sensitive) == (
        True,
        "direct",
        "identity",
        False,
    )
    assert f"« {label} » identifie directement la personne" in proposal.justification
    assert "art. 4(1)" in proposal.justification


@pytest.mark.parametrize(
    ("label", "example"),
    [
        ("Question 1 – Possédez-vous un smartphone ?", "OUI"),
        ("Question 2 – Quels réseaux sociaux avez-vous l'habitude de fréquenter ?", "Facebook"),
        ("Question 3 – À quelle fréquence utilisez-vous ce réseau ?", "Plusieurs fois par jour"),
        ("Question 4 – Pour vous, la publicité sur les réseaux sociaux :", "est intrusive"),
    ],
)
def test_osiris_answers_are_personal_because_linked_to_the_identified_respondent(label, example):
    proposal = _propose(label, example)
    assert (proposal.is_personal, proposal.identification, proposal.category, proposal.is_sensitive) == (
        True,
        "indirect",
        "personal_life",
        False,
    )
    assert "liée à un répondant identifié par son nom et son courriel dans le même enregistrement" in (
        proposal.justification
    )
    assert "art. 4(1)" in proposal.justification


def test_answers_without_an_identified_respondent_are_an_anonymous_aggregate():
    proposal = _propose("Question 4 – Pour vous, la publicité sur les réseaux sociaux :", "est intrusive", ANONYMOUS)
    assert (proposal.is_personal, proposal.identification, proposal.category) == (False, "", "")
    assert "statistique anonyme agrégée" in proposal.justification
    # A name stays personal whatever the form says about its answers.
    assert _propose("Nom", "DESMARC", ANONYMOUS).is_personal is True


@pytest.mark.parametrize(
    ("label", "example"),
    [("Raison sociale", "Osiris SA"), ("SIREN", "512345678"), ("Courriel", "contact@osiris.example")],
)
def test_company_data_is_not_personal(label, example):
    proposal = _propose(label, example)
    assert proposal.is_personal is False
    assert "art. 4(1)" in proposal.justification


def test_a_named_work_email_is_personal():
    assert _propose("Courriel professionnel", "jean.dupont@osiris.example").is_personal is True


@pytest.mark.parametrize(
    ("label", "example", "category", "identification"),
    [
        ("TÉLÉPHONE", "", "identity", "indirect"),
        ("Contact", "06 12 34 56 78", "identity", "indirect"),  # a phone-looking example
        ("Contact", "corinne.desmarc@orange.fr", "identity", "direct"),  # an e-mail-looking example
        ("E-mail", "", "identity", "direct"),
        ("Date de naissance", "12/03/1980", "identity", "indirect"),
        ("Sexe", "F", "identity", "indirect"),
        ("Adresse IP", "192.0.2.1", "connection", "indirect"),
        ("Numéro de sécurité sociale", "", "nir", "direct"),
        ("IBAN", "", "economic", "indirect"),
        ("Revenus du foyer", "", "economic", "indirect"),
        ("Position GPS", "", "location", "indirect"),
    ],
)
def test_identifying_items_by_label_or_example(label, example, category, identification):
    proposal = _propose(label, example)
    assert (proposal.is_personal, proposal.category, proposal.identification) == (True, category, identification)


@pytest.mark.parametrize(
    ("label", "category"),
    [
        ("Votre état de santé", "health"),
        ("Religion pratiquée", "religious_beliefs"),
        ("Opinion politique", "political_opinions"),
        ("Adhérent d'un syndicat ?", "trade_union"),
    ],
)
def test_sensitive_items_are_flagged_with_article_9(label, category):
    proposal = _propose(label)
    assert (proposal.is_personal, proposal.category, proposal.is_sensitive) == (True, category, True)
    assert "art. 9(1)" in proposal.justification


@pytest.mark.django_db
def test_proposals_fill_only_undecided_fields_never_a_dpo_decision():
    form = make_collection_form(fields=[("Nom", "DESMARC"), ("Prénom", "CORINNE")])
    name, first_name = form.fields.all()
    FormField.objects.filter(pk=name.pk).update(is_personal=False, justification="Décision du DPO", confirmed=True)
    categories = {category.code: category for category in DataCategory.objects.all()}
    changed = apply_proposals(form, list(form.fields.all()), categories)
    assert [field.pk for field in changed] == [first_name.pk]
    assert changed[0].data_category.code == "identity"
    assert changed[0].confirmed is False
