from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from .. import access
from ..queries import treatments_for_list, treatments_with_lines

PAGE_SIZE = 50


@login_required
def treatment_list(request):
    access.require(access.can_view_register(request.user))
    treatments = treatments_for_list().visible_by_default().order_by("reference")
    page = Paginator(treatments, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "register/treatment_list.html", {"page": page})


@login_required
def treatment_detail(request, reference):
    treatment = access.get_treatment_for_user(request, reference, queryset=treatments_with_lines())
    return render(request, "register/treatment_detail.html", {"treatment": treatment})
