from django.urls import path, re_path

from .views import contracts, exports

app_name = "contracts"

urlpatterns = [
    path("", contracts.contract_list, name="list"),
    path("nouveau/", contracts.contract_create, name="create"),
    re_path(r"^export\.(?P<export_format>pdf|ods)$", exports.contract_export, name="export"),
    path("<int:number>/", contracts.contract_detail, name="detail"),
    path("<int:number>/modifier/", contracts.contract_edit, name="edit"),
    path("<int:number>/document/", contracts.contract_document, name="document"),
]
