"""The compliance findings about data-subject requests, added to register.compliance by RightsConfig.ready()."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from register.choices import TreatmentRole
from register.compliance import Finding, Severity, register_check

from .models import DataSubjectRequest


@register_check(
    subject=DataSubjectRequest, rule="request_answered_in_time", label=gettext_lazy("Demande de droit en retard")
)
def request_answered_in_time(subject_request, on):
    """Art. 12(3): an open request past its last day to answer."""
    if subject_request.is_overdue(on):
        yield Finding(
            Severity.BLOCKING,
            _("Demande %(reference)s sans réponse alors que le délai a expiré le %(deadline)s (%(late)s).")
            % {
                "reference": subject_request.reference,
                "deadline": subject_request.deadline.strftime("%d/%m/%Y"),
                "late": subject_request.countdown(on),
            },
            article="art. 12(3)",
            fix=_("Répondez sans attendre, ou motivez un refus en mentionnant le droit de saisir la CNIL."),
            url=reverse("rights:edit", args=[subject_request.number]) + "#id_answered_on",
        )


@register_check(
    subject=DataSubjectRequest,
    rule="request_forwarded_to_controller",
    label=gettext_lazy("Demande non transmise au client responsable"),
)
def request_forwarded_to_controller(subject_request, on):
    """Art. 28(3)(e): a request on a processor fiche is forwarded to the client controller."""
    if subject_request.is_closed or not subject_request.needs_forwarding:
        return
    clients = ", ".join(str(client) for client in subject_request.client_controllers) or _("le client")
    yield Finding(
        Severity.WARNING,
        _("La demande %(reference)s porte sur un traitement fait pour %(clients)s et ne lui a pas été transmise.")
        % {"reference": subject_request.reference, "clients": clients},
        article="art. 28(3)(e)",
        fix=_("Transmettez la demande au client responsable du traitement et notez la date."),
        url=reverse("rights:edit", args=[subject_request.number]) + "#id_forwarded_on",
    )


def requests_to_judge():
    """Every request with what its checks read, for the findings page (a fixed number of queries)."""
    return DataSubjectRequest.objects.for_pages()


def client_of_request(subject_request):
    clients = subject_request.client_controllers
    return clients[0] if clients else None


def role_of_request(subject_request):
    return TreatmentRole.PROCESSOR if subject_request.processor_fiches else TreatmentRole.CONTROLLER
