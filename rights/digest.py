"""The requests' section of the daily digest (register.digest): open requests overdue or due
within DIGEST_DAYS, each with its countdown (DataSubjectRequest.countdown, the art. 12(3) clock)."""

from register.digest import DigestItem

from .models import DataSubjectRequest

DIGEST_DAYS = 14


def request_deadlines(on):
    due = DataSubjectRequest.objects.overdue(on) | DataSubjectRequest.objects.due_within(DIGEST_DAYS, on)
    for subject_request in due.order_by("due_on", "number"):
        yield DigestItem(
            f"{subject_request} : {subject_request.countdown(on)} ({subject_request.deadline:%d/%m/%Y})",
            subject_request.get_absolute_url(),
            subject_request.deadline,
        )
