"""Call recordings (CNIL, enregistrement des appels sur le lieu de travail; reference
section 7), registered by RegisterConfig.ready(). A fiche records calls when one of its data
lines is marked « Enregistrement d'appels »; its retention is judged with the other CNIL
references (register.checks.retention)."""

import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from ..compliance import Finding, Severity, register_check
from ..models import Treatment
from .links import edit_link, line_anchor

RECORDINGS_GUIDANCE = gettext_noop("CNIL, enregistrement des appels sur le lieu de travail")
# A purpose of proof: « preuve de l'appel », « prouver la commande », « à titre probatoire ».
PROOF_WORDS = re.compile(r"\bpreuves?\b|\bprouver\b|\bprobatoire", re.IGNORECASE)


@register_check(subject=Treatment, label=gettext_lazy("Enregistrement d'appels à titre de preuve"))
def call_recordings_are_not_kept_as_proof(treatment, on):
    """The CNIL admits recording calls for training, evaluation and service quality; as proof
    only of a contract concluded by phone, in narrow cases — never of the call itself."""
    if not treatment.records_calls:
        return
    sub_purposes = treatment.sub_purposes.all()
    places = [(_("Finalité principale"), treatment.main_purpose, "id_main_purpose")] + [
        (_("Sous-finalité"), sub.description, line_anchor("sub_purposes", sub_purposes, sub, "description"))
        for sub in sub_purposes
    ]
    for label, text, anchor in places:
        if PROOF_WORDS.search(text):
            yield Finding(
                Severity.WARNING,
                _(
                    "« %(field)s » : les appels sont enregistrés à titre de preuve (« %(text)s ») ; la CNIL ne "
                    "l'admet que dans des cas limités (preuve d'un contrat conclu par téléphone)."
                )
                % {"field": label, "text": text},
                _(RECORDINGS_GUIDANCE),
                _(
                    "Limitez la finalité à la formation, à l'évaluation des opérateurs ou à la qualité du service, "
                    "ou justifiez le cas de preuve d'un contrat conclu par téléphone."
                ),
                edit_link(treatment, anchor),
            )
            return


@register_check(
    subject=Treatment, label=gettext_lazy("Enregistrement d'appels sans information ou sans droit d'opposition")
)
def recorded_people_are_informed_and_may_object(treatment, on):
    """Before recording, the person is told who records, why, on what basis, for whom and how
    long, and what rights they have; they may object and the call goes on unrecorded."""
    if not treatment.records_calls:
        return
    informed, may_object = treatment.recording_information, treatment.recording_objection
    if informed and may_object:
        return
    if not informed and not may_object:
        message = _(
            "Enregistrement des appels : la fiche ne dit ni que les personnes sont informées avant "
            "l'enregistrement, ni qu'elles peuvent s'y opposer (l'appel continuant alors sans)."
        )
    elif not informed:
        message = _(
            "Enregistrement des appels : la fiche ne dit pas que les personnes sont informées avant l'enregistrement."
        )
    else:
        message = _(
            "Enregistrement des appels : la fiche ne dit pas que les personnes peuvent s'opposer à "
            "l'enregistrement, l'appel continuant alors sans."
        )
    yield Finding(
        Severity.WARNING,
        message,
        _("CNIL, enregistrement des appels sur le lieu de travail ; art. 13, art. 21"),
        _(
            "Vérifiez l'annonce faite avant l'enregistrement (responsable, finalité, base légale, destinataires, "
            "durée, droits, droit d'opposition), puis cochez les cases correspondantes de la fiche."
        ),
        edit_link(treatment, "id_recording_objection" if informed else "id_recording_information"),
    )
