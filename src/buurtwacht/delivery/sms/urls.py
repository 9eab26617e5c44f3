from django.urls import path

from . import callback

app_name = "sms"
urlpatterns = [path("status", callback.status, name="status")]
