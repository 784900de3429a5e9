"""The findings page of the whole register (/conformite/constats/): every subject's findings,
their filters, their counts per severity, and a query count that does not grow with the register."""

import re

import pytest
from django.urls import reverse

from register.choices import LegalBasis, TreatmentRole
from register.generator import generate_register
from register.models import DataCategory, Treatment
from tests.conftest import make_organisation, make_treatment, page_text
from tests.incidents.conftest import make_breach
from tests.processes.factories import add_operation, make_process
from tests.processes.identification_factories import make_collection_form

pytestmark = pytest.mark.django_db

PAGE = reverse("compliance:findings")


def rows(response):
    """(severity, subject, rule) of each row of the table."""
    html = response.content.decode()
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    found = []
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        cells = [
            re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", cell)).strip()
            for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        ]
        if len(cells) == 5:
            found.append((cells[0], cells[1], cells[4]))
    return found


def unstated_interest(**fields):
    """A fiche on legitimate interest without the interest stated: a blocking finding."""
    treatment = make_treatment(legal_basis=LegalBasis.LEGITIMATE_INTERESTS, **fields)
    Treatment.objects.filter(pk=treatment.pk).update(legal_basis_detail="")
    return treatment


def overdue_review(**fields):
    """A fiche whose review is overdue: a warning."""
    return make_treatment(next_review_date="2020-01-01", dpia_status="not_required", **fields)


def test_page_lists_each_finding_with_its_subject_rule_and_the_link_to_fix_it(manager_client):
    fiche = unstated_interest(name="Prospection Osiris")
    response = manager_client.get(PAGE)
    assert response.status_code == 200
    text = page_text(response)
    assert "L'intérêt légitime poursuivi n'est pas précisé." in text
    assert any(
        severity == "Bloquant" and fiche.reference in subject and "intérêt légitime" in rule
        for severity, subject, rule in rows(response)
    )
    html = response.content.decode()
    assert f'href="{reverse("register:edit", args=[fiche.reference])}#id_legal_basis_detail"' in html
    assert f'href="{fiche.get_absolute_url()}"' in html
    assert 'href="?rule=legitimate_interest_is_stated"' in html


def test_counts_per_severity_link_to_the_severity_filter_keeping_the_other_filters(manager_client):
    unstated_interest()
    overdue_review()
    response = manager_client.get(PAGE, {"kind": "fiche"})
    html = response.content.decode()
    assert re.search(r'href="\?severity=blocking&amp;kind=fiche"[^>]*>Bloquant <span[^>]*>1</span>', html)
    assert re.search(r'href="\?severity=warning&amp;kind=fiche"[^>]*>À corriger <span[^>]*>1</span>', html)


def test_severity_filter_keeps_the_findings_of_that_severity(manager_client):
    unstated_interest()
    overdue_review()
    found = rows(manager_client.get(PAGE, {"severity": "warning"}))
    assert found and {severity for severity, _subject, _rule in found} == {"À corriger"}


def test_rule_filter_keeps_the_findings_of_that_rule(manager_client):
    unstated_interest()
    late = overdue_review()
    found = rows(manager_client.get(PAGE, {"rule": "review_is_not_overdue"}))
    assert [(severity, rule) for severity, _subject, rule in found] == [("À corriger", "Revue en retard")]
    assert late.reference in found[0][1]


def test_client_and_role_filters_keep_the_processor_fiches_of_that_client(manager_client):
    osiris = make_organisation("Osiris")
    for_osiris = overdue_review(role=TreatmentRole.PROCESSOR, controller=osiris, name="Pour Osiris")
    overdue_review(name="Pour nous")
    late = {"rule": "review_is_not_overdue"}
    by_client = rows(manager_client.get(PAGE, {"client": osiris.pk, **late}))
    assert len(by_client) == 1 and for_osiris.reference in by_client[0][1]
    assert rows(manager_client.get(PAGE, {"client": "osiris", **late})) == by_client  # named in the URL
    assert rows(manager_client.get(PAGE, {"role": "processor", **late})) == by_client
    controller = rows(manager_client.get(PAGE, {"role": "controller", **late}))
    assert len(controller) == 1 and "Pour nous" in controller[0][1]


def test_kind_filter_keeps_one_kind_of_subject(manager_client):
    unstated_interest()
    process = make_process()
    add_operation(process, "Appeler le prospect")  # personal, without a fiche: a warning
    found = rows(manager_client.get(PAGE, {"kind": "operation"}))
    assert found and all(subject.startswith("Opération") for _severity, subject, _rule in found)
    assert any("Appeler le prospect" in subject for _severity, subject, _rule in found)


def test_breaches_past_their_deadline_are_listed(manager_client):
    breach = make_breach()
    found = rows(manager_client.get(PAGE, {"kind": "breach"}))
    assert any(severity == "Bloquant" and breach.reference in subject for severity, subject, _rule in found)


def test_search_folds_case_and_accents(manager_client):
    unstated_interest(name="Fidélisation Osiris")
    overdue_review(name="Paie")
    found = rows(manager_client.get(PAGE, {"q": "FIDELISATION"}))
    assert found and all("Fidélisation" in subject for _severity, subject, _rule in found)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"severity": "grave"}, "Gravité inconnue : « grave »."),
        ({"rule": "<script>"}, "Règle inconnue : « <script> »."),
        ({"kind": "fiche'--"}, "Type de sujet inconnu : « fiche'-- »."),
        ({"role": "boss"}, "Rôle inconnu : « boss »."),
        ({"client": "9" * 40}, "Organisation inconnue"),
        ({"client": "²"}, "Organisation inconnue : « ² »."),
        ({"client": "Osiris\x00"}, "Organisation inconnue"),  # PostgreSQL refuses NUL in a parameter
        ({"q": "appel\x00"}, "Le caractère nul n’est pas autorisé."),
    ],
)
def test_hostile_query_strings_get_a_french_error_not_a_crash(manager_client, query, message):
    response = manager_client.get(PAGE, query)
    assert response.status_code == 400
    assert message in page_text(response)


def test_a_hostile_page_number_shows_a_page(manager_client):
    unstated_interest()
    assert manager_client.get(PAGE, {"page": "-1e99"}).status_code == 200


def subjects_of_every_kind(count):
    """`count` fiches, and an operation, a collection form and a breach for every third."""
    fiches = generate_register(count)
    process = make_process()
    undeclared = DataCategory.objects.get(code="personal_life")
    for fiche in fiches[::3]:  # each one finding: the operation's and the form's category is not on the fiche
        add_operation(process, f"Opération sur {fiche.reference}", treatment=fiche).data_categories.add(undeclared)
        form = make_collection_form(treatment=fiche, name=f"Formulaire {fiche.reference}")
        form.fields.filter(position=1).update(is_personal=True, confirmed=True, data_category=undeclared)
        make_breach(treatments=[fiche])
    return fiches


@pytest.mark.parametrize("count", [3, 30])
def test_page_runs_the_same_queries_for_3_or_30_fiches(manager_client, django_assert_num_queries, count):
    subjects_of_every_kind(count)
    # session, user, 2 × permissions; the client menu; the fiches, with one query per
    # prefetched relation (the DPIA screenings included); the operations, the collection forms and the
    # breaches with theirs; the art. 28 contracts; the data-subject requests (none here: their fiches are not read)
    with django_assert_num_queries(35):
        response = manager_client.get(PAGE)
    assert response.status_code == 200
    text = page_text(response)
    for kind in ("Fiche", "Opération", "Formulaire de collecte", "Violation"):
        assert kind in text
