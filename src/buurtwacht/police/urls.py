from django.urls import path

from . import views

app_name = "police"
urlpatterns = [
    path("police/", views.home, name="home"),
    path("police/zones/<int:zone_id>/", views.zone, name="zone"),
    path("police/zones/<int:zone_id>/map.svg", views.zone_map, name="zone_map"),
    path("police/alerts/<int:alert_id>/", views.alert, name="alert"),
    path("police/groups/<int:group_id>/messages/", views.group_messages, name="group_messages"),
    path("police/broadcasts/", views.broadcast_list, name="broadcasts"),
    path("police/broadcasts/<int:pk>/", views.broadcast, name="broadcast"),
    path("police/replies/<int:pk>/", views.reply_detail, name="reply_detail"),
    path("to-police/<int:outbound_id>/", views.reply, name="reply"),
]
