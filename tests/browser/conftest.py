"""Playwright driving Debian's Chromium (Playwright's own browser download cannot work here).

One browser for the whole session (pytest-django's live_server is session-wide too); each
test gets fresh pages, each in its own context so that two users stay two sessions.
"""

import os
import re
from pathlib import Path

import pytest

from tests.conftest import PASSWORD

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM}: run `make browser-deps`.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser):
    """Opens a page in a context of its own (own cookies: one user each); all closed after the test."""
    contexts = []

    def new_page():
        context = browser.new_context(locale="fr-FR", viewport={"width": 1366, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15000)
        return page

    yield new_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def log_in(page, live_server):
    """Logs a user in through the login form, on the test's page unless another is given.

    The user lands on his first page: the dashboard for a reader of the register, the
    incident report for a member of staff without register rights (compliance.views.home).
    """

    def log_in(username, password=PASSWORD, *, on=None):
        target = on or page
        target.goto(f"{live_server.url}/connexion/")
        target.get_by_label("Nom d’utilisateur").fill(username)
        target.get_by_label("Mot de passe").fill(password)
        target.get_by_role("button", name="Se connecter").click()
        target.wait_for_url(re.compile(r"/(conformite|incidents/signaler)/$"))
        return target

    return log_in
