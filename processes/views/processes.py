"""The process list, a process's page, its creation and its deletion."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.db.models.lookups import Contains
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from register.choices import TreatmentStatus
from register.models import Treatment
from register.search import Folded, fold

from .. import access
from ..models import EmissionRule, Event, Operation, Process
from ..process_forms import ProcessForm

PAGE_SIZE = 50


@login_required
def process_list(request):
    access.require(access.can_view_processes(request.user))
    query = request.GET.get("q", "").strip()[:200]
    status = request.GET.get("status", "")
    if status and status not in TreatmentStatus.values:
        return render(
            request,
            "processes/process_list.html",
            {"error": _("Ce statut n'existe pas."), "query": query, "statuses": TreatmentStatus.choices},
            status=400,
        )
    processes = (
        Process.objects.select_related("client")
        .annotate(operation_count=Count("operations", distinct=True))
        .order_by("name", "pk")
        .prefetch_related(Prefetch("treatments", queryset=Treatment.objects.only("pk", "reference", "name")))
    )
    for word in fold(query).split():  # regardless of case and accents, like the register's search
        processes = processes.filter(Contains(Folded("name"), word))
    if status:
        processes = processes.filter(status=status)
    page = Paginator(processes, PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "page": page,
        "query": query,
        "status": status,
        "statuses": TreatmentStatus.choices,
        "query_string": params.urlencode(),
        "can_create": access.can_create_process(request.user),
    }
    return render(request, "processes/process_list.html", context)


def process_page_queryset():
    """The process page's rows in a fixed number of queries, whatever the size of the process."""
    return Process.objects.select_related("client").prefetch_related(
        Prefetch("treatments", queryset=Treatment.objects.only("pk", "reference", "name")),
        "actors",
        Prefetch("events", queryset=Event.objects.select_related("actor")),
        Prefetch(
            "operations",
            queryset=Operation.objects.select_related("actor").prefetch_related(
                "triggers",
                Prefetch(
                    "rules",
                    queryset=EmissionRule.objects.select_related("target_event", "target_operation").order_by(
                        "position", "id"
                    ),
                ),
            ),
        ),
    )


@login_required
def process_detail(request, pk):
    process = access.get_process_for_user(request, pk, queryset=process_page_queryset())
    context = {
        "process": process,
        "can_edit": access.can_edit_processes(request.user),
        "can_delete": access.can_delete_process(request.user),
        "history_url": reverse("admin:processes_process_history", args=[process.pk]) if request.user.is_staff else "",
    }
    return render(request, "processes/process_detail.html", context)


@login_required
def process_create(request):
    access.require(access.can_create_process(request.user))
    form = ProcessForm(request.POST or None, instance=Process())
    if request.method == "POST":
        if form.is_valid():
            process = form.save()
            messages.success(
                request,
                _("Processus « %(name)s » créé. Ajoutez maintenant ses acteurs et ses événements, puis ses opérations.")
                % {"name": process.name},
            )
            return redirect("processes:edit", pk=process.pk)
        return render(request, "processes/process_create.html", {"form": form}, status=400)
    return render(request, "processes/process_create.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def process_delete(request, pk):
    process = access.get_process_for_user(request, pk, access.can_delete_process)
    if request.method == "POST":
        name = process.name
        process.delete()
        messages.success(request, _("Processus « %(name)s » supprimé.") % {"name": name})
        return redirect("processes:list")
    counts = {
        "actors": process.actors.count(),
        "events": process.events.count(),
        "operations": process.operations.count(),
    }
    return render(request, "processes/process_confirm_delete.html", {"process": process, "counts": counts})
