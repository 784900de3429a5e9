from django.urls import path  # noqa: F401  (each feature adds its routes below)

app_name = "processes"

urlpatterns = []
