"""The change history of one fiche: who changed what, when, field by field."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from .. import access
from ..filter_form import AsOfForm
from ..history.fiches import FICHES
from ..history.timeline import TIMELINE_PAGE_SIZE, timeline_entries, timeline_records


@login_required
def treatment_history(request, reference):
    treatment = access.get_treatment_for_user(request, reference)
    page = Paginator(timeline_records(FICHES, treatment), TIMELINE_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "treatment": treatment,
        "page": page,
        "entries": timeline_entries(FICHES, page.object_list),
        "as_of_form": AsOfForm(auto_id="history-%s"),
    }
    return render(request, "register/treatment_history.html", context)
