from django.urls import path, re_path

from . import identification_views
from .views import diagrams, editor, operations, processes

app_name = "processes"

urlpatterns = [
    path("", processes.process_list, name="list"),
    path("nouveau/", processes.process_create, name="create"),
    path("<int:pk>/", processes.process_detail, name="detail"),
    path("<int:pk>/modifier/", editor.process_edit, name="edit"),
    path("<int:pk>/supprimer/", processes.process_delete, name="delete"),
    path("<int:pk>/diagramme.svg", diagrams.diagram_svg_view, name="diagram_svg"),
    path("<int:pk>/diagramme.png", diagrams.diagram_png_view, name="diagram_png"),
    # Collection forms and the identification of their fields (issue 10, point 8).
    path("formulaires/", identification_views.form_list, name="form_list"),
    path("formulaires/nouveau/", identification_views.form_create, name="form_create"),
    path("formulaires/<int:pk>/", identification_views.form_detail, name="form_detail"),
    path("formulaires/<int:pk>/modifier/", identification_views.form_edit, name="form_edit"),
    path("formulaires/<int:pk>/proposer/", identification_views.form_propose, name="form_propose"),
    path("formulaires/<int:pk>/confirmer/", identification_views.form_confirm, name="form_confirm"),
    path("formulaires/<int:pk>/identification.pdf", identification_views.form_pdf, name="form_pdf"),
    path("formulaires/<int:pk>/completer-la-fiche/", identification_views.form_complete, name="form_complete"),
    # The operations table and the process document (issue 10, points 6 and 7).
    path("<int:pk>/operations/", operations.operations_table, name="operations"),
    re_path(
        r"^(?P<pk>[0-9]+)/operations\.(?P<export_format>pdf|ods)$",
        operations.operations_export,
        name="operations_export",
    ),
    path("<int:pk>/processus.pdf", operations.process_pdf, name="pdf"),
]
