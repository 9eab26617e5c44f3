from django.urls import path

from . import webhook

app_name = "whatsapp"
urlpatterns = [path("whatsapp", webhook.whatsapp_webhook, name="webhook")]
