"""Who may see a job: its owner only, and only while he keeps the right the job needs.

Anyone else gets a 404, a superuser included: a job's existence is not revealed."""

from django.shortcuts import get_object_or_404

from register import access as register_access

from .models import Job, JobKind

RIGHTS = {
    JobKind.EXPORT: register_access.can_export_register,
    JobKind.IMPORT_PREVIEW: register_access.can_import_register,
    JobKind.IMPORT_CONFIRM: register_access.can_import_register,
}


def can_use_jobs(user):
    """May start jobs, so has a « Mes exports » page."""
    return any(allowed(user) for allowed in set(RIGHTS.values()))


def get_job_for_user(request, job_id):
    job = get_object_or_404(Job, pk=job_id, owner=request.user)
    register_access.require(RIGHTS[job.kind](request.user))
    return job
