"""The art. 13 notice built from a fiche: every item the fiche gives, and a gap for each one it does not."""

import pytest

from compliance.notices.information import NoticeVariant, build_notice, rights_for
from register.choices import LegalBasis
from register.queries import treatments_with_lines
from tests.compliance.notice_factories import complete_fiche, fiche_with_gaps

pytestmark = pytest.mark.django_db


def loaded(fiche):
    return treatments_with_lines().get(pk=fiche.pk)


def text_of(item):
    return " ".join([*item.paragraphs, *item.entries])


def items_of(notice):
    return {item.key: item for item in notice.items}


def test_a_complete_fiche_gives_every_item_of_article_13_from_its_data():
    items = items_of(build_notice(loaded(complete_fiche())))

    assert "Osiris, 48, avenue de la République 75011 Paris" in text_of(items["controller"])
    assert "courriel : contact@osiris.example" in text_of(items["controller"])
    assert "Antoine Roux (DPO Conseil SAS), courriel : dpo.osiris@dpoconseil.example" in text_of(items["dpo"])
    assert "Étude de marché sur la publicité dans les réseaux sociaux" in text_of(items["purposes"])
    assert "Base légale : Intérêt légitime (art. 6(1)(f))." in text_of(items["purposes"])
    assert text_of(items["legitimate_interest"]) == "Connaître les attentes du marché de la publicité"
    assert "Hébergeur ComPlus (Sous-traitants)" in text_of(items["recipients"])
    assert "Centre d'appels de Rabat" in text_of(items["transfers"])
    assert "Clauses contractuelles types — copie des garanties : Sur demande au DPO" in text_of(items["transfers"])
    assert "Réponses au questionnaire) : 3 ans à compter du dernier contact" in text_of(items["retention"])
    assert "écrivez à : dpo.osiris@dpoconseil.example" in text_of(items["rights"])
    assert "CNIL, 3 place de Fontenoy" in text_of(items["complaint"])
    given = ("controller", "dpo", "purposes", "legitimate_interest", "recipients", "transfers", "retention", "rights")
    for key in given:
        assert items[key].gaps == [], key


def test_what_the_register_has_no_field_for_is_always_left_to_the_dpo():
    notice = build_notice(loaded(complete_fiche()))
    gaps = {gap.article: gap for gap in notice.gaps}
    assert set(gaps) == {"art. 13(2)(e)", "art. 13(2)(f)"}
    assert "si la fourniture des données est obligatoire" in gaps["art. 13(2)(e)"].message
    assert gaps["art. 13(2)(e)"].url == ""


def test_a_fiche_with_gaps_names_each_missing_item_with_the_field_to_fill():
    fiche = fiche_with_gaps()
    notice = build_notice(loaded(fiche))
    gaps = {gap.message: gap.url for gap in notice.gaps}
    edit = f"/registre/{fiche.reference}/modifier/"

    assert gaps["L'adresse postale du responsable de traitement « Client sans coordonnées » n'est pas renseignée."]
    assert "Aucun délégué à la protection des données n'est enregistré pour « Client sans coordonnées »." in gaps
    assert gaps["La base légale du client « Client sans coordonnées » n'est pas connue : demandez-la-lui."] == (
        f"{edit}#id_legal_basis"
    )
    assert gaps["Aucun destinataire n'est indiqué."] == f"{edit}#destinataires"
    assert gaps["Ligne « Nom, prénom » : la durée de conservation n'est pas renseignée."] == (
        f"{edit}#id_data_lines-0-retention_value"
    )
    assert "Sans base légale, les droits d'opposition et de portabilité ne peuvent pas être déterminés." in gaps
    assert "Aucun courriel ni adresse où exercer les droits (délégué ou responsable de traitement)." in gaps
    assert any("CentreCall est sous-traitant" in note for note in notice.notes_for_dpo)


def test_legitimate_interest_without_the_interest_stated_is_a_gap_not_an_invention():
    fiche = complete_fiche()
    type(fiche).objects.filter(pk=fiche.pk).update(legal_basis_detail="")
    item = items_of(build_notice(loaded(fiche)))["legitimate_interest"]
    assert item.paragraphs == []
    assert item.gaps[0].message == "La base légale est l'intérêt légitime, mais l'intérêt poursuivi n'est pas précisé."


@pytest.mark.parametrize(
    ("basis", "has", "has_not"),
    [
        (LegalBasis.CONSENT, {"portability"}, {"objection"}),
        (LegalBasis.CONTRACT, {"portability", "erasure"}, {"objection"}),
        (LegalBasis.LEGITIMATE_INTERESTS, {"objection", "erasure"}, {"portability"}),
        (LegalBasis.PUBLIC_TASK, {"objection"}, {"portability", "erasure"}),
        (LegalBasis.LEGAL_OBLIGATION, {"access", "rectification"}, {"portability", "objection", "erasure"}),
    ],
)
def test_rights_follow_the_legal_basis(basis, has, has_not):
    keys = {key for key, _sentence in rights_for(basis)}
    assert has <= keys
    assert not has_not & keys


def test_withdrawal_of_consent_is_said_only_when_consent_is_the_basis():
    consent = complete_fiche("Verdier", legal_basis=LegalBasis.CONSENT, legal_basis_detail="")
    on_consent = items_of(build_notice(loaded(consent)))
    on_interest = items_of(build_notice(loaded(complete_fiche())))
    assert "Vous pouvez retirer votre consentement à tout moment" in text_of(on_consent["withdrawal"])
    assert "legitimate_interest" not in on_consent
    assert "withdrawal" not in on_interest


def test_the_two_variants_differ_in_their_introduction():
    fiche = loaded(complete_fiche())
    assert "saisies dans ce formulaire" in build_notice(fiche, NoticeVariant.WEB_FORM).introduction
    assert "recueillies dans ce questionnaire" in build_notice(fiche, NoticeVariant.QUESTIONNAIRE).introduction
