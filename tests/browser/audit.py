"""Checks a page against WCAG 2.1 A/AA with axe-core, and its served HTML with the Nu HTML Checker.

axe-core is vendored under static/vendor/ but only the tests inject it: no page of the app
loads it. It is added as a <script src> from the app's own static files, which the
Content-Security-Policy (script-src 'self') lets run: an inline copy would be refused.
The Nu HTML Checker (vnu.jar, from npm's `vnu-jar` package installed by `make browser-deps`
into node_modules/) runs once for many files: one JVM start per call.
"""

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urljoin

import pytest
from django.templatetags.static import static

ROOT = Path(__file__).resolve().parents[2]
AXE = next((ROOT / "static" / "vendor").glob("axe-core-*/axe.min.js"))
AXE_STATIC_NAME = AXE.relative_to(ROOT / "static").as_posix()
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
WCAG21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


class Audit:
    """Collects what axe-core and the served HTML of each visited page say; asserted at the end.

    Every problem of every page is gathered before failing, so one run lists them all.
    """

    def __init__(self, page, folder):
        self.page = page
        self.folder = folder
        self.folder.mkdir(parents=True, exist_ok=True)
        self.violations = {}
        self.documents = {}
        self.last_document = None
        page.on("response", self._remember_document)

    def _remember_document(self, response):
        if response.request.resource_type == "document" and response.frame == self.page.main_frame:
            self.last_document = response

    def check(self, name, *, expected_status=200):
        """Runs axe-core on the page as it is now and keeps the HTML the server sent for it."""
        page = self.page
        page.wait_for_load_state()
        document = self.last_document
        assert document is not None and document.status == expected_status, (name, document and document.status)
        assert page.evaluate("typeof window.axe") == "undefined", f"{name}: the app itself loads axe-core"
        # Colours are judged once CSS transitions have settled (an opened menu's toggle fades
        # to its pressed colour: read mid-fade, it shows a contrast no user sees for long).
        page.evaluate("Promise.all(document.getAnimations().map(animation => animation.finished))")
        page.add_script_tag(url=urljoin(page.url, static(AXE_STATIC_NAME)))
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            WCAG21_AA,
        )
        page.evaluate("delete window.axe")
        self.violations[name] = [
            f"{violation['id']} ({violation['impact']}, {len(violation['nodes'])} element(s)): {violation['help']} — "
            + "; ".join(
                " ".join(node["target"])
                + (f" [{node['failureSummary'].splitlines()[-1].strip()}]" if node.get("failureSummary") else "")
                for node in violation["nodes"][:5]
            )
            for violation in result["violations"]
        ]
        path = self.folder / f"{len(self.documents):02d}-{name}.html"
        path.write_bytes(document.body())
        self.documents[name] = path

    def html_errors(self):
        """The Nu HTML Checker's errors per page, from one run over every kept document."""
        if not VNU.exists():
            pytest.fail(f"The Nu HTML Checker is missing at {VNU}: run `make browser-deps` (npm ci).")
        java = shutil.which("java")
        if not java:
            pytest.fail("Java is missing for the Nu HTML Checker: run `make browser-deps` (default-jre-headless).")
        names = {str(path.resolve()): name for name, path in self.documents.items()}
        run = subprocess.run(
            [
                java,
                "-jar",
                str(VNU),
                "--errors-only",
                "--format",
                "json",
                "--stdout",
                *map(str, self.documents.values()),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        assert run.stdout, run.stderr
        report = json.loads(run.stdout)
        errors = {}
        for message in report["messages"]:
            url = message.get("url", "")
            name = names.get(url.removeprefix("file:"), url)
            errors.setdefault(name, []).append(
                f"line {message.get('lastLine')}: {message['message']} «{message.get('extract', '').strip()}»"
            )
        return errors

    def assert_clean(self):
        problems = {name: found for name, found in self.violations.items() if found}
        html = self.html_errors()
        lines = [
            f"{name}: axe-core {len(found)} violation(s)\n    " + "\n    ".join(found)
            for name, found in problems.items()
        ]
        lines += [f"{name}: HTML {len(found)} error(s)\n    " + "\n    ".join(found) for name, found in html.items()]
        assert not lines, f"{len(self.violations)} pages checked:\n" + "\n".join(lines)


def _describe(node):
    summary = (node.get("failureSummary") or "").strip().splitlines()
    return " ".join(node["target"]) + (f" [{summary[-1].strip()}]" if summary else "")


def _indented(found):
    return "".join(f"\n    {line}" for line in found)
