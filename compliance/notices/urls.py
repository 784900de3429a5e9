"""The awareness documents of a fiche, under /conformite/fiches/<reference>/ (compliance namespace)."""

from django.urls import path

from . import views

urlpatterns = [
    path("fiches/<str:reference>/notice/", views.notice_page, name="notice"),
    path("fiches/<str:reference>/notice.pdf", views.notice_pdf, name="notice_pdf"),
]
