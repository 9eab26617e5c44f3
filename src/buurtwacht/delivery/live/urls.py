from django.urls import path

from . import views

app_name = "live"
urlpatterns = [
    path("groups/<int:group_id>/events", views.group_events, name="group-events"),
]
