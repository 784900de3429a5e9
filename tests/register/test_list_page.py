"""The register list at /registre/: CNIL overview columns, search, filters, sort, pages, as-of date."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from register.choices import TreatmentRole, TreatmentStatus
from register.filter_form import RegisterFilterForm
from register.generator import CREATED, generate_register
from register.models import DataCategory, DataCategoryLine, SubPurpose, Treatment
from register.scopes import RegisterScope
from register.views import fiches as fiches_view
from register.views.fiches import PAGE_SIZE
from tests.conftest import make_organisation, make_treatment

pytestmark = pytest.mark.django_db

LIST = reverse("register:list")


def rows(response):
    """References shown in the table, in order."""
    return re.findall(
        r'<td class="text-nowrap"><a class="fw-semibold" href="[^"]*">([^<]+)</a>', response.content.decode()
    )


def count_text(response):
    return re.search(r'class="result-count[^"]*">([^<]+)<', response.content.decode()).group(1)


def test_list_shows_the_cnil_overview_columns(manager_client):
    controller = make_organisation("Osiris")
    treatment = make_treatment(
        controller=controller,
        name="Études de marché",
        main_purpose="Mesurer les attentes du marché",
        role=TreatmentRole.PROCESSOR,
        status=TreatmentStatus.IN_FORCE,
        created_at=date(2024, 3, 4),
    )
    DataCategoryLine.objects.create(
        treatment=treatment,
        category=DataCategory.objects.get(code="health"),
        description="Allergies",
        retention_value=1,
        art9_exception="a",
    )
    response = manager_client.get(LIST)
    page = response.content.decode()
    for header in ("Réf.", "Nom du traitement", "Finalité principale", "Création", "Dernière mise à jour"):
        assert header in page
    assert rows(response) == [treatment.reference]
    for shown in ("Études de marché", "Mesurer les attentes du marché", "Sous-traitant", "Osiris", "En vigueur"):
        assert shown in page
    assert "04/03/2024" in page
    assert timezone.localdate().strftime("%d/%m/%Y") in page  # last update
    assert 'text-bg-danger">Oui<' in page  # sensitive data


def test_count_names_the_number_of_fiches_found(manager_client):
    make_treatment(lines=False)
    make_treatment(lines=False)
    assert count_text(manager_client.get(LIST)) == "2 fiches"
    assert count_text(manager_client.get(LIST, {"role": "controller"})) == "2 fiches"
    make_treatment(role=TreatmentRole.PROCESSOR, lines=False)
    assert count_text(manager_client.get(LIST, {"role": "processor"})) == "1 fiche"
    assert count_text(manager_client.get(LIST, {"q": "zzz-nothing"})) == "Aucune fiche"


@pytest.mark.parametrize(
    "word",
    ["Paie", "RH-12", "carrière", "bulletins", "bancaires"],
    ids=["name", "reference", "main purpose", "sub-purpose", "data description"],
)
def test_search_looks_in_name_reference_purposes_and_data_descriptions(manager_client, word):
    wanted = make_treatment(reference="RH-12", name="Paie", main_purpose="Gérer la carrière", lines=False)
    SubPurpose.objects.create(treatment=wanted, description="Établir les bulletins")
    DataCategoryLine.objects.create(
        treatment=wanted,
        category=DataCategory.objects.get(code="economic"),
        description="Coordonnées bancaires",
        retention_value=5,
        retention_unit="years",
    )
    make_treatment(name="Prospection", lines=False)
    assert rows(manager_client.get(LIST, {"q": word})) == ["RH-12"]


def test_search_words_may_match_different_lines(manager_client):
    wanted = make_treatment(name="Fidélisation", lines=False)
    SubPurpose.objects.create(treatment=wanted, description="Appeler les clients")
    SubPurpose.objects.create(treatment=wanted, description="Présenter le programme")
    assert rows(manager_client.get(LIST, {"q": "appeler programme"})) == [wanted.reference]
    assert rows(manager_client.get(LIST, {"q": "appeler absent"})) == []


def test_search_ignores_the_case_of_accented_letters(manager_client):
    wanted = make_treatment(name="Études de marché", lines=False)
    assert rows(manager_client.get(LIST, {"q": "études"})) == [wanted.reference]
    assert rows(manager_client.get(LIST, {"q": "ÉTUDES"})) == [wanted.reference]


def test_archived_fiches_leave_the_list_but_are_found_by_search_and_all_statuses(manager_client):
    live = make_treatment(name="Paie", lines=False)
    archived = make_treatment(name="Ancienne paie", status=TreatmentStatus.ARCHIVED, lines=False)
    assert rows(manager_client.get(LIST)) == [live.reference]
    assert rows(manager_client.get(LIST, {"q": "paie"})) == [live.reference, archived.reference]
    assert rows(manager_client.get(LIST, {"status": "all"})) == [live.reference, archived.reference]
    assert rows(manager_client.get(LIST, {"status": "archived"})) == [archived.reference]


def test_filters_by_role_status_client_sensitive_data_and_overdue_review(manager_client):
    osiris, verdier = make_organisation("Osiris"), make_organisation("Verdier")
    study = make_treatment(controller=osiris, role=TreatmentRole.PROCESSOR, lines=False)
    loyalty = make_treatment(controller=verdier, role=TreatmentRole.PROCESSOR, status=TreatmentStatus.IN_FORCE)
    payroll = make_treatment(next_review_date=timezone.localdate() - timedelta(days=1), lines=False)
    DataCategoryLine.objects.create(
        treatment=payroll,
        category=DataCategory.objects.get(code="health"),
        description="Arrêts de travail",
        retention_value=5,
        art9_exception="b",
    )
    assert rows(manager_client.get(LIST, {"role": "processor"})) == [study.reference, loyalty.reference]
    assert rows(manager_client.get(LIST, {"role": "controller"})) == [payroll.reference]
    assert rows(manager_client.get(LIST, {"status": "in_force"})) == [loyalty.reference]
    assert rows(manager_client.get(LIST, {"client": osiris.pk})) == [study.reference]
    assert rows(manager_client.get(LIST, {"client": "Verdier"})) == [loyalty.reference]
    assert rows(manager_client.get(LIST, {"sensitive": "yes"})) == [payroll.reference]
    assert rows(manager_client.get(LIST, {"sensitive": "no"})) == [study.reference, loyalty.reference]
    assert rows(manager_client.get(LIST, {"overdue": "1"})) == [payroll.reference]
    assert rows(manager_client.get(LIST, {"role": "processor", "client": verdier.pk})) == [loyalty.reference]


def test_client_filter_offers_the_controllers_of_processor_fiches(manager_client):
    make_treatment(controller=make_organisation("Osiris"), role=TreatmentRole.PROCESSOR, lines=False)
    make_treatment(controller=make_organisation("CentreCall"), role=TreatmentRole.CONTROLLER, lines=False)
    select = re.search(r'<select name="client".*?</select>', manager_client.get(LIST).content.decode(), re.S).group(0)
    assert "Osiris" in select and "CentreCall" not in select


def test_the_form_shows_the_filters_in_force(manager_client):
    osiris = make_organisation("Osiris")
    make_treatment(controller=osiris, role=TreatmentRole.PROCESSOR, lines=False)
    page = manager_client.get(LIST, {"q": "étude", "role": "processor", "client": "Osiris", "overdue": "1"})
    html = page.content.decode()
    assert 'name="q" value="étude"' in html
    assert '<option value="processor" selected>' in html
    assert f'<option value="{osiris.pk}" selected>Osiris</option>' in html
    assert re.search(r'<input type="checkbox" name="overdue"[^>]*checked>', html)
    assert "pour le compte d&#x27;Osiris" in html  # the scope described in the heading


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"date": "31/01/2025"}, "« 31/01/2025 » n&#x27;est pas une date au format AAAA-MM-JJ"),
        ({"date": "2025-02-30"}, "« 2025-02-30 » n&#x27;est pas une date au format AAAA-MM-JJ"),
        ({"date": "20250131"}, "« 20250131 » n&#x27;est pas une date au format AAAA-MM-JJ"),
        ({"date": "2025-W05-1"}, "« 2025-W05-1 » n&#x27;est pas une date au format AAAA-MM-JJ"),
        ({"role": "boss"}, "Rôle inconnu : « boss »"),
        ({"status": "lost"}, "Statut inconnu : « lost »"),
        ({"client": "Nobody"}, "Organisation inconnue : « Nobody »"),
        ({"client": "²"}, "Organisation inconnue : « ² »"),
        ({"client": "9" * 5000}, "Organisation inconnue : « 9999"),
        ({"sensitive": "maybe"}, "Filtre « données sensibles » inconnu : « maybe »"),
        ({"overdue": "perhaps"}, "Filtre « revue en retard » inconnu : « perhaps »"),
        ({"sort": "colour"}, "Tri inconnu : « colour »"),
    ],
)
def test_filter_values_that_cannot_be_understood_are_refused_in_french(manager_client, params, message):
    make_treatment(name="Paie", lines=False)
    response = manager_client.get(LIST, params)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Le filtre demandé ne peut pas être appliqué" in html
    assert message in html
    assert "Paie" not in html  # no list guessed from a filter half understood


def described_by_targets(html):
    """Each id an aria-describedby of the page names, with whether the page has that element."""
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    named = [name for value in re.findall(r'aria-describedby="([^"]*)"', html) for name in value.split()]
    return {name: name in ids for name in named}


def test_the_date_field_is_described_by_its_help_text(manager_client):
    html = manager_client.get(LIST).content.decode()
    assert described_by_targets(html) == {
        "id_day_helptext": True,
        "id_compliance_helptext": True,
        "id_retention_helptext": True,
    }
    assert re.search(
        r'<span id="id_day_helptext">Le registre tel qu&#x27;il était ce jour-là. Format : JJ/MM/AAAA.</span>', html
    )


def test_a_refused_filter_is_named_next_to_its_field(manager_client):
    response = manager_client.get(LIST, {"date": "31/01/2025", "role": "boss", "overdue": "perhaps"})
    html = response.content.decode()
    targets = described_by_targets(html)
    assert set(targets) == {
        "id_day_helptext",
        "id_day_error",
        "id_role_error",
        "id_overdue_error",
        "id_compliance_helptext",
        "id_retention_helptext",
    }
    assert all(targets.values())
    assert re.search(r'<select name="role"[^>]*aria-invalid="true"', html)
    assert re.search(r'id="id_role_error"[^>]*>Rôle inconnu : « boss ».<', html)


def test_a_future_date_is_refused(manager_client):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = manager_client.get(LIST, {"date": tomorrow})
    assert response.status_code == 400
    assert "est dans le futur" in response.content.decode()


def test_sorting_by_a_column_and_back(manager_client):
    make_treatment(reference="T-001", name="Bravo", lines=False)
    make_treatment(reference="T-002", name="Alpha", lines=False)
    make_treatment(reference="T-003", name="Charlie", lines=False)
    assert rows(manager_client.get(LIST)) == ["T-001", "T-002", "T-003"]
    assert rows(manager_client.get(LIST, {"sort": "name"})) == ["T-002", "T-001", "T-003"]
    assert rows(manager_client.get(LIST, {"sort": "-name"})) == ["T-003", "T-001", "T-002"]
    assert rows(manager_client.get(LIST, {"sort": "-reference"})) == ["T-003", "T-002", "T-001"]


def test_sort_links_keep_the_filters_and_reverse_the_active_column(manager_client):
    make_treatment(lines=False)
    html = manager_client.get(LIST, {"role": "controller", "sort": "name"}).content.decode()
    assert 'href="/registre/?role=controller&amp;sort=-name"' in html  # name is active: the link reverses it
    assert 'href="/registre/?role=controller&amp;sort=updated"' in html
    assert 'aria-sort="ascending"' in html


def test_pages_keep_the_filters(manager_client):
    osiris = make_organisation("Osiris")
    for number in range(PAGE_SIZE + 3):
        make_treatment(controller=osiris, role=TreatmentRole.PROCESSOR, name=f"Étude {number}", lines=False)
    make_treatment(name="Paie", lines=False)
    first = manager_client.get(LIST, {"role": "processor"})
    assert count_text(first) == f"{PAGE_SIZE + 3} fiches"
    assert len(rows(first)) == PAGE_SIZE
    assert 'href="?role=processor&amp;page=2"' in first.content.decode()
    second = manager_client.get(LIST, {"role": "processor", "page": 2})
    assert len(rows(second)) == 3


def test_as_of_date_shows_the_register_as_it_stood(manager_client):
    old = make_treatment(name="Ancien nom", lines=False)
    Treatment.history.filter(id=old.pk).update(history_date=timezone.make_aware(timezone.datetime(2024, 1, 10, 9)))
    old.name = "Nouveau nom"
    old.save()
    make_treatment(name="Créée après", lines=False)
    response = manager_client.get(LIST, {"date": "2024-06-30"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Registre tel qu'il était le 30/06/2024" in html
    assert rows(response) == [old.reference]
    assert "Ancien nom" in html and "Nouveau nom" not in html and "Créée après" not in html
    assert f'href="{old.get_absolute_url()}?date=2024-06-30"' in html
    assert "Nouveau nom" in manager_client.get(LIST).content.decode()


def test_as_of_date_combines_with_the_other_filters(manager_client):
    generate_register(4, prefix="B", sensitive_every=1)
    response = manager_client.get(LIST, {"date": "2024-06-30", "role": "processor", "sensitive": "yes"})
    assert rows(response) == ["B-0001", "B-0003"]


# --- the scope shared with exports ---------------------------------------------------


def test_scope_round_trips_through_its_query_string():
    osiris = make_organisation("Osiris")
    params = {"q": "étude", "role": "processor", "status": "all", "client": str(osiris.pk), "sensitive": "no"}
    params |= {"overdue": "1", "date": "2024-06-30", "sort": "-updated"}
    scope = RegisterFilterForm(params).scope
    assert scope.errors == []
    assert scope.to_params() == params
    assert scope.as_of == date(2024, 6, 30)


# --- bounded queries -----------------------------------------------------------------


@pytest.mark.parametrize("fiches", [5, 200])
def test_list_page_runs_the_same_queries_for_5_or_200_fiches(manager_client, django_assert_num_queries, fiches):
    generate_register(fiches, prefix="B")
    # session, user, 2 × permissions, client organisations (one query for the filter form and export menu), count,
    # rows, and the page's lines and actors (10 tables) and DPIA screenings that the compliance column judges
    with django_assert_num_queries(18):
        response = manager_client.get(LIST, {"q": "B-", "sort": "-controller"})
    assert len(rows(response)) == min(fiches, PAGE_SIZE)


@pytest.mark.parametrize("fiches", [5, 200])
def test_list_as_of_a_date_runs_the_same_queries_for_5_or_200_fiches(manager_client, django_assert_num_queries, fiches):
    generate_register(fiches, prefix="B")
    assert CREATED.date() < date(2024, 6, 30)
    with django_assert_num_queries(23):  # the DPIA screenings of the rebuilt fiches included
        response = manager_client.get(LIST, {"date": "2024-06-30"})
    assert len(rows(response)) == min(fiches, PAGE_SIZE)


@pytest.mark.parametrize("fiches", [5, 200])
def test_past_register_searched_or_filtered_on_sensitive_data_runs_the_same_queries_for_5_or_200_fiches(
    manager_client, django_assert_num_queries, monkeypatch, fiches
):
    generate_register(fiches, prefix="B", sensitive_every=1)
    rebuilt = []
    real_rebuild = fiches_view.rebuild
    monkeypatch.setattr(fiches_view, "rebuild", lambda *args: rebuilt.append(len(args[2])) or real_rebuild(*args))
    with django_assert_num_queries(23):  # the DPIA screenings of the rebuilt fiches included
        response = manager_client.get(LIST, {"date": "2024-06-30", "q": "B-", "sensitive": "yes"})
    assert len(rows(response)) == min(fiches, PAGE_SIZE)
    assert rebuilt == [min(fiches, PAGE_SIZE)]  # only the shown page is rebuilt with its lines


def test_past_register_filters_on_the_lines_of_that_day(manager_client):
    fiche = make_treatment(name="Paie", lines=False)
    line = DataCategoryLine.objects.create(
        treatment=fiche,
        category=DataCategory.objects.get(code="health"),
        description="Arrêts maladie",
        retention_value=5,
        art9_exception="b",
    )
    past = timezone.make_aware(timezone.datetime(2024, 1, 10, 9))
    Treatment.history.filter(id=fiche.pk).update(history_date=past)
    DataCategoryLine.history.filter(id=line.pk).update(history_date=past)
    line.delete()  # removed since: today the fiche has no sensitive line, on 30/06/2024 it had one
    make_treatment(name="Prospection", lines=False)
    past_list = {"date": "2024-06-30"}
    assert rows(manager_client.get(LIST, {**past_list, "sensitive": "yes"})) == [fiche.reference]
    assert rows(manager_client.get(LIST, {**past_list, "q": "arrets"})) == [fiche.reference]
    assert rows(manager_client.get(LIST, {"sensitive": "yes"})) == []
    assert rows(manager_client.get(LIST, {"q": "arrets"})) == []


def test_second_page_of_a_past_register_shows_its_own_fiches_with_their_lines(manager_client):
    generate_register(PAGE_SIZE + 2, prefix="B", sensitive_every=1)
    response = manager_client.get(LIST, {"date": "2024-06-30", "page": 2})
    assert rows(response) == [f"B-{PAGE_SIZE:04d}", f"B-{PAGE_SIZE + 1:04d}"]
    html = response.content.decode()

    def row_of(reference):
        start = html.index(f">{reference}</a>")
        return html[start : html.index("</tr>", start)]

    # Every bulk fiche holds a sensitive line: without its lines loaded, a row would say "Non".
    assert ">Oui<" in row_of(f"B-{PAGE_SIZE:04d}") and ">Oui<" in row_of(f"B-{PAGE_SIZE + 1:04d}")


def test_a_client_named_in_the_url_stays_chosen_even_without_processor_fiches(manager_client):
    make_treatment(controller=make_organisation("Osiris"), role=TreatmentRole.PROCESSOR, lines=False)
    verdier = make_organisation("Verdier")
    html = manager_client.get(LIST, {"client": "verdier"}).content.decode()
    select = re.search(r'<select name="client".*?</select>', html, re.S).group(0)
    assert f'<option value="{verdier.pk}" selected>Verdier</option>' in select
    assert "Osiris" in select


def test_scope_builds_the_url_of_its_list():
    osiris = make_organisation("Osiris")
    scope = RegisterFilterForm({"role": "processor", "client": "Osiris", "sort": "name"}).scope
    assert scope.url() == f"/registre/?role=processor&client={osiris.pk}&sort=name"
    assert scope.url(sort="reference") == f"/registre/?role=processor&client={osiris.pk}"
    assert RegisterScope().url() == "/registre/"


def test_scope_sentence_elides_before_a_vowel():
    assert RegisterScope(client=make_organisation("Osiris")).describe() == "pour le compte d'Osiris"
    assert RegisterScope(client=make_organisation("Verdier")).describe() == "pour le compte de Verdier"
