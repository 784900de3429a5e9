from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from compliance.views import home

urlpatterns = [
    path("", home, name="home"),
    path("connexion/", auth_views.LoginView.as_view(), name="login"),
    path("deconnexion/", auth_views.LogoutView.as_view(), name="logout"),
    path("registre/", include("register.urls")),
    path("processus/", include("processes.urls")),
    path("incidents/", include("incidents.urls")),
    path("demandes/", include("rights.urls")),
    path("conformite/", include("compliance.urls")),
    path("contrats/", include("contracts.urls")),
    path("journal/", include("audit.urls")),
    path("mes-exports/", include("jobs.urls")),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]
