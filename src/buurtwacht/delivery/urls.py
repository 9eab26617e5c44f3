from django.urls import path

from . import push_views, status_views, views

app_name = "delivery"
urlpatterns = [
    path("me/channels/", views.channel_settings, name="channels"),
    path("me/push/subscribe", push_views.subscribe, name="push_subscribe"),
    path("me/push/unsubscribe", push_views.unsubscribe, name="push_unsubscribe"),
    path("groups/<int:group_id>/deliveries/", status_views.message_list, name="status"),
    path(
        "groups/<int:group_id>/deliveries/<int:message_id>/",
        status_views.message_detail,
        name="status_detail",
    ),
]
