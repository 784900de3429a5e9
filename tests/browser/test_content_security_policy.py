"""No page of the app or of the admin breaks its own Content-Security-Policy.

The policy (settings.CONTENT_SECURITY_POLICY) refuses inline scripts and styles. Chromium
reports every refusal as a `securitypolicyviolation` event and a console message; both are
collected for each page visited as the role that uses it (scripts run, rows added and
removed), with any script error, and the served page must carry the header.
"""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.urls import reverse

from incidents.models import Incident
from register.models import Organisation, Treatment
from rights.models import DataSubjectRequest
from tests.conftest import make_user

PASSWORD = "demo-browser-pass-42"
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", event => window.reportPolicyViolation(
  `${event.effectiveDirective} refused ${event.blockedURI || "inline"}`
  + ` at ${event.sourceFile || event.documentURI}:${event.lineNumber}`
), true);
"""


class PolicyWatch:
    """What the browser refused on a page, and whether the page carried the policy.

    The listener is installed before any page script runs (init script, which the policy
    does not govern) and reports through a Playwright binding, so it survives navigations.
    """

    def __init__(self, page):
        self.page = page
        self.problems = {}
        self.current = "(before any page)"
        page.expose_function("reportPolicyViolation", self._note)
        page.add_init_script(REPORT_VIOLATIONS)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self._note(f"script error: {error}"))

    def _note(self, text):
        self.problems.setdefault(self.current, []).append(text)

    def _console(self, message):
        if "Content Security Policy" in message.text:
            self._note(f"console: {message.text}")

    def visit(self, live_server, path, *, expected_status=200):
        self.current = path
        response = self.page.goto(f"{live_server.url}{path}")
        assert response.status == expected_status, (path, response.status)
        header = response.headers.get("content-security-policy")
        assert parse_policy(header) == settings_policy(), (path, header)
        self.page.wait_for_load_state("load")
        return response

    def settle(self):
        """Lets the events of what the page just did reach the binding."""
        self.page.evaluate("new Promise(resolve => setTimeout(resolve, 50))")

    def assert_clean(self):
        self.settle()
        assert not self.problems, "\n".join(f"{path}: {found}" for path, found in self.problems.items())


def parse_policy(header):
    """{directive: its sources} of a header (django-csp writes directives in no set order)."""
    return {name: sorted(values) for name, *values in (part.split() for part in (header or "").split(";"))}


def settings_policy():
    return {name: sorted(values) for name, values in settings.CONTENT_SECURITY_POLICY["DIRECTIVES"].items()}


@pytest.fixture
def demo():
    call_command("load_demo", password=PASSWORD, verbosity=0)


@pytest.fixture
def watch(page):
    return PolicyWatch(page)


def test_the_watch_sees_an_inline_style_and_an_inline_script_refused(live_server, page, watch):
    watch.visit(live_server, "/connexion/")
    page.evaluate("""() => {
        document.body.setAttribute("style", "color: red");
        const script = document.createElement("script");
        script.textContent = "window.inlineRan = true";
        document.body.append(script);
    }""")
    watch.settle()
    found = " ".join(watch.problems.get("/connexion/", []))
    assert "style-src-attr" in found and "script-src-elem" in found, watch.problems
    assert page.evaluate("window.inlineRan") is None
    assert page.evaluate("getComputedStyle(document.body).color") != "rgb(255, 0, 0)"


def test_anonymous_pages_break_no_policy(live_server, watch):
    watch.visit(live_server, "/connexion/")
    watch.visit(live_server, "/page-qui-n-existe-pas/", expected_status=404)
    watch.assert_clean()


def test_the_dpo_pages_and_their_scripts_break_no_policy(demo, live_server, page, log_in, watch):
    log_in("dpo", PASSWORD)
    fiche = Treatment.objects.order_by("reference").first()
    incident = Incident.objects.order_by("number").first().number
    watch.visit(live_server, "/registre/")
    page.get_by_role("button", name="Autres registres").click()  # Bootstrap's dropdown (Popper)
    watch.visit(live_server, fiche.get_absolute_url())
    assert page.locator("progress.completeness").get_attribute("value").isdigit()
    watch.visit(live_server, reverse("register:history", args=[fiche.reference]))

    watch.visit(live_server, reverse("register:edit", args=[fiche.reference]))
    rows = page.locator("#donnees [data-row]")
    count = rows.count()
    page.locator("#donnees [data-add-row]").click()
    assert rows.count() == count + 1
    rows.last.locator("[data-remove-row]").click()  # a new row goes at once
    assert rows.count() == count
    rows.first.locator("select[name$='-category']").select_option(index=1)  # shows or hides the art. 9(2) field
    rows.first.locator("[data-remove-row]").click()  # a saved one is marked for deletion
    assert "line-deleted" in rows.first.get_attribute("class")

    for path in (
        reverse("register:import"),
        reverse("incidents:list"),
        f"/incidents/{incident}/",
        f"/incidents/{incident}/qualifier/",
        "/incidents/signaler/",
        "/incidents/violations/",
        reverse("rights:list"),
        reverse("rights:create"),
        f"/demandes/{DataSubjectRequest.objects.order_by('number').first().number}/",
        f"/demandes/{DataSubjectRequest.objects.order_by('number').first().number}/modifier/",
        "/admin/rights/datasubjectrequest/",
        reverse("audit:journal"),
        "/admin/",
        "/admin/register/treatment/",
        f"/admin/register/treatment/{fiche.pk}/change/",
        f"/admin/register/treatment/{fiche.pk}/history/",
        f"/admin/register/treatment/{fiche.pk}/history/{fiche.history.latest().history_id}/",
        "/admin/incidents/incident/",
        f"/admin/register/organisation/{Organisation.objects.order_by('pk').first().pk}/change/",
    ):
        watch.visit(live_server, path)
    watch.visit(live_server, "/registre/ZZZ-404/", expected_status=404)
    watch.assert_clean()


def test_the_auditor_admin_pages_break_no_policy(demo, live_server, log_in, watch):
    log_in("auditor", PASSWORD)
    watch.visit(live_server, "/admin/audit/auditentry/")
    watch.visit(live_server, "/admin/register/datacategory/")
    watch.assert_clean()


def test_the_superuser_admin_pages_and_widgets_break_no_policy(demo, live_server, page, log_in, watch):
    make_user("root", is_staff=True, is_superuser=True)
    log_in("root")
    fiche = Treatment.objects.order_by("reference").first()
    watch.visit(live_server, f"/admin/auth/user/{User.objects.get(username='dpo').pk}/change/")
    page.locator("#id_groups_add_all").click()  # SelectFilter2's two-list picker, built by its script
    watch.visit(live_server, f"/admin/auth/group/{Group.objects.get(name='DPO').pk}/change/")
    watch.visit(live_server, "/admin/register/organisation/add/")
    watch.visit(live_server, "/admin/axes/accessattempt/")
    watch.visit(live_server, f"/admin/register/treatment/{fiche.pk}/delete/")
    watch.visit(live_server, f"/registre/{fiche.reference}/supprimer/")
    watch.assert_clean()


def test_the_process_pages_and_the_editors_script_break_no_policy(demo, live_server, page, log_in, watch):
    from processes.models import CollectionForm, Process

    log_in("dpo", PASSWORD)
    process = Process.objects.order_by("pk").first()
    form = CollectionForm.objects.order_by("pk").first()
    watch.visit(live_server, reverse("processes:list"))
    watch.visit(live_server, process.get_absolute_url())
    assert page.evaluate("document.getElementById('diagramme').naturalWidth") > 100
    watch.visit(live_server, reverse("processes:operations", args=[process.pk]))
    watch.visit(live_server, reverse("processes:edit", args=[process.pk]))
    rows = page.locator("#table-actors [data-row]")
    count = rows.count()
    page.locator("#table-actors [data-add-row]").click()  # the editor's script adds a row
    assert rows.count() == count + 1
    for path in (
        reverse("processes:form_list"),
        form.get_absolute_url(),
        reverse("processes:form_edit", args=[form.pk]),
    ):
        watch.visit(live_server, path)
    watch.assert_clean()
