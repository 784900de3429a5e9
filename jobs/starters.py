"""The register's doors into the queue (installed in register.background by JobsConfig.ready).

An export of at least JOBS_EXPORT_THRESHOLD fiches, when a broker is configured, becomes a
job: the request answers at once with the job's page. The same extract asked again by the
same user on an unchanged register (register.exports.state) gives the stored file at once,
or the page of the job already building it.
"""

import hashlib
import json
from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from register.exports.state import register_state

from . import running
from .models import Job, JobKind


def export_cache_key(owner, parameters, state):
    work = json.dumps({"owner": owner.pk, "parameters": parameters, "state": state}, sort_keys=True)
    return hashlib.sha256(work.encode()).hexdigest()


def start_export(request, *, scope, export_format, document):
    if not running.queue_configured() or len(scope.fiche_versions()) < settings.JOBS_EXPORT_THRESHOLD:
        return None
    user = request.user
    parameters = {
        "query": urlencode(scope.to_params()),
        "format": export_format,
        "language": get_language(),
        "document": str(document),
        "scope": scope.describe(),
        "generated_by": user.get_full_name() or user.get_username(),
    }
    key = export_cache_key(user, parameters, register_state(scope))
    for earlier in Job.objects.same_work(user, key):
        if earlier.has_file:
            return redirect("jobs:download", earlier.pk)
        if not earlier.is_finished:
            return redirect(earlier)
    job = Job.objects.create(
        owner=user,
        kind=JobKind.EXPORT,
        title=_("%(document)s (%(format)s)") % {"document": document, "format": export_format.upper()},
        parameters=parameters,
        cache_key=key,
        task_id=running.new_task_id(),
    )
    running.dispatch(job)
    return redirect(job)
