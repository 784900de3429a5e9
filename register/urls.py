from django.urls import path

from . import views

app_name = "register"

urlpatterns = [
    path("", views.treatment_list, name="list"),
    path("<str:reference>/", views.treatment_detail, name="detail"),
]
