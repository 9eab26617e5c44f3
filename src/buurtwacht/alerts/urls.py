from django.urls import path

from . import views

app_name = "alerts"
urlpatterns = [
    path("groups/<int:group_id>/", views.group_feed, name="feed"),
    path("groups/<int:group_id>/alerts/new/", views.new_alert, name="new"),
    path("groups/<int:group_id>/moderation/", views.moderation_page, name="moderation"),
    path("alerts/<int:alert_id>/", views.alert_detail, name="detail"),
]
