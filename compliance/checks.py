"""The compliance findings about DPIAs, added to register.compliance by ComplianceConfig.ready().

Both read the fiche's screening in force on the day judged (compliance.screening.latest_screening,
prefetched with the fiche's lines) and its `dpia_status`: a screening that calls for a DPIA
is answered only by a DPIA done (art. 35(1): carried out prior to the processing).
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from register.choices import DpiaStatus
from register.compliance import Finding, Severity, register_check
from register.models import Treatment

from .dpia_lists import CRITERIA_FOR_A_DPIA
from .screening import latest_screening


def _severity(treatment):
    # A DPIA under way is the right answer not yet finished; none started breaks art. 35(1).
    return Severity.WARNING if treatment.dpia_status == DpiaStatus.IN_PROGRESS else Severity.BLOCKING


def _screening_url(treatment):
    return reverse("compliance:screening", args=[treatment.reference])


def _status_label(treatment):
    return DpiaStatus(treatment.dpia_status).label if treatment.dpia_status in DpiaStatus.values else ""


@register_check(subject=Treatment, label=gettext_lazy("AIPD non réalisée malgré deux critères du CEPD ou plus"))
def dpia_done_when_criteria_met(treatment, on):
    """Two criteria of WP248 or more: a DPIA is required (art. 35(1) and 35(3))."""
    screening = latest_screening(treatment, on)
    if screening is None or treatment.dpia_status == DpiaStatus.DONE:
        return
    criteria = screening.ticked_criteria
    if len(criteria) < CRITERIA_FOR_A_DPIA:
        return
    yield Finding(
        _severity(treatment),
        _(
            "Analyse d'impact : %(count)d critères du CEPD sont remplis (%(criteria)s) et l'AIPD n'est pas "
            "réalisée (statut « %(status)s »)."
        )
        % {
            "count": len(criteria),
            "criteria": ", ".join(str(criterion.label).lower() for criterion, _note in criteria),
            "status": _status_label(treatment),
        },
        article=_("art. 35(1) et 35(3) RGPD ; lignes directrices WP248 du CEPD"),
        fix=_(
            "Menez l'analyse d'impact avant la mise en œuvre, puis passez le statut AIPD de la fiche à « Réalisée »."
        ),
        url=_screening_url(treatment),
    )


@register_check(subject=Treatment, label=gettext_lazy("AIPD non réalisée pour un type de la liste de la CNIL"))
def dpia_done_when_on_cnil_list(treatment, on):
    """A processing of a type on the CNIL's list always needs a DPIA (art. 35(4))."""
    screening = latest_screening(treatment, on)
    if screening is None or treatment.dpia_status == DpiaStatus.DONE or not screening.cnil_type_choices:
        return
    yield Finding(
        _severity(treatment),
        _(
            "Analyse d'impact : le traitement relève de la liste CNIL des traitements soumis à AIPD (%(types)s) "
            "et l'AIPD n'est pas réalisée (statut « %(status)s »)."
        )
        % {
            "types": "; ".join(str(kind.label) for kind in screening.cnil_type_choices),
            "status": _status_label(treatment),
        },
        article=_("art. 35(4) RGPD ; liste CNIL des traitements soumis à AIPD (délibération n° 2018-327)"),
        fix=_(
            "Menez l'analyse d'impact avant la mise en œuvre, puis passez le statut AIPD de la fiche à « Réalisée »."
        ),
        url=_screening_url(treatment),
    )
