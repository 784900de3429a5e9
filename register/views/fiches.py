"""Reading the register: the list of fiches and one fiche, live or as of a past date."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from .. import access, compliance, fiche_panels
from ..filter_form import RegisterFilterForm, RegisterListForm, sort_links
from ..history.asof import rebuild
from ..history.fiches import FICHES
from ..models import Organisation
from ..queries import prefetch_fiche_extras, treatments_with_lines
from ..scopes import judge

PAGE_SIZE = 50


@login_required
def treatment_list(request):
    access.require(access.can_view_register(request.user))
    clients = list(Organisation.objects.processor_clients())  # the client filter and the export menu
    form = RegisterListForm(request.GET, clients=clients)
    scope = form.scope
    if form.typed_day and not scope.errors:  # a date typed in the box: on to its ISO URL
        return redirect(scope.url())
    query_string = scope.query_string()
    context = {
        "scope": scope,
        "form": form,
        "clients": clients,
        "query_string": query_string,
        "has_filters": bool(query_string),
        "page": None,
    }
    if scope.errors:
        return render(request, "register/treatment_list.html", context, status=400)
    page_number = request.GET.get("page")
    if scope.compliance:
        # The filter judges every fiche in scope (lines loaded in a fixed number of queries).
        page = Paginator(scope.treatments(), PAGE_SIZE).get_page(page_number)
    elif scope.as_of:
        # Lines are rebuilt for the shown page only, so memory does not grow with the register.
        page = Paginator(scope.historical_treatments(), PAGE_SIZE).get_page(page_number)
        page.object_list = prefetch_fiche_extras(rebuild(FICHES, scope.as_of_moment, page.object_list))
    else:
        page = Paginator(scope.filter_queryset(treatments_with_lines()), PAGE_SIZE).get_page(page_number)
    page.object_list = list(page.object_list)
    for treatment in page.object_list:  # every row has its lines: the compliance column judges them
        treatment.has_sensitive = treatment.has_sensitive_data
        treatment.review_overdue = treatment.is_review_overdue_on(scope.day)
        judge(treatment, scope.day)
    context["page"] = page
    context["sort_links"] = sort_links(scope)
    return render(request, "register/treatment_list.html", context)


@login_required
def treatment_detail(request, reference):
    # Of the register's query string only the date applies to one fiche; it is parsed the same way.
    dated = RegisterFilterForm({"date": request.GET.get("date", "")}).scope
    as_of = dated.as_of
    try:
        treatment = access.get_fiche_for_user(request, reference, as_of)
    except Http404:
        if as_of is None:
            raise
        context = {"reference": reference, "as_of": as_of}
        return render(request, "register/treatment_not_yet.html", context, status=404)
    day = as_of or timezone.localdate()
    context = {
        "treatment": treatment,
        "as_of": as_of,
        "errors": dated.errors,
        "findings": compliance.findings_for(treatment, day),
        "completeness": compliance.completeness_for(treatment, day),
        "review_overdue": treatment.is_review_overdue_on(day),
        "panels": fiche_panels.panels_for(treatment, user=request.user, as_of=as_of),
        # The processor of a processor fiche is the organisation keeping the register (art. 30(2)(a)).
        "organisation": Organisation.objects.prefetch_related("contacts").own()
        if treatment.is_processor_fiche
        else None,
    }
    return render(request, "register/treatment_detail.html", context, status=400 if dated.errors else 200)
