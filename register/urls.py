from django.urls import path, re_path

from .views import exports, fiches

app_name = "register"

urlpatterns = [
    path("", fiches.treatment_list, name="list"),
    re_path(r"^export\.(?P<export_format>pdf|ods)$", exports.export_register, name="export"),
    re_path(
        r"^(?P<reference>[\w.\-/]+)/export\.(?P<export_format>pdf|ods)$", exports.export_fiche, name="export_fiche"
    ),
    path("<str:reference>/", fiches.treatment_detail, name="detail"),
]
