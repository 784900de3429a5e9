from django.urls import path

from .views import fiches, history

app_name = "register"

urlpatterns = [
    path("", fiches.treatment_list, name="list"),
    path("<str:reference>/", fiches.treatment_detail, name="detail"),
    path("<str:reference>/historique/", history.treatment_history, name="history"),
]
