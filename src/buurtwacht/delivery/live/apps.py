from django.apps import AppConfig


class LiveConfig(AppConfig):
    """The live feed: server-sent events of a group's alerts (its own app, label "live")."""

    name = "buurtwacht.delivery.live"
    label = "live"
    default_auto_field = "django.db.models.BigAutoField"
