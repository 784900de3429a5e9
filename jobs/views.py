"""« Mes exports »: the user's jobs, each job's progress page (and its JSON for the script),
the download of its file, and « Relancer » for a failed one. Every view starts with
jobs.access.get_job_for_user: a job is its owner's only."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from register import access as register_access
from register.signals import document_downloaded

from . import running
from .access import can_use_jobs, get_job_for_user
from .models import JobKind, JobStatus

PER_PAGE = 20


@require_GET
@login_required
def job_list(request):
    register_access.require(can_use_jobs(request.user))
    jobs = request.user.jobs.all()
    page = Paginator(jobs, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "jobs/job_list.html", {"page": page, "retention_days": settings.JOBS_RETENTION_DAYS})


@require_GET
@login_required
def job_detail(request, job_id):
    job = running.refresh(get_job_for_user(request, job_id))
    return render(request, "jobs/job_detail.html", {"job": job})


@require_GET
@login_required
def job_status(request, job_id):
    job = running.refresh(get_job_for_user(request, job_id))
    return JsonResponse(
        {
            "status": job.status,
            "status_label": job.get_status_display(),
            "done": job.progress_done,
            "total": job.progress_total,
            "percent": job.percent,
            "count_label": _("%(done)s fiche(s) traitée(s) sur %(total)s")
            % {"done": job.progress_done, "total": job.progress_total},
            "finished": job.is_finished,
        }
    )


@require_GET
@login_required
def job_download(request, job_id):
    job = get_job_for_user(request, job_id)
    if not job.has_file:
        return redirect(job)
    if job.kind == JobKind.EXPORT:
        document_downloaded.send(
            sender=job_download,
            request=request,
            document=job.parameters.get("document", job.title),
            export_format=job.parameters.get("format", ""),
            filename=job.result_filename,
            scope=job.parameters.get("scope", ""),
        )
    return FileResponse(
        job.result_path.open("rb"), as_attachment=True, filename=job.result_filename, content_type=job.result_mimetype
    )


@require_POST
@login_required
def job_retry(request, job_id):
    job = get_job_for_user(request, job_id)
    if job.status == JobStatus.FAILED and job.restart(running.new_task_id()):
        running.dispatch(job)
    return redirect(job)
