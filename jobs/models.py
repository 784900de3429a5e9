"""Background jobs: a long export or import run by a Celery worker, with its progress and file.

A job belongs to the user who asked for it; nobody else sees it (jobs.access). Its file
lives in JOBS_DIR (private, outside the static folders), written under a temporary name and
renamed once complete, so a file that exists is a whole one (jobs.storage).
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import storage


class JobKind(models.TextChoices):
    EXPORT = "export", _("Export")
    IMPORT_PREVIEW = "import_preview", _("Aperçu d'import")
    IMPORT_CONFIRM = "import_confirm", _("Import")


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("En attente")
    RUNNING = "running", _("En cours")
    DONE = "done", _("Terminé")
    FAILED = "failed", _("Échec")


UNFINISHED = (JobStatus.QUEUED, JobStatus.RUNNING)
LOST = _(
    "Le traitement s'est interrompu (le processus de travail s'est arrêté). Aucun fichier n'a été produit : "
    "relancez-le."
)
NEVER_STARTED = _("Aucun processus de travail n'a pris ce traitement en charge. Relancez-le plus tard.")
TIMED_OUT = _("Le traitement a dépassé sa durée maximale et a été arrêté. Aucun fichier n'a été produit.")
FAILED = _(
    "La génération a échoué (%(error)s). Aucun fichier n'a été produit : relancez-la ; si l'échec se répète, "
    "contactez l'administrateur."
)


def expiry():
    return timezone.now() + timedelta(days=settings.JOBS_RETENTION_DAYS)


class JobQuerySet(models.QuerySet):
    def expired(self, now=None):
        return self.filter(expires_at__lte=now or timezone.now())

    def same_work(self, owner, cache_key):
        """The owner's jobs for this exact work on this exact register state, still kept, not failed."""
        return self.filter(owner=owner, cache_key=cache_key, expires_at__gt=timezone.now()).exclude(
            status=JobStatus.FAILED
        )


class Job(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jobs")
    kind = models.CharField(_("type"), max_length=20, choices=JobKind)
    title = models.CharField(_("document"), max_length=200)
    # What the worker needs to redo the work: scope query string, format, language, author…
    parameters = models.JSONField(_("paramètres"), default=dict)
    cache_key = models.CharField(max_length=64, blank=True, db_index=True)
    status = models.CharField(_("état"), max_length=10, choices=JobStatus, default=JobStatus.QUEUED)
    task_id = models.CharField(max_length=64, blank=True)  # the Celery task of the current attempt
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    result_file = models.CharField(max_length=100, blank=True)  # name inside JOBS_DIR
    result_filename = models.CharField(_("fichier"), max_length=255, blank=True)
    result_mimetype = models.CharField(max_length=100, blank=True)
    result_size = models.PositiveBigIntegerField(default=0)
    result_data = models.JSONField(default=dict, blank=True)  # what a job reports besides a file
    error = models.TextField(_("erreur"), blank=True)
    created_at = models.DateTimeField(_("demandé le"), auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(_("terminé le"), null=True, blank=True)
    expires_at = models.DateTimeField(_("conservé jusqu'au"), default=expiry)

    objects = JobQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("traitement en arrière-plan")
        verbose_name_plural = _("traitements en arrière-plan")
        indexes = [models.Index(fields=["owner", "-created_at"], name="job_owner_idx")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("jobs:detail", args=[self.pk])

    @property
    def is_finished(self):
        return self.status in (JobStatus.DONE, JobStatus.FAILED)

    @property
    def percent(self):
        if self.status == JobStatus.DONE:
            return 100
        return int(100 * self.progress_done / self.progress_total) if self.progress_total else 0

    @property
    def result_path(self):
        return storage.path_of(self.result_file) if self.result_file else None

    @property
    def has_file(self):
        """Done, and its whole file is still there (files are renamed into place once complete)."""
        return self.status == JobStatus.DONE and self.result_path is not None and self.result_path.is_file()

    def lost_reason(self, now=None):
        """Why an unfinished job will never finish (its worker stopped beating, no worker took
        it), or "" while it may still finish."""
        now = now or timezone.now()
        beat = timedelta(seconds=3 * settings.JOBS_HEARTBEAT_SECONDS)
        if self.status == JobStatus.RUNNING and (self.heartbeat_at or self.started_at or self.created_at) < now - beat:
            return str(LOST)
        waited = timedelta(seconds=settings.JOBS_TIME_LIMIT)
        if self.status == JobStatus.QUEUED and self.created_at < now - waited:
            return str(NEVER_STARTED)
        return ""

    # --- the worker's side: each a conditional UPDATE, so a late or repeated call changes nothing

    def _update(self, statuses, **fields):
        changed = Job.objects.filter(pk=self.pk, status__in=statuses).update(**fields)
        if changed:
            for name, value in fields.items():
                setattr(self, name, value)
        return bool(changed)

    def start(self):
        """Queued → running, for one worker only (a message delivered twice runs once)."""
        now = timezone.now()
        return self._update([JobStatus.QUEUED], status=JobStatus.RUNNING, started_at=now, heartbeat_at=now)

    def beat(self):
        return self._update([JobStatus.RUNNING], heartbeat_at=timezone.now())

    def record_progress(self, done, total):
        """The builders' progress(done, total) callable (register.exports.progress)."""
        self._update([JobStatus.RUNNING], progress_done=done, progress_total=total, heartbeat_at=timezone.now())

    def finish(self, filename, mimetype, content, **data):
        """Store the whole file, then say done; a job that was failed meanwhile keeps no file."""
        name = storage.write_whole(self.pk, filename, content)
        done = self._update(
            [JobStatus.RUNNING],
            status=JobStatus.DONE,
            result_file=name,
            result_filename=filename,
            result_mimetype=mimetype,
            result_size=len(content),
            result_data=data,
            progress_done=max(self.progress_done, self.progress_total),
            finished_at=timezone.now(),
        )
        if not done:
            storage.remove(name)
        return done

    def finish_without_file(self, **data):
        return self._update(UNFINISHED, status=JobStatus.DONE, result_data=data, finished_at=timezone.now())

    def fail(self, message):
        return self._update(UNFINISHED, status=JobStatus.FAILED, error=str(message), finished_at=timezone.now())

    def restart(self, task_id):
        """A failed job queued again (« Relancer »), as a new attempt with its own task."""
        return self._update(
            [JobStatus.FAILED],
            status=JobStatus.QUEUED,
            task_id=task_id,
            error="",
            progress_done=0,
            progress_total=0,
            created_at=timezone.now(),
            started_at=None,
            heartbeat_at=None,
            finished_at=None,
            expires_at=expiry(),
        )

    def delete_with_file(self):
        if self.result_file:
            storage.remove(self.result_file)
        self.delete()
