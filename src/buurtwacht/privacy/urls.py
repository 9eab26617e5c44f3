from django.urls import path

from . import views

app_name = "privacy"
urlpatterns = [
    path("me/data/", views.my_data, name="my_data"),
    path("me/data/export.json", views.my_data_download, name="my_data_download"),
    path("me/data/erase/", views.my_data_erase, name="my_data_erase"),
    path("groups/<int:group_id>/privacy/", views.transparency, name="transparency"),
    path("audit/", views.zone_audit_log, name="audit_log"),
    path("audit/export.csv", views.zone_audit_csv, name="audit_csv"),
]
