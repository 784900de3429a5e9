"""The awareness documents of a fiche, under /conformite/fiches/<reference>/ (compliance namespace)."""

from django.urls import path

from . import views

urlpatterns = [
    path("fiches/<str:reference>/notice/", views.notice_page, name="notice"),
    path("fiches/<str:reference>/notice.pdf", views.notice_pdf, name="notice_pdf"),
    path("fiches/<str:reference>/annonce-enregistrement/", views.announcement_page, name="announcement"),
    path("fiches/<str:reference>/annonce-enregistrement.pdf", views.announcement_pdf, name="announcement_pdf"),
    path("fiches/<str:reference>/fiche-reflexe.pdf", views.reflex_pdf, name="reflex_pdf"),
]
