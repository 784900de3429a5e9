"""An audit entry cannot be changed or deleted by the application, only purged when too old."""

import pytest
from django.urls import reverse

from audit.models import AppendOnlyError, AuditAction, AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(db):
    return AuditEntry.objects.create(action=AuditAction.LOGIN, username="dpo", summary="Connexion réussie")


def test_an_entry_cannot_be_saved_again(entry):
    entry.username = "quelqu'un d'autre"
    with pytest.raises(AppendOnlyError):
        entry.save()
    assert AuditEntry.objects.get().username == "dpo"


def test_an_entry_cannot_be_deleted(entry):
    with pytest.raises(AppendOnlyError):
        entry.delete()
    assert AuditEntry.objects.count() == 1


def test_a_queryset_cannot_be_updated_or_deleted(entry):
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).update(username="x")
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.bulk_update([entry], ["username"])
    assert AuditEntry.objects.get().username == "dpo"


def test_nobody_may_be_given_a_right_to_write_entries():
    from django.contrib.auth.models import Permission

    codenames = set(Permission.objects.filter(content_type__app_label="audit").values_list("codename", flat=True))
    assert codenames == {"view_auditentry"}


def test_even_a_superuser_cannot_change_or_delete_an_entry_in_the_admin(client, superuser, entry):
    client.force_login(superuser)
    change = reverse("admin:audit_auditentry_change", args=[entry.pk])
    assert client.get(change).status_code == 200  # read only
    assert client.post(change, {"username": "x"}).status_code == 403
    delete = reverse("admin:audit_auditentry_delete", args=[entry.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert client.get(reverse("admin:audit_auditentry_add")).status_code == 403
    changelist = client.post(
        reverse("admin:audit_auditentry_changelist"), {"action": "delete_selected", "_selected_action": [entry.pk]}
    )
    assert changelist.status_code == 403
    assert AuditEntry.objects.filter(pk=entry.pk, username="dpo").exists()
