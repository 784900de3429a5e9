"""`python manage.py check_register [--format text|json] [--client NAME]`: the findings of the
whole register, for a scheduled job.

It prints what the findings page lists (compliance.findings.collect, the same filters form)
and exits with status 1 when a blocking finding exists, 0 otherwise; an unknown client is
a usage error (status 2). JSON is a list of objects with severity, rule, reference, subject,
message, fix (and kind, article, url), in the order of gravity.
"""

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from register.models import Organisation

from ...findings import collect
from ...forms import FindingsFilterForm
from ...score import FORMULA


def finding_object(row):
    finding = row.finding
    return {
        "severity": str(finding.severity),
        "rule": finding.rule,
        "kind": row.kind,
        "reference": row.reference,
        "subject": finding.subject_label,
        "message": str(finding.message),
        "article": str(finding.article),
        "fix": str(finding.fix),
        "url": finding.url,
    }


class Command(BaseCommand):
    help = "Prints the compliance findings of the register; exits with 1 when one of them is blocking."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")
        parser.add_argument("--client", default="", help="only what is done for this client (name or number)")

    def handle(self, *args, **options):
        form = FindingsFilterForm({"client": options["client"]}, clients=Organisation.objects.processor_clients())
        scope = form.scope
        if scope.errors:
            raise CommandError(" ".join(scope.errors), returncode=2)
        report = collect(scope)
        if options["format"] == "json":
            self.stdout.write(json.dumps([finding_object(row) for row in report.rows], ensure_ascii=False, indent=2))
        else:
            self.write_text(report)
        if report.has_blocking:
            sys.exit(1)

    def write_text(self, report):
        for row in report.rows:
            finding = row.finding
            article = f" ({finding.article})" if finding.article else ""
            self.stdout.write(f"[{finding.severity_label}] {finding.subject_label} : {finding.message}{article}")
            if finding.fix:
                self.stdout.write(f"    → {finding.fix}")
        counts = ", ".join(f"{label} : {count}" for _severity, label, count in report.count_list)
        self.stdout.write(_("%(count)s constat(s) — %(counts)s.") % {"count": len(report.rows), "counts": counts})
        if report.register_score is not None:
            self.stdout.write(_("Score du registre : %(score)s / 100") % {"score": report.register_score})
            self.stdout.write(str(FORMULA))
