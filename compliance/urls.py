from django.urls import path  # noqa: F401  (the app's pages add their routes here)

app_name = "compliance"

urlpatterns = []
