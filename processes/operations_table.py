"""The operations table (reference section 11): one row per operation on personal data, in
flow order, in the column order DPOs use. The page, the PDFs and the ODS read these rows."""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from register import compliance
from register.models import Treatment

from .models import Operation

# (heading, ODS column width in cm), in the order of the DPOs' table.
COLUMNS = (
    (_("Description de l'opération"), 6.5),
    (_("Référence"), 2.2),
    (_("Finalité de l'opération"), 5.5),
    (_("Catégories de données personnelles concernées"), 5),
    (_("Catégories de personnes concernées"), 4.5),
    (_("Destinataires"), 5.5),
)


def personal_data_operations(process):
    """The operations of `process` on personal data, in flow order, with everything their row
    and their compliance check read: a fixed number of queries whatever their number."""
    fiches = Treatment.objects.prefetch_related("data_lines", "data_subject_lines", "recipients")
    return (
        Operation.objects.filter(process=process, personal_data=True)
        .prefetch_related("data_categories", "data_subjects", "recipients", Prefetch("treatment", queryset=fiches))
        .order_by("position", "id")
    )


@dataclass(frozen=True)
class OperationRow:
    operation: Operation
    cells: tuple  # the six cells, as text, in COLUMNS order
    findings: tuple = ()  # its compliance findings, on the page

    @classmethod
    def of(cls, operation, findings=()):
        return cls(
            operation,
            (
                operation.description,
                operation.reference,
                operation.purpose,
                ", ".join(category.short_label for category in operation.data_categories.all()),
                ", ".join(category.short_label for category in operation.data_subjects.all()),
                operation.recipients_label,
            ),
            tuple(findings),
        )

    @property
    def fiche(self):
        return self.operation.treatment


def operation_rows(process, *, with_findings=False):
    """The rows of the table of `process`; with their findings (today) for the page."""
    return [
        OperationRow.of(operation, compliance.findings_for(operation) if with_findings else ())
        for operation in personal_data_operations(process)
    ]


def headings():
    return [str(heading) for heading, _width in COLUMNS]


FICHE_HEADING = _("Fiche du registre")


def fiche_cell(row):
    return f"{row.fiche.reference} — {row.fiche.name}" if row.fiche else str(_("Aucune fiche"))


def operation_url(operation):
    """Where an operation is shown: its row on the process page, or on the operations table
    while the process page is not installed."""
    try:
        page = reverse("processes:detail", args=[operation.process_id])
    except NoReverseMatch:
        page = reverse("processes:operations", args=[operation.process_id])
    return f"{page}#operation-{operation.pk}"
