"""Who may do what with processes and collection forms: the one place their pages decide it.

The DPO edits them; managers read them (pages, diagrams, the operations table and its
exports); auditors read them too, and browse them in the admin. The rights are the model
permissions ProcessesConfig.ready() declares for each role.
"""

from django.shortcuts import get_object_or_404

from register.access import require

from .models import CollectionForm, Process


def can_view_processes(user):
    return user.is_authenticated and user.has_perm("processes.view_process")


def can_edit_processes(user):
    return user.is_authenticated and user.has_perm("processes.change_process")


def can_create_process(user):
    return user.is_authenticated and user.has_perm("processes.add_process")


def can_delete_process(user):
    return user.is_authenticated and user.has_perm("processes.delete_process")


def can_view_collection_forms(user):
    return user.is_authenticated and user.has_perm("processes.view_collectionform")


def can_edit_collection_forms(user):
    return user.is_authenticated and user.has_perm("processes.change_collectionform")


def can_create_collection_form(user):
    return user.is_authenticated and user.has_perm("processes.add_collectionform")


def get_process_for_user(request, pk, can=can_view_processes, queryset=None):
    """The process `pk` if the user passes `can`, else 403; 404 if there is no such process."""
    require(can(request.user))
    return get_object_or_404(queryset if queryset is not None else Process.objects.all(), pk=pk)


def get_collection_form_for_user(request, pk, can=can_view_collection_forms, queryset=None):
    """The collection form `pk` if the user passes `can`, else 403; 404 if there is none."""
    require(can(request.user))
    return get_object_or_404(queryset if queryset is not None else CollectionForm.objects.all(), pk=pk)
