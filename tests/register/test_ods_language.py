"""Read in English, the site still hands out the ODS in French (the CNIL template the import
reads back and the CNIL receives), and says so beside the ODS buttons; the PDF follows the
language (tests/register/test_pdf_documents.py)."""

import re
from html import unescape

import pytest
from django.urls import reverse

from tests.conftest import make_treatment

pytestmark = pytest.mark.django_db
NOTE = "The ODS file stays in French: it is the CNIL's register template"


def ods_button(html):
    return re.search(r'<a [^>]*href="[^"]*export\.ods[^"]*"[^>]*>[^<]*</a>', html).group(0)


@pytest.mark.parametrize("page", ["list", "fiche"])
def test_in_english_the_ods_buttons_say_the_file_stays_in_french(dpo_client, page):
    treatment = make_treatment(lines=False)
    dpo_client.cookies.load({"django_language": "en"})
    url = reverse("register:list") if page == "list" else treatment.get_absolute_url()
    html = unescape(dpo_client.get(url).content.decode())
    assert re.search(rf'<p [^>]*id="ods-language-note"[^>]*>{re.escape(NOTE)}', html)
    assert 'aria-describedby="ods-language-note"' in ods_button(html)
    assert html.count('id="ods-language-note"') == 1


@pytest.mark.parametrize("page", ["list", "fiche"])
def test_in_french_no_note_is_needed(dpo_client, page):
    treatment = make_treatment(lines=False)
    url = reverse("register:list") if page == "list" else treatment.get_absolute_url()
    html = dpo_client.get(url).content.decode()
    assert "ods-language-note" not in html and "reste en français" not in html
