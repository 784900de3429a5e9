from django.urls import path

from . import views

app_name = "audit"

urlpatterns = [
    path("", views.journal, name="journal"),
    path("export.ods", views.journal_export, name="export"),
]
