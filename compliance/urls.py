from django.urls import path, re_path

from . import findings_views, views
from . import risk_views as risks
from . import screening_views as screenings
from .notices import urls as notices_urls

app_name = "compliance"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("constats/", findings_views.findings_list, name="findings"),
    re_path(r"^constats/export\.(?P<export_format>pdf|ods)$", findings_views.findings_export, name="findings_export"),
    path("fiches/<str:reference>/aipd/", screenings.screening_page, name="screening"),
    path("fiches/<str:reference>/aipd/nouveau/", screenings.screening_new, name="screening_new"),
    path("fiches/<str:reference>/risques/", risks.fiche_risks, name="risks"),
    path("fiches/<str:reference>/risques/modifier/", risks.fiche_risks_edit, name="risks_edit"),
    path("risques/", risks.register_risks, name="register_risks"),
    path("risques/pdf/", risks.register_risks_pdf, name="register_risks_pdf"),
    *notices_urls.urlpatterns,
]
