"""Who may do what with data-subject requests: the one place their pages decide it.

The DPO records and answers them (the change permission); managers and auditors read them
and download the request register and the letters (the view permission); auditors, as
staff, also browse them read-only in the admin.
"""

from django.shortcuts import get_object_or_404

from register.access import require

from .models import DataSubjectRequest

__all__ = ["can_manage_requests", "can_record_request", "can_view_requests", "get_request_for_user", "require"]


def can_view_requests(user):
    return user.is_authenticated and user.has_perm("rights.view_datasubjectrequest")


def can_record_request(user):
    return user.is_authenticated and user.has_perm("rights.add_datasubjectrequest")


def can_manage_requests(user):
    return user.is_authenticated and user.has_perm("rights.change_datasubjectrequest")


def get_request_for_user(request, number, can=can_view_requests, queryset=None):
    """The request `number` if the user passes `can`, else 403; 404 if there is no such request."""
    require(can(request.user))
    queryset = queryset if queryset is not None else DataSubjectRequest.objects.for_pages()
    return get_object_or_404(queryset, number=number)
