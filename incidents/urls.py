from django.urls import path, re_path

from .views import breaches, incidents, notification, reports

app_name = "incidents"

urlpatterns = [
    path("", incidents.incident_list, name="list"),
    path("signaler/", reports.report_incident, name="report"),
    path("mes-signalements/", reports.my_reports, name="my_reports"),
    path("violations/", breaches.breach_register, name="breach_register"),
    re_path(r"^violations/export\.(?P<export_format>pdf|ods)$", breaches.breach_register_export, name="breach_export"),
    path("<int:number>/", incidents.incident_detail, name="detail"),
    path("<int:number>/qualifier/", incidents.incident_qualify, name="qualify"),
    path("<int:number>/actions/", incidents.action_add, name="action_add"),
    path("<int:number>/actions/<int:pk>/realisee/", incidents.action_done, name="action_done"),
    path("<int:number>/notifications/", incidents.notification_add, name="notification_add"),
    path("<int:number>/pieces/", incidents.attachment_add, name="attachment_add"),
    path("<int:number>/pieces/<int:pk>/", incidents.attachment_download, name="attachment"),
    path("<int:number>/notification/", notification.notification_draft, name="notification_draft"),
    path("<int:number>/notification.pdf", notification.notification_draft_pdf, name="notification_pdf"),
]
