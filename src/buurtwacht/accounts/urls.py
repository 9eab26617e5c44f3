from django.urls import path

from . import views, views_staff

app_name = "accounts"
urlpatterns = [
    path("login/", views_staff.password_login, name="login"),
    path("login/code/", views.code_request, name="code_request"),
    path("login/code/enter/", views.code_enter, name="code_enter"),
    path("login/link/<str:token>/", views.link, name="link"),
    path("login/otp/", views_staff.otp_verify, name="otp_verify"),
    path("login/otp/enrol/", views_staff.otp_enrol, name="otp_enrol"),
    path("login/otp/recovery-codes/", views_staff.recovery_codes, name="recovery_codes"),
]
