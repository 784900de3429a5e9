"""A French DPO on an American Chromium types 31/01/2025 in the « as of » boxes of the list
and of the history page: the register of that day is shown, its URL in ISO 8601, and the box
says 31/01/2025 — the browser's locale plays no part."""

import re
from datetime import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from register.models import Treatment
from tests.conftest import make_treatment, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def american_page(browser):
    context = browser.new_context(
        locale="en-US", timezone_id="America/New_York", viewport={"width": 1366, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


def test_a_french_date_typed_on_an_american_browser_shows_the_register_of_that_day(live_server, american_page, log_in):
    page = american_page
    old = make_treatment(name="Prospection 2024", lines=False)
    Treatment.history.filter(id=old.pk).update(history_date=timezone.make_aware(datetime(2024, 1, 10, 9)))
    make_user("manager", "Manager")
    log_in("manager", on=page)
    assert page.evaluate("navigator.language") == "en-US"
    page.goto(f"{live_server.url}/registre/")

    page.get_by_label("État au").fill("31/01/2025")
    page.get_by_role("button", name="Filtrer").click()
    expect(page).to_have_url(re.compile(r"/registre/\?date=2025-01-31$"))
    expect(page.get_by_text("Registre tel qu'il était le 31/01/2025")).to_be_visible()
    expect(page.get_by_label("État au")).to_have_value("31/01/2025")
    expect(page.get_by_role("link", name="Prospection 2024")).to_be_visible()

    page.get_by_label("État au").fill("01/31/2025")  # the American order is not guessed
    page.get_by_role("button", name="Filtrer").click()
    expect(page.get_by_role("alert")).to_contain_text("« 01/31/2025 » n'existe pas dans le calendrier")
    expect(page.get_by_label("État au")).to_have_value("01/31/2025")

    page.goto(f"{live_server.url}{old.get_absolute_url()}historique/")
    page.get_by_label("Voir le registre au").fill("31/01/2025")
    page.get_by_role("button", name="Afficher").click()
    expect(page).to_have_url(re.compile(r"/registre/\?date=2025-01-31$"))
    expect(page.get_by_label("État au")).to_have_value("31/01/2025")
