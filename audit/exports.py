"""The journal's entries as an ODS file, built with the register's spreadsheet writer."""

import json

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from register.cnil import MIMETYPE
from register.exports.odf_writer import Cell, Sheet, build_spreadsheet

COLUMNS = (
    (gettext_lazy("Date et heure"), 3.6),
    (gettext_lazy("Action"), 4.5),
    (gettext_lazy("Utilisateur"), 3.2),
    (gettext_lazy("Adresse"), 3.2),
    (gettext_lazy("Navigateur"), 6),
    (gettext_lazy("Objet"), 9),
    (gettext_lazy("Détails"), 10),
)


def build_journal_ods(entries, *, description="", generated_by=""):
    """(filename, mimetype, bytes) of `entries` (a queryset of AuditEntry), one row each."""
    with translation.override("fr"):  # evidence kept in French, as the entries are written
        generated_at = timezone.localtime()
        sheet = Sheet(_("Journal d'audit"), widths_cm=[width for _label, width in COLUMNS])
        title = _("Journal d'audit — %(scope)s") % {"scope": description or _("toutes les entrées")}
        sheet.add_row(Cell(title, "title", span=len(COLUMNS)))
        extracted = _("Extrait le %(moment)s par %(who)s") % {
            "moment": generated_at.strftime("%d/%m/%Y %H:%M"),
            "who": generated_by or "—",
        }
        sheet.add_row(Cell(extracted, "muted", span=len(COLUMNS)))
        sheet.add_blank_row()
        sheet.add_row(*(Cell(str(label), "header") for label, _width in COLUMNS))
        for entry in entries.iterator(chunk_size=2000):
            sheet.add_row(
                timezone.localtime(entry.at).strftime("%d/%m/%Y %H:%M:%S"),
                entry.get_action_display(),
                entry.username,
                entry.address or "",
                entry.user_agent,
                entry.summary,
                json.dumps(entry.details, ensure_ascii=False, sort_keys=True) if entry.details else "",
            )
        content = build_spreadsheet([sheet], title=title, creator=generated_by, created=generated_at)
    return f"journal-audit-{generated_at.date().isoformat()}.ods", MIMETYPE, content
