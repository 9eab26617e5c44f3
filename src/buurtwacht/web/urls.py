from django.contrib.auth import views as auth_views
from django.urls import path

from buurtwacht.accounts.views_staff import password_login

from . import views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("login/", password_login, name="login"),  # the sign-in of buurtwacht.accounts
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("offline/", views.offline, name="offline"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("sw.js", views.service_worker, name="service_worker"),
]
