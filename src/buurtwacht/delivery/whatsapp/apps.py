from django.apps import AppConfig


class WhatsAppConfig(AppConfig):
    """The WhatsApp channel's state: numbers, members' WhatsApp identities, stored webhooks."""

    name = "buurtwacht.delivery.whatsapp"
    label = "whatsapp"
    default_auto_field = "django.db.models.BigAutoField"
