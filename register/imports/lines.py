"""The rows of a fiche's tables: data categories with their retention, and the others.

A row counts as soon as one of its value cells is filled; its label (data categories)
or its section (persons, recipients, security measures, transfers) says what it is.
"""

from django.utils.translation import gettext as _

from ..cnil import lists, matching
from ..models import suggests_call_recording
from .drafts import LineDraft
from .odf_reader import value_text
from .retention import RetentionError, parse_retention

UNKNOWN_VALUE = "valeur « %(text)s » inconnue ; valeurs acceptées : %(expected)s."
DATA_EXTRAS = (
    ("retention_end", "retention_end"),
    ("source", "source"),
    ("art9_exception", "art9"),
    ("nature", "nature"),
)
RECORDING_ANSWERS = {"oui": True, "non": False}  # the « Enregistrement d'appels » column of the app's export


def _unknown(text, expected):
    return _(UNKNOWN_VALUE) % {"text": text, "expected": expected}


def _labels(table_labels):
    return " ; ".join(table_labels.values())


def _retention_column(reader, cells):
    """The retention column: its header's, else the first filled cell after the description."""
    column = reader.column("retention")
    if column is not None:
        return column
    description = reader.column("description")
    claimed = set(reader.columns[reader.section].values())
    later = [c for c in reader.values_right(cells) if c > description and c not in claimed]
    return min(later) if later else description + 3


def read_data_row(reader, row, cells, label):
    """A row of "Catégories de données personnelles" or "Données sensibles"."""
    register, catalogs = reader.register, reader.catalogs

    def text(name):
        column = reader.column(name)
        return value_text(cells.get(column)) if column is not None else ""

    def where(name=None, column=None):
        return reader.where(row, column if column is not None else reader.column(name), label)

    description = text("description")
    retention_column = _retention_column(reader, cells)
    retention_text = value_text(cells.get(retention_column))
    remark = text("remark")
    extras = {name: text(column) for name, column in DATA_EXTRAS}
    if not (description or retention_text or remark or any(extras.values())):
        return
    category = catalogs.find(catalogs.data_categories, label, where(column=reader.label_column), register)
    if category is None:
        register.error(
            where(column=reader.label_column),
            _(
                "catégorie de données « %(label)s » inconnue ; attendu : "
                "une catégorie du modèle de la CNIL (%(expected)s)."
            )
            % {"label": label, "expected": _labels(lists.DATA_CATEGORY_LABELS)},
        )
        return
    fields = {"category": category, "description": description, "retention_remark": remark}
    if not description:
        register.error(where("description"), _("la description des données est manquante."))
    if not retention_text:
        register.error(where(column=retention_column), _("la durée de conservation est manquante."))
    else:
        # The app's own export gives remarks their own column: its retention cell has none.
        split_remark = "remark" not in reader.headers.get(reader.section, ())
        try:
            retention = parse_retention(retention_text, split_remark=split_remark)
        except RetentionError as error:
            register.error(where(column=retention_column), error)
        else:
            fields.update(
                retention_value=retention.value,
                retention_unit=retention.unit,
                retention_start=retention.start,
                retention_start_other=retention.start_other,
                retention_remark=" — ".join(filter(None, [remark, retention.remark])),
            )
    for name, choice in DATA_EXTRAS:
        if extras[name]:
            value = catalogs.choice(choice, extras[name], where(choice), register)
            if value is None:
                register.error(where(choice), _unknown(extras[name], catalogs.expected(choice)))
            else:
                fields[name] = value
    recording = text("call_recording")
    if recording and recording.strip().lower() not in RECORDING_ANSWERS:
        register.error(
            where("call_recording"),
            _("« %(value)s » : répondez Oui ou Non (enregistrement d'appels).") % {"value": recording},
        )
    elif recording:  # the DPO's answer, as the app exported it or as typed: taken as it is
        fields["is_call_recording"] = RECORDING_ANSWERS[recording.strip().lower()]
    elif suggests_call_recording(description):
        # Proposed from the text only: the preview says so and the DPO confirms the import or not.
        fields["is_call_recording"] = True
        register.warn(
            where("description"),
            _("ligne proposée comme enregistrement d'appels d'après sa description : vérifiez avant de confirmer."),
        )
    reader.fiche.data_lines.append(LineDraft(fields, where("description"), note=retention_text))


def read_line_row(reader, row, cells, label):
    """A row of the persons, recipients, security measures or transfers tables."""
    register, catalogs, section = reader.register, reader.catalogs, reader.section

    def text(name):
        column = reader.column(name)
        return value_text(cells.get(column)) if column is not None else ""

    def where(name):
        return reader.where(row, reader.column(name), label)

    if section == "transfers":
        _read_transfer(reader, catalogs, register, text, where)
        return
    tables = {
        "subjects": (catalogs.data_subjects, lists.DATA_SUBJECT_LABELS, reader.fiche.data_subject_lines),
        "recipients": (catalogs.recipients, lists.RECIPIENT_LABELS, reader.fiche.recipients),
        "security": (catalogs.security_measures, lists.SECURITY_MEASURE_LABELS, reader.fiche.security_measures),
    }
    table, labels, lines = tables[section]
    category_text, detail = text("category"), text("detail")
    category = catalogs.find(table, category_text, where("category"), register) if category_text else None
    if not category_text:
        register.error(
            where("category"),
            _("le type est manquant ; valeurs acceptées : %(expected)s.") % {"expected": _labels(labels)},
        )
        return
    if category is None:
        register.error(where("category"), _unknown(category_text, _labels(labels)))
        return
    if section == "subjects":
        fields = {"category": category, "detail": detail}
    elif section == "recipients":
        fields = {"category": category, "name": detail or labels.get(category.code, category.label)}
        fields["organisation_name"] = text("organisation")
    else:
        fields = {"category": category, "description": detail}
    lines.append(LineDraft(fields, where("category")))


def _read_transfer(reader, catalogs, register, text, where):
    recipient, country_text, safeguard_text = text("recipient"), text("country"), text("safeguard")
    fields = {"recipient": recipient, "document_reference": text("document")}
    if not recipient:
        register.error(where("recipient"), _("le destinataire du transfert est manquant."))
    country = catalogs.find(catalogs.countries, country_text, where("country"), register)
    if country is None:
        register.error(
            where("country"),
            _("pays « %(text)s » inconnu du référentiel des pays (ajoutez-le dans l'administration).")
            % {"text": country_text}
            if country_text
            else _("le pays du transfert est manquant."),
        )
    safeguard = catalogs.find(catalogs.safeguards, safeguard_text, where("safeguard"), register)
    if safeguard is None:
        if matching.key(safeguard_text) in {matching.key(void) for void in lists.VOID_SAFEGUARDS}:
            message = _(
                "le Privacy Shield a été invalidé par la CJUE (arrêt C-311/18, 2020) : indiquez la garantie "
                "actuelle (pour les États-Unis, décision d'adéquation du Data Privacy Framework)."
            )
        elif safeguard_text:
            message = _unknown(safeguard_text, _labels(lists.SAFEGUARD_LABELS))
        else:
            message = _("la garantie du transfert est manquante ; valeurs acceptées : %(expected)s.") % {
                "expected": _labels(lists.SAFEGUARD_LABELS)
            }
        register.error(where("safeguard"), message)
    if country is not None and safeguard is not None and recipient:
        fields.update(country=country, safeguard=safeguard)
        reader.fiche.transfers.append(LineDraft(fields, where("recipient")))
