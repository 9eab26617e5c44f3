from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("reports/", views.index, name="index"),
    path("reports/national/", views.dashboard, {"kind": "national"}, name="national"),
    path(
        "reports/national/export.csv", views.export_csv, {"kind": "national"}, name="national_csv"
    ),
    path("reports/municipality/<str:nis>/monthly/", views.monthly, name="monthly"),
    path("reports/<str:kind>/<str:key>/", views.dashboard, name="dashboard"),
    path("reports/<str:kind>/<str:key>/export.csv", views.export_csv, name="csv"),
    path("reports/<str:kind>/<str:key>/export.geojson", views.export_geojson, name="geojson"),
]
