"""The daily digest, received over a real SMTP server started by the test (aiosmtpd).

The e-mail goes through Django's SMTP backend to a local server on a free port; the test
reads the message the server received: who it was sent to, its subject, each item and its
absolute link.
"""

import socket
from datetime import timedelta
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.utils import timezone

from register.choices import TreatmentStatus
from tests.conftest import make_treatment, make_user
from tests.contracts.conftest import make_contract
from tests.incidents.conftest import make_breach

pytestmark = pytest.mark.django_db
SITE = "https://registre.centrecall.example"


class Inbox:
    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 OK"

    def messages(self):
        return [message_from_bytes(envelope.content, policy=policy.default) for envelope in self.envelopes]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.DEFAULT_FROM_EMAIL = "registre@centrecall.example"
    settings.SITE_URL = SITE
    yield inbox
    controller.stop()


def dpo(username, email):
    user = make_user(username, "DPO", is_staff=True)
    user.email = email
    user.save()
    return user


def test_each_dpo_receives_the_items_due_with_their_links(smtp_server):
    dpo("sophie", "sophie@centrecall.example")
    dpo("karim", "karim@centrecall.example")
    dpo("sans-adresse", "")
    manager = make_user("paul", "Manager")
    manager.email = "paul@centrecall.example"
    manager.save()
    today = timezone.localdate()
    review = make_treatment(name="Paie", status=TreatmentStatus.IN_FORCE, next_review_date=today - timedelta(days=3))
    draft = make_treatment(name="Essai", status=TreatmentStatus.DRAFT, created_at=today - timedelta(days=40))
    make_treatment(name="Récent", status=TreatmentStatus.DRAFT, created_at=today - timedelta(days=5))
    breach = make_breach(subject="Fuite de fichiers", aware_at=timezone.now() - timedelta(hours=2))
    expiring = make_contract(title="Hébergement ComPlus", end_date=today + timedelta(days=10))
    make_contract(title="Contrat lointain", end_date=today + timedelta(days=400))

    call_command("send_digest")

    assert sorted(envelope.rcpt_tos for envelope in smtp_server.envelopes) == [
        ["karim@centrecall.example"],
        ["sophie@centrecall.example"],
    ]
    message = smtp_server.messages()[0]
    assert message["From"] == "registre@centrecall.example"
    assert message["Subject"].strip() == f"Registre RGPD — à traiter au {today:%d/%m/%Y} (4)"
    body = message.get_content().replace("\r\n", "\n")
    review_due = f"{review.next_review_date:%d/%m/%Y}"
    assert f"{review} : revue en retard depuis le {review_due}\n  {SITE}/registre/{review.reference}/" in body
    draft_day = f"{draft.created_at:%d/%m/%Y}"
    assert f"{draft} : brouillon depuis le {draft_day}, plus de 30 jours\n  {SITE}/registre/{draft.reference}/" in body
    assert f"{breach} : À notifier avant le" in body and f"{SITE}/incidents/{breach.number}/" in body
    end = f"{expiring.end_date:%d/%m/%Y}"
    assert f"{expiring} (Hébergement ComPlus) : prend fin le {end}\n  {SITE}/contrats/{expiring.number}/" in body
    assert "Récent" not in body and "Contrat lointain" not in body


def test_no_mail_is_sent_when_nothing_is_due(smtp_server):
    dpo("sophie", "sophie@centrecall.example")
    make_treatment(status=TreatmentStatus.IN_FORCE, next_review_date=timezone.localdate() + timedelta(days=30))
    make_contract(end_date=timezone.localdate() + timedelta(days=400))

    call_command("send_digest")

    assert smtp_server.envelopes == []
