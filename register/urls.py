from django.urls import path

from .views import fiches, imports

app_name = "register"

urlpatterns = [
    path("", fiches.treatment_list, name="list"),
    path("import/", imports.import_register, name="import"),
    path("import/confirmer/", imports.import_confirm, name="import_confirm"),
    path("<str:reference>/", fiches.treatment_detail, name="detail"),
]
