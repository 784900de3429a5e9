"""What the audit trail listens to: logins and their failures, lockouts, logouts, downloads,
imports, the admin's actions and changes of a user's rights. Connected in AuditConfig.ready()."""

import functools

from axes.signals import user_locked_out
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry, LogEntryManager
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed, post_init, post_save
from django.utils.translation import gettext as _

from register.signals import document_downloaded, import_handled

from .models import AuditAction
from .recording import in_record_language, record

ADMIN_ACTIONS = {ADDITION: AuditAction.ADMIN_ADD, CHANGE: AuditAction.ADMIN_CHANGE, DELETION: AuditAction.ADMIN_DELETE}
IMPORT_ACTIONS = {
    "preview": AuditAction.IMPORT_PREVIEW,
    "applied": AuditAction.IMPORT_APPLIED,
    "refused": AuditAction.IMPORT_REFUSED,
}
RIGHTS_FLAGS = ("is_staff", "is_superuser", "is_active")


def _door(request):
    return {"path": request.path} if request is not None and getattr(request, "path", "") else {}


@in_record_language
def on_login(sender, request, user, **kwargs):
    record(AuditAction.LOGIN, _("Connexion réussie"), _door(request), request=request, user=user)


@in_record_language
def on_login_failed(sender, credentials, request=None, **kwargs):
    username = credentials.get("username", "")
    record(
        AuditAction.LOGIN_FAILED,
        _("Mot de passe ou identifiant refusé"),
        _door(request),
        request=request,
        username=username,
    )


@in_record_language
def on_lockout(sender, request, username=None, ip_address=None, **kwargs):
    record(
        AuditAction.LOCKOUT,
        _("Compte ou adresse bloqué après trop d'échecs"),
        _door(request),
        request=request,
        username=username or "",
    )


@in_record_language
def on_logout(sender, request, user, **kwargs):
    expired = getattr(request, "session_expired", "")  # set by register.sessions before it logs out
    if expired:
        summary = (
            _("Fin de session : durée maximale atteinte") if expired == "lifetime" else _("Fin de session : inactivité")
        )
        record(AuditAction.SESSION_EXPIRED, summary, _door(request), request=request, user=user)
    else:
        record(AuditAction.LOGOUT, _("Déconnexion"), _door(request), request=request, user=user)


@in_record_language
def on_download(sender, request, document, export_format, filename, scope="", **kwargs):
    details = {"document": str(document), "format": export_format, "filename": filename, "scope": str(scope)}
    record(AuditAction.DOWNLOAD, f"{document} ({export_format.upper()}) : {filename}", details, request=request)


@in_record_language
def on_import(sender, request, outcome, filename, created=None, updated=None, errors=(), **kwargs):
    details = {"filename": filename, "created": created, "updated": updated, "errors": [str(e) for e in errors]}
    if outcome == "applied":
        summary = _("« %(file)s » : %(created)s fiche(s) créée(s), %(updated)s mise(s) à jour") % {
            "file": filename,
            "created": created,
            "updated": updated,
        }
    elif outcome == "preview":
        summary = _("« %(file)s » : aperçu de %(created)s création(s) et %(updated)s mise(s) à jour") % {
            "file": filename,
            "created": created,
            "updated": updated,
        }
    else:
        summary = _("« %(file)s » refusé : %(errors)s") % {"file": filename, "errors": " ".join(details["errors"])}
    record(IMPORT_ACTIONS[outcome], summary, details, request=request)


@in_record_language
def record_admin_entry(entry):
    content_type = entry.content_type
    model = f"{content_type.app_label}.{content_type.model}" if content_type else ""
    details = {
        "model": model,
        "object_id": entry.object_id,
        "object_repr": entry.object_repr,
        "change_message": entry.get_change_message(),
    }
    label = content_type.name if content_type else model
    record(ADMIN_ACTIONS[entry.action_flag], f"{label} « {entry.object_repr} »", details, user=entry.user)


def on_log_entry_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        record_admin_entry(instance)


def recording_bulk_log_entries(log_actions):
    """The admin's bulk deletion logs its LogEntry rows with bulk_create, which sends no
    post_save: record those here (a single row is saved, and on_log_entry_saved records it)."""

    @functools.wraps(log_actions)
    def wrapper(self, *args, **kwargs):
        result = log_actions(self, *args, **kwargs)
        if isinstance(result, list) and len(result) > 1:
            for entry in result:
                record_admin_entry(entry)
        return result

    wrapper.records_audit = True
    return wrapper


def remember_rights(sender, instance, **kwargs):
    instance._audit_rights = tuple(getattr(instance, flag) for flag in RIGHTS_FLAGS)


@in_record_language
def on_user_saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
    if raw:
        return
    before = (False, False, True) if created else getattr(instance, "_audit_rights", None)
    now = tuple(getattr(instance, flag) for flag in RIGHTS_FLAGS)
    remember_rights(sender, instance)
    if before is None or before == now:
        return
    changes = {flag: [old, new] for flag, old, new in zip(RIGHTS_FLAGS, before, now, strict=True) if old != new}
    text = ", ".join(f"{flag} : {'oui' if new else 'non'}" for flag, (_old, new) in changes.items())
    record(AuditAction.ROLE_CHANGE, f"{instance.get_username()} — {text}", {"user": instance.get_username(), **changes})


@in_record_language
def on_groups_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    """Groups given to or taken from users, from either side (a user's page or a group's)."""
    if action == "pre_clear":
        members = instance.groups.all() if not reverse else instance.user_set.all()
        instance._audit_cleared = list(members)
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if action == "post_clear":
        others = getattr(instance, "_audit_cleared", [])
    else:
        if not pk_set:
            return
        others = list(model.objects.filter(pk__in=pk_set))
    added = action == "post_add"
    pairs = [(other, instance) for other in others] if reverse else [(instance, other) for other in others]
    by_user = {}
    for user, group in pairs:
        by_user.setdefault(user, []).append(group.name)
    for user, groups in by_user.items():
        key = "groups_added" if added else "groups_removed"
        text = (_("groupes ajoutés : %(groups)s") if added else _("groupes retirés : %(groups)s")) % {
            "groups": ", ".join(sorted(groups))
        }
        record(
            AuditAction.ROLE_CHANGE,
            f"{user.get_username()} — {text}",
            {"user": user.get_username(), key: sorted(groups)},
        )


def connect():
    user_model = get_user_model()
    user_logged_in.connect(on_login, dispatch_uid="audit.login")
    user_login_failed.connect(on_login_failed, dispatch_uid="audit.login_failed")
    user_logged_out.connect(on_logout, dispatch_uid="audit.logout")
    user_locked_out.connect(on_lockout, dispatch_uid="audit.lockout")
    document_downloaded.connect(on_download, dispatch_uid="audit.download")
    import_handled.connect(on_import, dispatch_uid="audit.import")
    post_save.connect(on_log_entry_saved, sender=LogEntry, dispatch_uid="audit.admin")
    if not getattr(LogEntryManager.log_actions, "records_audit", False):
        LogEntryManager.log_actions = recording_bulk_log_entries(LogEntryManager.log_actions)
    post_init.connect(remember_rights, sender=user_model, dispatch_uid="audit.rights_init")
    post_save.connect(on_user_saved, sender=user_model, dispatch_uid="audit.rights")
    m2m_changed.connect(on_groups_changed, sender=user_model.groups.through, dispatch_uid="audit.groups")
