from django.urls import path, re_path

from . import findings_views, views

app_name = "compliance"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("constats/", findings_views.findings_list, name="findings"),
    re_path(r"^constats/export\.(?P<export_format>pdf|ods)$", findings_views.findings_export, name="findings_export"),
]
