import pytest

from register.models import (
    Country,
    DataCategory,
    DataSubjectCategory,
    RecipientCategory,
    SecurityMeasureCategory,
    TransferSafeguard,
)

pytestmark = pytest.mark.django_db


def test_data_categories_hold_the_nine_common_and_the_sensitive_ones():
    common = DataCategory.objects.filter(is_sensitive=False)
    sensitive = DataCategory.objects.filter(is_sensitive=True)
    assert common.count() == 9
    assert set(sensitive.values_list("code", flat=True)) == {
        "racial_ethnic_origin",
        "political_opinions",
        "religious_beliefs",
        "trade_union",
        "genetic",
        "biometric",
        "health",
        "sex_life",
        "criminal",
    }
    assert sensitive.get(code="criminal").article == "art. 10"
    assert sensitive.get(code="health").article == "art. 9(1)"


def test_other_catalogs_follow_the_cnil_template():
    assert DataSubjectCategory.objects.count() == 8
    assert DataSubjectCategory.objects.filter(code="prospects").exists()
    assert RecipientCategory.objects.count() == 5
    assert SecurityMeasureCategory.objects.count() == 7
    assert dict(TransferSafeguard.objects.values_list("code", "article")) == {
        "adequacy": "art. 45",
        "scc": "art. 46(2)(c)",
        "bcr": "art. 47",
        "code_of_conduct": "art. 46(2)(e)",
        "certification": "art. 46(2)(f)",
        "derogation": "art. 49",
    }


def test_country_table_marks_eu_eea_and_adequacy():
    assert Country.objects.filter(is_eu_eea=True).count() == 30  # 27 EU + Iceland, Liechtenstein, Norway
    assert Country.objects.get(code="CH").has_adequacy_decision
    assert not Country.objects.get(code="MA").has_adequacy_decision
    assert not Country.objects.get(code="FR").has_adequacy_decision and Country.objects.get(code="FR").is_eu_eea
