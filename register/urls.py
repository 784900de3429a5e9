from django.urls import path, re_path

from .views import edit, exports, fiches, history, imports, lifecycle

app_name = "register"

urlpatterns = [
    path("", fiches.treatment_list, name="list"),
    path("nouveau/", edit.treatment_create, name="create"),
    path("import/", imports.import_register, name="import"),
    path("import/confirmer/", imports.import_confirm, name="import_confirm"),
    re_path(r"^export\.(?P<export_format>pdf|ods)$", exports.export_register, name="export"),
    re_path(r"^(?P<reference>[\w.\-]+)/export\.(?P<export_format>pdf|ods)$", exports.export_fiche, name="export_fiche"),
    path("<str:reference>/", fiches.treatment_detail, name="detail"),
    path("<str:reference>/historique/", history.treatment_history, name="history"),
    path("<str:reference>/modifier/", edit.treatment_edit, name="edit"),
    path("<str:reference>/dupliquer/", lifecycle.treatment_duplicate, name="duplicate"),
    path("<str:reference>/statut/", lifecycle.treatment_change_status, name="change_status"),
    path("<str:reference>/revue/", lifecycle.treatment_mark_reviewed, name="mark_reviewed"),
    path("<str:reference>/supprimer/", lifecycle.treatment_delete, name="delete"),
]
