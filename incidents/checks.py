"""The compliance findings about breaches, added to register.compliance by IncidentsConfig.ready()."""

from datetime import datetime, time, timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from register.choices import TreatmentRole
from register.compliance import Finding, Severity, register_check

from .models import Incident


def _moment(on):
    """The end of the day `on` (today: now), the instant the deadlines are judged at."""
    if on >= timezone.localdate():
        return timezone.now()
    return timezone.make_aware(datetime.combine(on + timedelta(days=1), time.min))


def _local(moment):
    return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M")


@register_check(subject=Incident, label=gettext_lazy("Violation non notifiée dans les 72 heures"))
def notification_deadline_kept(incident, on):
    """Art. 33(1): notified within 72 hours of awareness, or the reason recorded; late, the reason why."""
    url = reverse("incidents:qualify", args=[incident.number])
    if incident.is_overdue_at(_moment(on)):
        yield Finding(
            Severity.BLOCKING,
            _(
                "Violation non notifiée à la CNIL alors que le délai de 72 heures a expiré le %(deadline)s, "
                "sans motif d'absence de notification."
            )
            % {"deadline": _local(incident.notification_deadline)},
            article="art. 33(1)",
            fix=_(
                "Notifiez la CNIL sans attendre et indiquez le motif du retard, ou consignez pourquoi "
                "la violation n'est pas notifiée."
            ),
            url=url + "#id_not_notified_reason",
        )
    elif incident.was_notified_late and not incident.lateness_reason.strip():
        yield Finding(
            Severity.WARNING,
            _("Notification faite après le délai de 72 heures sans motif du retard."),
            article="art. 33(1)",
            fix=_("Indiquez le motif du retard : la notification tardive doit être justifiée."),
            url=url + "#id_lateness_reason",
        )


@register_check(subject=Incident, label=gettext_lazy("Client responsable non prévenu d'une violation"))
def client_controller_warned(incident, on):
    """Art. 33(2): as a processor, CentreCall warns its client within the contract's delay."""
    if not incident.is_processor_case or incident.controller_warned_at is not None:
        return
    url = reverse("incidents:qualify", args=[incident.number]) + "#id_controller_warned_at"
    client = incident.client_controller
    if incident.is_controller_warning_overdue_at(_moment(on)):
        yield Finding(
            Severity.BLOCKING,
            _("Le client responsable %(client)s n'a pas été prévenu dans le délai de son contrat (%(deadline)s).")
            % {"client": client, "deadline": _local(incident.controller_deadline)},
            article="art. 33(2)",
            fix=_("Prévenez le client sans attendre et notez quand."),
            url=url,
        )
    elif incident.controller_deadline is None and incident.aware_at is not None:
        yield Finding(
            Severity.WARNING,
            _("Le client responsable %(client)s n'a pas encore été prévenu : il doit l'être dans les meilleurs délais.")
            % {"client": client},
            article="art. 33(2)",
            fix=_("Prévenez le client et notez quand."),
            url=url,
        )


def breaches_to_judge():
    """Every breach with what its checks read, for the findings page (a fixed number of queries)."""
    return Incident.objects.breaches().for_pages()


def role_of_breach(incident):
    return TreatmentRole.PROCESSOR if incident.is_processor_case else TreatmentRole.CONTROLLER
