from django.urls import path, re_path

from . import views

app_name = "rights"

urlpatterns = [
    path("", views.request_list, name="list"),
    re_path(r"^export\.(?P<export_format>pdf|ods)$", views.request_register_export, name="export"),
    path("nouvelle/", views.request_create, name="create"),
    path("<int:number>/", views.request_detail, name="detail"),
    path("<int:number>/modifier/", views.request_edit, name="edit"),
    path("<int:number>/lettres/<slug:letter>.pdf", views.request_letter, name="letter"),
]
