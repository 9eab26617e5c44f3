from django.urls import path

from . import views

app_name = "delivery"
urlpatterns = [path("me/channels/", views.channel_settings, name="channels")]
