"""The fiche form's sections are defined once (forms/fiche.py) and the page follows them."""

import re

import pytest
from django.urls import reverse

from register.forms.fiche import FORMSETS, fiche_sections
from register.forms.treatment import TreatmentForm
from tests.conftest import make_organisation


def test_every_field_and_table_of_the_form_is_placed_in_exactly_one_section():
    fields = [name for section in fiche_sections() for name in section.fields]
    tables = [item.prefix for section in fiche_sections() for item in section.items if item.is_formset]
    assert sorted(fields) == sorted(set(TreatmentForm.base_fields) - {"loaded_version"})
    assert sorted(tables) == sorted(prefix for prefix, _formset in FORMSETS)


@pytest.mark.django_db
def test_the_page_shows_the_sections_and_their_fields_in_the_defined_order(dpo_client):
    make_organisation("Osiris")  # so that the joint controller and processor boxes have a choice
    html = dpo_client.get(reverse("register:create")).content.decode()
    blocks = re.findall(r'<section class="fiche-form-section" id="([^"]+)">(.*?)</section>', html, re.S)
    assert [anchor for anchor, _block in blocks] == [section.anchor for section in fiche_sections()]
    for (_anchor, block), section in zip(blocks, fiche_sections(), strict=True):
        names = []
        for item in section.items:
            names.append(item.prefix + "-TOTAL_FORMS" if item.is_formset else item.name)
        shown = [name for name in re.findall(r'name="([^"]+)"', block) if name in names]
        assert list(dict.fromkeys(shown)) == names
