"""The notification draft: the art. 33(3) items in the order of the CNIL's online form.

The CNIL's teleservice (notifications.cnil.fr) asks, in this order: the kind of
notification, the organisation and who to contact, the breach's dates and circumstances,
its nature, the data and persons concerned, the likely consequences, the measures taken
or proposed, the information of the persons, and, when late, why. The draft gathers what
the incident says under those headings, ready to copy, and lists what is still missing.
For a breach in a processing done for a client, it also drafts CentreCall's message to
that client (art. 33(2)): the client is the controller who notifies.
"""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from register.models import Organisation


@dataclass
class DraftSection:
    title: str
    article: str
    items: list = field(default_factory=list)  # (label, text); text "" when missing


@dataclass
class NotificationDraft:
    sections: list
    missing: list  # labels of the items still empty
    client_message: str = ""


def _local(moment):
    return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M") if moment else ""


def build_draft(incident):
    organisation = Organisation.objects.prefetch_related("contacts").own()
    dpo = organisation.dpo if organisation else None
    notifications = list(incident.notifications.all())
    actions = list(incident.corrective_actions.all())
    kind = _("Notification complémentaire (art. 33(4))") if notifications else _("Notification initiale")
    sections = [
        DraftSection(_("1. Type de notification"), "art. 33(4)", [(_("Type"), kind)]),
        DraftSection(
            _("2. Organisme et personne à contacter"),
            "art. 33(3)(b)",
            [
                (_("Organisme"), organisation.name if organisation else ""),
                (_("SIREN"), organisation.siren if organisation else ""),
                (_("Délégué à la protection des données"), dpo.name if dpo else ""),
                (_("Courriel du DPO"), dpo.email if dpo else ""),
                (_("Téléphone du DPO"), dpo.phone if dpo else ""),
            ],
        ),
        DraftSection(
            _("3. Dates et circonstances de la violation"),
            "art. 33(3)(a)",
            [
                (_("Date de début"), _local(incident.occurred_at)),
                (_("Prise de connaissance"), _local(incident.aware_at)),
                (_("Circonstances"), f"{incident.subject}\n{incident.message}".strip()),
                (_("Application concernée"), incident.source_application),
            ],
        ),
        DraftSection(
            _("4. Nature de la violation"),
            "art. 33(3)(a)",
            [
                (_("Atteinte"), ", ".join(incident.kinds)),
                (_("Analyse"), incident.breach_reasoning),
            ],
        ),
        DraftSection(
            _("5. Données et personnes concernées"),
            "art. 33(3)(a)",
            [
                (_("Catégories de données"), ", ".join(c.label for c in incident.data_categories.all())),
                (_("Précisions sur les données"), incident.data_description),
                (_("Nombre approximatif d'enregistrements"), _count(incident.records_count)),
                (_("Catégories de personnes"), incident.persons_description),
                (_("Nombre approximatif de personnes"), _count(incident.persons_count)),
            ],
        ),
        DraftSection(
            _("6. Conséquences probables"),
            "art. 33(3)(c)",
            [
                (_("Conséquences pour les personnes"), incident.consequences),
                (_("Niveau de risque"), incident.get_risk_level_display() if incident.risk_level else ""),
                (_("Justification du niveau de risque"), incident.risk_reasoning),
            ],
        ),
        DraftSection(
            _("7. Mesures prises ou envisagées"),
            "art. 33(3)(d)",
            [(_("Mesures"), "\n".join(_action_text(action) for action in actions))],
        ),
        DraftSection(
            _("8. Information des personnes"),
            "art. 34",
            [(_("Communication aux personnes"), _communication(incident))],
        ),
    ]
    if incident.was_notified_late or incident.is_overdue_at():
        sections.append(
            DraftSection(_("9. Motif du retard"), "art. 33(1)", [(_("Motif du retard"), incident.lateness_reason)])
        )
    missing = [label for section in sections for label, text in section.items if not str(text).strip()]
    return NotificationDraft(sections, missing, client_message(incident, organisation, dpo))


def _count(number):
    return f"{number:n}" if number is not None else ""


def _action_text(action):
    text = action.description
    if action.done_date:
        text += " — " + _("réalisée le %(date)s") % {"date": action.done_date.strftime("%d/%m/%Y")}
    elif action.due_date:
        text += " — " + _("prévue pour le %(date)s") % {"date": action.due_date.strftime("%d/%m/%Y")}
    return text


def _communication(incident):
    if not incident.persons_communication:
        return ""
    text = incident.get_persons_communication_display()
    if incident.persons_communicated_at:
        text += " — " + _local(incident.persons_communicated_at)
    return text


def client_message(incident, organisation, dpo):
    """CentreCall's message to its client, the controller, for a breach in the client's processing."""
    if not incident.is_processor_case:
        return ""
    client = incident.client_controller
    fiches = ", ".join(str(fiche) for fiche in incident.processor_fiches)
    delay = (
        _("dans le délai de %(hours)s heures prévu par notre contrat") % {"hours": incident.controller_delay_hours}
        if incident.controller_delay_hours is not None
        else _("dans les meilleurs délais")
    )
    lines = [
        _("Objet : violation de données personnelles — %(reference)s") % {"reference": incident.reference},
        "",
        _("Madame, Monsieur,"),
        "",
        _(
            "En qualité de sous-traitant de %(client)s pour le traitement « %(fiches)s », %(organisation)s "
            "vous informe, %(delay)s conformément à l'article 33(2) du RGPD, d'une violation de données "
            "personnelles dont elle a pris connaissance le %(aware)s."
        )
        % {
            "client": client,
            "fiches": fiches,
            "organisation": organisation.name if organisation else "CentreCall",
            "delay": delay,
            "aware": _local(incident.aware_at) or "—",
        },
        "",
        _("Nature : %(kinds)s. %(subject)s") % {"kinds": ", ".join(incident.kinds) or "—", "subject": incident.subject},
        _("Conséquences probables : %(text)s") % {"text": incident.consequences or "—"},
        _("Mesures prises ou envisagées : %(text)s")
        % {"text": "; ".join(a.description for a in incident.corrective_actions.all()) or "—"},
        "",
        _(
            "Il vous appartient, en tant que responsable de traitement, d'apprécier la notification à la CNIL "
            "dans les 72 heures après en avoir pris connaissance (art. 33(1)). Nous restons à votre disposition."
        ),
        "",
        (dpo.name if dpo else "") + (f" — {dpo.email}" if dpo and dpo.email else ""),
    ]
    return "\n".join(lines).strip()
